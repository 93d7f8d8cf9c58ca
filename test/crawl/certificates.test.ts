import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { HttpClient } from '../../src/crawl/http-client.js';
import { FixtureFleet, loadSiteDir, selfSignedTls } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { probeHomePage } from '../../src/probe/probe.js';
import { buildReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { openDb } from '../../src/store/db.js';
import { startCli } from '../helpers/cli.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { tmpDb, tmpDir, writeTmp } from '../helpers/tmp.js';

const TLS = selfSignedTls();
const SELF_SIGNED = 'DEPTH_ZERO_SELF_SIGNED_CERT';

/**
 * A site whose certificate fails verification (here self-signed; in the field expired, issued for
 * another name, or sent without its intermediate, which browsers fetch and Node does not) is there
 * all the same: govsite reads it and says what is wrong with the certificate, over real TLS sockets.
 */
describe('certificates that fail verification', () => {
  let fleet: FixtureFleet;
  let plain: FixtureFleet;
  before(async () => {
    fleet = await FixtureFleet.start({ healthy: { ...loadSiteDir(join(FIXTURES_DIR, 'sites', 'healthy')), tls: TLS } });
    plain = await FixtureFleet.start({ plain: { files: { '/': '<html><body>plain</body></html>' } } });
  });
  after(async () => {
    await fleet.close();
    await plain.close();
  });
  const client = () => new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test' });

  it('the page is read, and the certificate fault kept with it', async () => {
    const c = client();
    try {
      const outcome = await c.send(`${fleet.origin('healthy')}/`, { method: 'GET' });
      expect(outcome).toMatchObject({ ok: true, status: 200, certificate: SELF_SIGNED });
      expect(outcome.ok && outcome.body.toString()).toContain('示范市人民政府');
    } finally {
      await c.close();
    }
  });

  it('an origin whose certificate failed is asked through the lenient pool at once: one handshake a connection, not a failed one before each', async () => {
    const c = client();
    const refused = () => fleet.stats('healthy').refusedHandshakes;
    try {
      const before = refused();
      for (const path of ['/', '/col/col101/index.html', '/col/col102/index.html']) {
        expect(await c.send(`${fleet.origin('healthy')}${path}`, { method: 'GET' })).toMatchObject({ ok: true, status: 200, certificate: SELF_SIGNED });
      }
      // the server hears of a refused handshake a moment later: wait for the first, then give any other time to arrive
      for (let waited = 0; refused() === before && waited < 2_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 100));
      expect(refused() - before).toBe(1);
    } finally {
      await c.close();
    }
  });

  it('a handshake that fails for another reason (TLS to a plain-HTTP port) is a failure, not read around', async () => {
    const c = client();
    try {
      const outcome = await c.send(plain.origin('plain').replace('http:', 'https:') + '/', { method: 'GET' });
      expect(outcome.ok).toBe(false);
      expect(outcome).not.toHaveProperty('certificate');
    } finally {
      await c.close();
    }
  });

  it('an audit reads the site as it reads it over HTTP, and reports the home page certificate', async () => {
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, [{ id: '3201000001', url: `${fleet.origin('healthy')}/` }]);
    const site = buildReport(db, runId, loadProfile('gov-2019')).sites[0]!;
    expect(site).toMatchObject({ certificate: SELF_SIGNED, verdict: 'qualified', score: 100, findings: [] });
    expect(site.stats.pages).toBeGreaterThan(40);
    expect(rows(db, `SELECT DISTINCT certificate FROM fetches WHERE run_id = ? AND purpose = 'page'`, runId)).toEqual([{ certificate: SELF_SIGNED }]);
  });

  it('through a proxy (a CONNECT tunnel) as well', async () => {
    const proxy = await startLoopbackProxy((host) => (host.startsWith('www.tls.gov.cn') ? fleet.origin('healthy') : null));
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'tls', url: 'https://www.tls.gov.cn/' }], { proxy: proxy.url, maxPages: 3 });
      expect(rows(db, `SELECT url, status, certificate FROM fetches WHERE run_id = ? AND url = 'https://www.tls.gov.cn/'`, runId))
        .toEqual([{ url: 'https://www.tls.gov.cn/', status: 200, certificate: SELF_SIGNED }]);
    } finally {
      await proxy.close();
    }
  });

  it('govsite probe says so in its summary, and merge keeps the probe\'s certificate', async () => {
    const dir = tmpDir();
    const registry = writeTmp('tls.csv', `id,url\n3201000001,${fleet.origin('healthy')}/\n`);
    const probed = await startCli(['probe', registry, '--db', join(dir, 'p.db'), '--once']).done;
    expect(probed.code).toBe(0);
    expect(probed.stdout).toMatch(/3201000001 {2}1 probes, 0 failed \(0\.0 %\), 0 of 7 days with ≥ 20  \S+ {2}certificate not verified: DEPTH_ZERO_SELF_SIGNED_CERT\n/);
    expect((await startCli(['merge', join(dir, 'p.db'), '--into', join(dir, 'all.db')]).done).code).toBe(0);
    const db = openDb(join(dir, 'all.db'));
    expect(db.prepare('SELECT ok, certificate FROM probes').all()).toEqual([{ ok: 1, certificate: SELF_SIGNED }]);
    db.close();
  });

  it('a probe finds the site up, and notes the certificate', async () => {
    const c = client();
    try {
      expect(await probeHomePage(c, { siteId: 's', url: `${fleet.origin('healthy')}/` })).toMatchObject({ ok: true, status: 200, certificate: SELF_SIGNED });
    } finally {
      await c.close();
    }
  });
});
