import Database from 'better-sqlite3';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { HttpClient } from '../../src/crawl/http-client.js';
import { FixtureFleet, loadSiteDir } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { probeHomePage } from '../../src/probe/probe.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import type { AuditReport } from '../../src/report/model.js';
import { openDb } from '../../src/store/db.js';
import { cases } from '../helpers/cases.js';
import { startCli } from '../helpers/cli.js';
import { tmpDir, writeTmp } from '../helpers/tmp.js';

// the healthy fixture site three times: its home page failing 1 in 10 requests, 1 in 50, never
const healthy = loadSiteDir(join(FIXTURES_DIR, 'sites', 'healthy'));
const withHome = (failEvery?: number) => ({ ...healthy, behaviours: { ...healthy.behaviours, ...(failEvery ? { '/': { failEvery } } : {}) } });
const SITES = { flaky: ['9901000001', 10], wobbly: ['9901000002', 50], steady: ['9901000003', undefined] } as const;

let fleet: FixtureFleet;
let dir: string;
let registry: string;
const today = new Date().toISOString().slice(0, 10);

before(async () => {
  fleet = await FixtureFleet.start(Object.fromEntries(Object.entries(SITES).map(([name, [, every]]) => [name, withHome(every)])));
  dir = tmpDir();
  registry = writeTmp('probed.csv', `id,name,level,url\n${Object.entries(SITES).map(([name, [id]]) => `${id},${name},county,${fleet.origin(name)}/`).join('\n')}\n`);
});
after(() => fleet.close());

async function audit(): Promise<AuditReport> {
  const { code, stdout } = await startCli(['audit', registry, '--db', join(dir, 'g.db'), '--as-of', today, '--format', 'json', '--concurrency', '8']).done;
  expect(code).toBe(0);
  return JSON.parse(stdout) as AuditReport;
}

