import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Agent, get } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import { CertificateFaults, judged, judgedHttpsAgent } from '../../src/crawl/certificates.js';
import { classifyError } from '../../src/crawl/outcome.js';
import { HttpClient } from '../../src/crawl/http-client.js';
import { FixtureFleet, loadSiteDir, selfSignedTls, TEST_CA_FILE, testCaTls } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { probeHomePage } from '../../src/probe/probe.js';
import { buildReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { openDb } from '../../src/store/db.js';
import { startCli } from '../helpers/cli.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { tmpDb, tmpDir, writeTmp } from '../helpers/tmp.js';
import { cases } from '../helpers/cases.js';

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

  it('one handshake a connection: none refused before it, and the pool\'s connections kept for the next requests', async () => {
    const c = client();
    const stats = () => ({ refused: fleet.stats('healthy').refusedHandshakes, connections: fleet.stats('healthy').connections });
    try {
      const before = stats();
      for (const path of ['/', '/col/col101/index.html', '/col/col102/index.html']) {
        expect(await c.send(`${fleet.origin('healthy')}${path}`, { method: 'GET' })).toMatchObject({ ok: true, status: 200, certificate: SELF_SIGNED });
      }
      // the server hears of a refused handshake a moment after the client breaks it off
      await new Promise((r) => setTimeout(r, 200));
      expect(stats().refused - before.refused).toBe(0);
      // undici's pool may open its second connection for a request sent as the first one ends
      expect(stats().connections - before.connections).toBeLessThanOrEqual(2);
    } finally {
      await c.close();
    }
  });

  it('an answer only Node\'s lenient parser reads (lines ended by a lone LF) is read through the certificate as well, the fault kept', async () => {
    let connections = 0;
    const server = createTlsServer(TLS, (socket) => {
      connections++;
      socket.on('data', () => socket.write('HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 2\n\nok'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const c = client();
    try {
      // the first answer is read again leniently; the second is asked leniently at once, on the lenient client's kept connection
      const answers = [];
      for (const path of ['/', '/a.html']) {
        const outcome = await c.send(`${origin}${path}`, { method: 'GET' });
        answers.push({ status: outcome.ok ? outcome.status : outcome.code, body: outcome.ok ? outcome.body.toString() : null, certificate: outcome.certificate ?? null });
      }
      expect(answers).toEqual([{ status: 200, body: 'ok', certificate: SELF_SIGNED }, { status: 200, body: 'ok', certificate: SELF_SIGNED }]);
      expect(connections).toBe(2);
    } finally {
      await c.close();
      await new Promise((r) => server.close(r));
    }
  });

  it('Node\'s HTTPS agent, as the lenient client uses it, writes the fault under the origin as the page\'s URL spells it', async () => {
    const port = new URL(fleet.origin('healthy')).port;
    for (const host of ['127.0.0.1', 'localhost']) {
      const faults = new CertificateFaults();
      const agent = judgedHttpsAgent(faults, 5000, { keepAlive: true });
      try {
        const status = await new Promise((resolve) => get(`https://${host}:${port}/`, { agent }, (res) => res.resume().on('end', () => resolve(res.statusCode))).on('error', (e) => resolve(e.message)));
        expect({ status, faults: Object.fromEntries(faults) }).toEqual({ status: 200, faults: { [new URL(`https://${host}:${port}`).origin]: SELF_SIGNED } });
      } finally {
        agent.destroy();
      }
    }
  });

  it('once the handshake is done, the agent\'s connection keeps no timer of its own (an idle timeout later is the agent\'s, not a handshake\'s)', async () => {
    const url = `${fleet.origin('healthy')}/`;
    const timeoutListeners = async (agent: Agent) => {
      try {
        await new Promise((resolve) => get(url, { agent, rejectUnauthorized: false }, (res) => res.resume().on('end', resolve)));
        const [socket] = Object.values(agent.freeSockets).flat();
        return socket!.listenerCount('timeout');
      } finally {
        agent.destroy();
      }
    };
    expect(await timeoutListeners(judgedHttpsAgent(new CertificateFaults(), 5000, { keepAlive: true }))).toBe(await timeoutListeners(new Agent({ keepAlive: true })));
  });

  it('a handshake that never comes ends the agent\'s connection in its time, not held open', async () => {
    const held: Socket[] = [];
    const silent = createNetServer((socket) => void held.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const agent = judgedHttpsAgent(new CertificateFaults(), 300, { keepAlive: true });
    try {
      const ended = new Promise((resolve) => get(`https://127.0.0.1:${(silent.address() as AddressInfo).port}/`, { agent }, () => resolve('answered')).on('error', (e) => resolve((e as NodeJS.ErrnoException).code)));
      expect(await Promise.race([ended, new Promise((r) => setTimeout(() => r('still waiting after 3 s'), 3000))])).toBe('ETIMEDOUT');
    } finally {
      agent.destroy();
      for (const socket of held) socket.destroy();
      await new Promise((r) => silent.close(r));
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

  // five hosts whose certificates one issuer signed (here the same self-signed one), through a proxy: the proxy inspecting HTTPS, most likely
  cases([
    { name: '5 hosts through a proxy: a warning names the issuer', proxied: true, hosts: 5, warned: 1 },
    { name: '4 hosts through a proxy: none yet', proxied: true, hosts: 4, warned: 0 },
    { name: '5 hosts asked directly: none (a CA many sites use, not a proxy)', proxied: false, hosts: 5, warned: 0 },
  ])('one issuer behind many hosts\' faults: $name', async ({ proxied, hosts, warned }: { proxied: boolean; hosts: number; warned: number }) => {
    const sites = Array.from({ length: hosts }, (_, i) => `s${i}`);
    const many = await FixtureFleet.start(Object.fromEntries(sites.map((id) => [id, { files: { '/': '<html><body>首页</body></html>' }, tls: TLS }])));
    const proxy = await startLoopbackProxy((host) => {
      const id = /^www\.(s\d)\.gov\.cn:443$/.exec(host)?.[1];
      return id ? many.origin(id) : null;
    });
    try {
      const { db } = tmpDb();
      const registry = sites.map((id) => ({ id, url: proxied ? `https://www.${id}.gov.cn/` : `${many.origin(id)}/` }));
      const { warnings } = await crawlTestSites(db, registry, proxied ? { proxy: proxy.url } : {});
      const said = warnings.filter((w) => w.includes('fail verification'));
      expect(said.length).toBe(warned);
      if (warned) expect(said[0]).toMatch(/^the certificates of 5 HTTPS hosts so far fail verification \(DEPTH_ZERO_SELF_SIGNED_CERT\), all issued by "[^"]+": if that is your proxy inspecting HTTPS, give its CA to Node \(NODE_EXTRA_CA_CERTS=/);
    } finally {
      await proxy.close();
      await many.close();
    }
  });

  it('through the usual proxy variables: HTTPS_PROXY tunnels, HTTP_PROXY forwards, NO_PROXY goes direct', async () => {
    const proxy = await startLoopbackProxy((host) => (host.startsWith('www.tls.gov.cn') ? fleet.origin('healthy') : host === 'www.plain.gov.cn' ? plain.origin('plain') : null));
    const saved = { ...process.env };
    Object.assign(process.env, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    const c = client();
    try {
      const asked = async (url: string) => {
        const before = proxy.requests();
        const outcome = await c.send(url, { method: 'GET' });
        return { status: outcome.ok ? outcome.status : outcome.code, certificate: outcome.certificate ?? null, proxied: proxy.requests() - before };
      };
      expect(await asked('https://www.tls.gov.cn/')).toEqual({ status: 200, certificate: SELF_SIGNED, proxied: 1 });
      expect(await asked('http://www.plain.gov.cn/')).toEqual({ status: 200, certificate: null, proxied: 1 });
      expect(await asked(`${plain.origin('plain')}/`)).toEqual({ status: 200, certificate: null, proxied: 0 });
    } finally {
      await c.close();
      for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
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

describe('a certificate that chains to a trusted root', () => {
  let fleet: FixtureFleet;
  before(async () => {
    fleet = await FixtureFleet.start({ trusted: { files: { '/': '<html><body>可信</body></html>' }, tls: testCaTls() } });
  });
  after(() => fleet.close());
  /** What a fresh process's client says of the site, trusting the test CA or not (Node reads NODE_EXTRA_CA_CERTS at its start). */
  const seen = async (trust: boolean) => {
    const client = new URL('../../src/crawl/http-client.js', import.meta.url).href;
    const script = `const { HttpClient } = await import(${JSON.stringify(client)});
      const c = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test' });
      const o = await c.send(${JSON.stringify(`${fleet.origin('trusted')}/`)}, { method: 'GET' });
      process.stdout.write(JSON.stringify({ status: o.ok ? o.status : o.code, certificate: o.certificate ?? null }));
      await c.close();`;
    const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
    // not execFileSync: the fixture server answers from this process's event loop
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: trust ? { ...env, NODE_EXTRA_CA_CERTS: TEST_CA_FILE } : env, encoding: 'utf8' });
    return JSON.parse(stdout) as unknown;
  };
  it('is verified, with the roots every connection\'s shared context holds: no fault', async () => expect(await seen(true)).toEqual({ status: 200, certificate: null }));
  it('is read through and its fault kept when its root is not trusted', async () => expect(await seen(false)).toEqual({ status: 200, certificate: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }));
});

describe('a connection judged by its certificate', () => {
  /** What the judged connector hands undici for a TLS socket with this verification result. */
  const handed = (authorized: boolean, fault: string | null) => {
    const socket = new TLSSocket(null as never);
    Object.assign(socket, { authorized, authorizationError: fault });
    const faults = new CertificateFaults();
    let result: { error: Error | null; socket: unknown } | undefined;
    judged((_options, callback) => callback(null, socket), faults)({ protocol: 'https:', host: 'www.x.gov.cn', hostname: 'www.x.gov.cn', port: '' }, (error, s) => {
      result = { error, socket: s };
    });
    return { kept: result!.socket === socket, destroyed: socket.destroyed, error: result!.error && `${classifyError(result!.error)}: ${result!.error.message}`, faults: Object.fromEntries(faults) };
  };
  const cases: [string, boolean, string | null, ReturnType<typeof handed>][] = [
    ['verified', true, null, { kept: true, destroyed: false, error: null, faults: {} }],
    ['expired: read through, the fault kept under its origin', false, 'CERT_HAS_EXPIRED', { kept: true, destroyed: false, error: null, faults: { 'https://www.x.gov.cn': 'CERT_HAS_EXPIRED' } }],
    ['another name: read through', false, 'ERR_TLS_CERT_ALTNAME_INVALID', { kept: true, destroyed: false, error: null, faults: { 'https://www.x.gov.cn': 'ERR_TLS_CERT_ALTNAME_INVALID' } }],
    ['revoked: the connection fails, as a verifying client\'s would', false, 'CERT_REVOKED', { kept: false, destroyed: true, error: 'ECERT: certificate not verified: CERT_REVOKED', faults: {} }],
    ['not for a server: fails', false, 'INVALID_PURPOSE', { kept: false, destroyed: true, error: 'ECERT: certificate not verified: INVALID_PURPOSE', faults: {} }],
  ];
  for (const [name, authorized, fault, expected] of cases) it(name, () => expect(handed(authorized, fault)).toEqual(expected));
});