describe('govsite probe', () => {
  it('stores one probe per site a round, with status and error, and summarises the 7 days', async () => {
    const { code, stdout, stderr } = await startCli(['probe', registry, '--db', join(dir, 'g.db'), '--every', '5ms', '--rounds', '150']).done;
    expect({ code, stderr: stderr.split('\n').filter((l) => !l.startsWith('probe round')) }).toEqual({ code: 0, stderr: [''] });
    expect(stdout).toContain('150 round(s) of 3 site(s)');
    expect(stdout).toMatch(/9901000001 {2}150 probes, 15 failed \(10\.0 %\), 1 of 7 days with ≥ 20 /);
    expect(stdout).toMatch(/9901000002 {2}150 probes, 3 failed \(2\.0 %\)/);
    expect(stdout).toMatch(/9901000003 {2}150 probes, 0 failed \(0\.0 %\)/);
    const db = openDb(join(dir, 'g.db'));
    const failed = db.prepare(`SELECT status, error_code AS code, fingerprint FROM probes WHERE site_id = '9901000001' AND ok = 0 LIMIT 1`).get();
    const opened = db.prepare(`SELECT status, fingerprint, newest FROM probes WHERE site_id = '9901000001' AND ok = 1 LIMIT 1`).get() as { status: number; fingerprint: string; newest: string };
    db.close();
    expect(failed).toEqual({ status: 503, code: null, fingerprint: null });
    expect(opened).toMatchObject({ status: 200, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), newest: '2026-11-14' });
  });

  it('150 probes in a few seconds are not a week of them: the availability rules are not assessed', async () => {
    const report = await audit();
    for (const site of report.sites) expect(site.notAssessed).toEqual(expect.arrayContaining(['site-unreachable', 'homepage-availability']));
  });

  it('the audit judges availability from the last 7 days of probes: 1 in 10 failed is the 5 % veto, 1 in 50 costs 2 points × 5', async () => {
    // the 150 rounds as a week of monitoring up to now would have spread them: one every 67 minutes, begun at whatever hour
    const db = openDb(join(dir, 'g.db'));
    const now = Date.now();
    const redate = db.prepare(`UPDATE probes SET at = ? WHERE id = ?`);
    const rows = db.prepare(`SELECT id, row_number() OVER (PARTITION BY site_id ORDER BY at DESC) - 1 AS n FROM probes`).all() as { id: number; n: number }[];
    db.transaction(() => rows.forEach((r) => redate.run(new Date(now - r.n * 67 * 60_000).toISOString(), r.id)))();
    db.close();
    const report = await audit();
    const site = (id: string) => report.sites.find((s) => s.id === id)!;
    const flaky = site('9901000001');
    expect(flaky.vetoes).toContain('site-unreachable');
    expect(flaky.probes).toEqual({ count: 150, failed: 15, failRate: 0.1 });
    expect(flaky.findings.filter((f) => f.rule === 'site-unreachable')).toEqual([
      expect.objectContaining({ rule: 'site-unreachable', url: `${fleet.origin('flaky')}/`, probes: 150, failed: 15, failRate: 0.1 }),
    ]);
    expect(site('9901000002').vetoes).not.toContain('site-unreachable');
    expect(site('9901000002').deductions).toContainEqual({ rule: 'homepage-availability', points: 10, count: 2 });
    expect(site('9901000003').vetoes).not.toContain('site-unreachable');
    expect(site('9901000003').deductions.map((d) => d.rule)).not.toContain('homepage-availability');
    expect(site('9901000003').notAssessed).not.toContain('site-unreachable');
  });

  it('--shard K/N probes part of the registry; merge combines the shards\' probes without duplicates', async () => {
    const shards = await Promise.all([1, 2].map((k) => startCli(['probe', registry, '--db', join(dir, `probe-${k}.db`), '--shard', `${k}/2`, '--once']).done));
    expect(shards.map((r) => r.code)).toEqual([0, 0]);
    const counts = [1, 2].map((k) => {
      const db = openDb(join(dir, `probe-${k}.db`));
      const ids = (db.prepare(`SELECT site_id FROM probes`).all() as { site_id: string }[]).map((r) => r.site_id);
      db.close();
      return ids;
    });
    expect([...counts[0]!, ...counts[1]!].sort()).toEqual(['9901000001', '9901000002', '9901000003']);
    const merge = await startCli(['merge', join(dir, 'probe-1.db'), join(dir, 'probe-2.db'), '--into', join(dir, 'probes-all.db')]).done;
    expect(merge.stdout).toBe('merged probe-1.db, probe-2.db: no run, 3 probes\n');
    const again = await startCli(['merge', join(dir, 'probe-1.db'), '--into', join(dir, 'probes-all.db')]).done;
    expect(again.stdout).toBe('merged probe-1.db: no run\n');
    const empty = join(dir, 'empty.db');
    openDb(empty).close();
    const refused = await startCli(['merge', empty, '--into', join(dir, 'probes-all.db')]).done;
    expect({ code: refused.code, stderr: refused.stderr }).toEqual({ code: 2, stderr: `govsite: ${empty}: holds no run and no probes\n` });
  });

  it('a round the database cannot store (locked past 5 s by another process) is kept, and stored with the next: a week of probing outlasts it', async () => {
    // a home page answering in 600 ms: time to lock the database between the registry's import and the round's write
    const slow = await FixtureFleet.start({ slow: { files: { '/': '<html><body>首页</body></html>' }, behaviours: { '/': { delayMs: 600 } } } });
    const db = join(tmpDir(), 'locked.db');
    const other = new Database(db, { timeout: 5000 });
    try {
      const { child, done } = startCli(['probe', writeTmp('slow.csv', `id,url\n9901000010,${slow.origin('slow')}/\n`), '--db', db, '--every', '1s', '--rounds', '2']);
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const running = () => child.exitCode === null;
      while (running() && !(other.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'sites'`).pluck().get() && other.prepare(`SELECT count(*) FROM sites`).pluck().get())) await sleep(5);
      other.exec('BEGIN IMMEDIATE');
      while (running() && !stderr.includes('warning: probe round 1 is not stored yet')) await sleep(20);
      other.exec('COMMIT');
      const { code } = await done;
      expect(code).toBe(0);
      expect(stderr).toContain(`warning: probe round 1 is not stored yet, 1 probes kept for the next round: ${db}: another process held it locked for more than 5 s`);
      expect(other.prepare(`SELECT count(*) FROM probes`).pluck().get()).toBe(2);
    } finally {
      other.close();
      await slow.close();
    }
  });

  describe('--control: a failure when no control URL answers either is this machine\'s network, kept and not counted', () => {
    const CLOSED = 'http://127.0.0.1:1/';
    let two: string;
    before(() => {
      two = writeTmp('two.csv', `id,name,level,url\n9901000003,steady,county,${fleet.origin('steady')}/\n9901000009,gone,county,${CLOSED}\n`);
    });
    cases([
      { name: 'a control answers: the site is down', control: () => `${fleet.origin('flaky')}/robots.txt`, setAside: 0,
        round: 'probe round 1: 1/2 opened; failed: 9901000009 (ECONNREFUSED)', summary: '1 probes, 1 failed (100.0 %), 0 of 7' },
      { name: 'no control answers: this machine is cut off', control: () => CLOSED, setAside: 1,
        round: 'probe round 1: 1/2 opened; not counted, this machine\'s network or proxy failed them (no control URL answered either, the proxy could not be reached, or it refused them by its policy): 9901000009 (ECONNREFUSED)',
        summary: '0 probes, 0 failed (— %) (1 more not counted: this machine\'s network or proxy), 0 of 7' },
    ])('$name', async ({ control, setAside, round, summary }) => {
      const db = join(dir, `control-${setAside}.db`);
      const { code, stdout, stderr } = await startCli(['probe', two, '--db', db, '--once', '--control', control()]).done;
      expect({ code, stderr }).toEqual({ code: 0, stderr: `${round}\n` });
      expect(stdout).toContain(`  9901000009  ${summary}`);
      expect(stdout).toContain('  9901000003  1 probes, 0 failed (0.0 %), 0 of 7');
      // kept as it was found, and so by a merge
      const merged = join(dir, `control-${setAside}-merged.db`);
      expect((await startCli(['merge', db, '--into', merged]).done).code).toBe(0);
      for (const file of [db, merged]) {
        const stored = openDb(file);
        expect(stored.prepare(`SELECT ok, error_code AS code, control_failed AS setAside FROM probes WHERE site_id = '9901000009'`).all()).toEqual([{ ok: 0, code: 'ECONNREFUSED', setAside }]);
        stored.close();
      }
    });

    it('without --control, a probe whose proxy cannot be reached is set aside the same way: no site failed', async () => {
      const db = join(dir, 'no-proxy.db');
      const { code, stdout, stderr } = await startCli(['probe', two, '--db', db, '--once', '--proxy', 'http://127.0.0.1:1']).done;
      expect({ code, stderr }).toEqual({ code: 0, stderr: 'probe round 1: 0/2 opened; not counted, this machine\'s network or proxy failed them (no control URL answered either, the proxy could not be reached, or it refused them by its policy): 9901000003 (ECONNREFUSED), 9901000009 (ECONNREFUSED)\n' });
      expect(stdout).toContain('  9901000003  0 probes, 0 failed (— %) (1 more not counted: this machine\'s network or proxy), 0 of 7');
      const stored = openDb(db);
      expect(stored.prepare(`SELECT site_id AS id, control_failed AS setAside FROM probes ORDER BY site_id`).all()).toEqual([{ id: '9901000003', setAside: 1 }, { id: '9901000009', setAside: 1 }]);
      stored.close();
    });

    it('a probe its proxy\'s policy refuses (Squid\'s ERR_ACCESS_DENIED) is set aside the same way: no site failed', async () => {
      const steady = new URL(fleet.origin('steady')).host;
      const proxy = await startLoopbackProxy(() => fleet.origin('steady'), { denies: (host) => (host === steady ? 'squid' : null) });
      try {
        const db = join(dir, 'denied.db');
        const { code, stdout, stderr } = await startCli(['probe', writeTmp('steady.csv', `id,url\n9901000003,${fleet.origin('steady')}/\n`), '--db', db, '--once', '--proxy', proxy.url]).done;
        expect({ code, stderr }).toEqual({ code: 0, stderr: 'probe round 1: 0/1 opened; not counted, this machine\'s network or proxy failed them (no control URL answered either, the proxy could not be reached, or it refused them by its policy): 9901000003 (EPROXYDENIED)\n' });
        expect(stdout).toContain('  9901000003  0 probes, 0 failed (— %) (1 more not counted: this machine\'s network or proxy), 0 of 7');
      } finally {
        await proxy.close();
      }
    });

    it('a round\'s line names the first 20 sites that failed, and how many more: the summary names them all', async () => {
      // 23 closed addresses, one a site (127.0.0.x: this machine, port 1)
      const many = writeTmp('many.csv', `id,name,level,url\n${Array.from({ length: 23 }, (_, i) => `99020000${String(i).padStart(2, '0')},gone,county,http://127.0.0.${i + 2}:1/`).join('\n')}\n`);
      const { code, stdout, stderr } = await startCli(['probe', many, '--db', join(dir, 'many.db'), '--once']).done;
      const named = Array.from({ length: 20 }, (_, i) => `99020000${String(i).padStart(2, '0')} (ECONNREFUSED)`).join(', ');
      expect({ code, stderr }).toEqual({ code: 0, stderr: `probe round 1: 0/23 opened; failed: ${named} and 3 more\n` });
      expect(stdout.split('\n').filter((l) => / {2}1 probes, 1 failed/.test(l))).toHaveLength(23);
    });

    it('a control that is not an http(s) URL is a usage error', async () => {
      const { code, stderr } = await startCli(['probe', two, '--db', join(dir, 'x.db'), '--control', 'www.gov.cn']).done;
      expect({ code, stderr }).toEqual({ code: 2, stderr: 'govsite: --control must be an http(s) URL, got "www.gov.cn"\n' });
    });
  });

  it('a duration it cannot read is a usage error', async () => {
    const { code, stderr } = await startCli(['probe', registry, '--db', join(dir, 'x.db'), '--every', '72 minutes']).done;
    expect(code).toBe(2);
    expect(stderr).toContain('--every must be a duration such as 72m, 7d, 15s or 500ms, got "72 minutes"');
  });
});

describe('probeHomePage', () => {
  it('a home page behind a script challenge (412) answered: the site is up, though nothing is read', async () => {
    const walled = await FixtureFleet.start({ walled: { files: { '/': '<html><script>var $_ts=window[\'$_ts\'];</script></html>' }, behaviours: { '/': { status: 412 } } } });
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test' });
    try {
      expect(await probeHomePage(client, { siteId: 'w', url: `${walled.origin('walled')}/` })).toMatchObject({ ok: true, status: 412, fingerprint: null, newest: null });
    } finally {
      await client.close();
      await walled.close();
    }
  });

  it('a home page behind a cookie check (302 back to it, Set-Cookie) opens: the probe sends the cookies back', async () => {
    const guarded = await FixtureFleet.start({ guarded: { files: { '/': '<html><body>首页</body></html>' }, behaviours: { '/': { cookieCheck: 'waf=1' } } } });
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test' });
    try {
      expect(await probeHomePage(client, { siteId: 'g', url: `${guarded.origin('guarded')}/` })).toMatchObject({ ok: true, status: 200, errorCode: null });
    } finally {
      await client.close();
      await guarded.close();
    }
  });

  it('a home address that is a <meta refresh> stub is probed at the page it opens', async () => {
    const stub = '<html><head><meta http-equiv="refresh" content="0;url=/col/col1/index.html"></head><body></body></html>';
    const home = '<html><head><meta charset="utf-8"><title>首页</title></head><body><ul><li><a href="/a.html">关于开展第一项工作的通知</a><span>2026-11-01</span></li></ul></body></html>';
    const portal = await FixtureFleet.start({ portal: { files: { '/': stub, '/col/col1/index.html': home } } });
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test' });
    try {
      expect(await probeHomePage(client, { siteId: 'p', url: `${portal.origin('portal')}/` }))
        .toMatchObject({ ok: true, status: 200, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), newest: '2026-11-01' });
    } finally {
      await client.close();
      await portal.close();
    }
  });
});
