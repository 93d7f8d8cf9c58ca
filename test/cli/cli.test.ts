import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { once } from 'node:events';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/store/db.js';
import { createRun, finishRun, markSiteFinished, previousRun, runToJoin } from '../../src/store/runs.js';
import { runCli, startCli } from '../helpers/cli.js';
import { tmpDir, writeTmp } from '../helpers/tmp.js';
import { corpusPath, describeCorpus } from '../helpers/corpus.js';

describe('govsite import', () => {
  it('stores the good rows and names each bad one by file:line', () => {
    const registry = writeTmp('sites.csv', 'code,name,level,url\n1,甲,county,http://a.gov.cn\n2,乙,county,htp://b\n3,丙,prefecture,www.c.gov.cn\n4,丁,county,http://www.a.gov.cn/\n');
    const db = join(tmpDir(), 'g.db');
    expect(runCli(['import', registry, '--db', db])).toEqual({
      code: 0,
      stdout: `3 sites imported into ${db}, 1 rows skipped, 1 to check\n`,
      stderr: 'sites.csv:3: url "htp://b" is not an http(s) URL (row skipped)\nsites.csv:5: the address of sites.csv:2 (1 甲), http://www.a.gov.cn/: both are audited, one of them likely as another site (row kept)\n',
    });
  });

  cases([
    [['import', '/nonexistent/registry.csv'], 2, /^govsite: \/nonexistent\/registry.csv: cannot read registry/],
    [['crawl', 'x.csv', '--as-of', '2026-13-01'], 2, /^govsite: --as-of must be a date YYYY-MM-DD, got "2026-13-01"/],
    [['audit', 'x.csv', '--as-of', '2026-13-01'], 2, /^govsite: --as-of must be a date YYYY-MM-DD, got "2026-13-01"/],
    [['audit', 'missing.csv'], 2, /^govsite: missing.csv: cannot read registry/],
    [['crawl', 'x.csv', '--per-host', '0'], 2, /^govsite: --per-host must be a whole number ≥ 1, got "0"/],
    [['audit', 'x.csv', '--max-crawl-delay', '0.5'], 2, /^govsite: --max-crawl-delay must be a whole number ≥ 1, got "0.5"/],
    // before the crawl, not after it
    [['audit', 'x.csv', '--each-region'], 2, /^govsite: --each-region writes a folder per region: give --out DIR\n$/],
    [['crawl', 'x.csv', '--control', 'https://www.gov.cn/', 'www.example.gov.cn'], 2, /^govsite: --control must be an http\(s\) URL, got "www.example.gov.cn"/],
    [['crawl', 'x.csv', '--user-agent', ' '], 2, /^govsite: --user-agent must name who crawls, with a contact URL/],
    [['probe', 'x.csv', '--user-agent', ''], 2, /^govsite: --user-agent must name who crawls, with a contact URL/],
    [['crawl', 'x.csv', '--proxy', 'socks5://127.0.0.1:1080'], 2, /^govsite: --proxy must be an HTTP proxy \(http:\/\/ or https:\/\/\), got "socks5:\/\/127\.0\.0\.1:1080": SOCKS proxies are not supported\n$/],
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
    // a file the system refuses: its one-line message names it (exit 3, a runtime failure)
    [['sample', writeTmp('to-sample.csv', 'code,name,level,url\n1,甲,county,http://a.gov.cn\n'), '--seed', '2026-11', '--output', '/nonexistent/folder/sample.csv'], 3, /^govsite: ENOENT: no such file or directory, open '\/nonexistent\/folder\/sample.csv'\n$/],
    // a full disk: the failing write names no file, the message names the one being written
    [['sample', writeTmp('to-sample.csv', 'code,name,level,url\n1,甲,county,http://a.gov.cn\n'), '--seed', '2026-11', '--output', '/dev/full'], 3, /^govsite: ENOSPC: no space left on device, write '\/dev\/full'\n$/],
  ])('%j exits %i with a one-line error', (args, code, message) => {
    const cwd = tmpDir();
    const result = runCli(args, { cwd });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace for expected errors
    // a command that fails on what it was given leaves no database behind
    expect(existsSync(join(cwd, 'govsite.db'))).toBe(false);
  });

  it('a reader that closes its end early (`| head`) ends the output quietly: no EPIPE stack trace', async () => {
    const { child, done } = startCli(['--help']);
    child.stdout.destroy();
    expect(await done).toMatchObject({ code: 0, signal: null, stderr: '' });
  });

  it('--help lists every command', () => {
    const { code, stdout } = runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['import', 'crawl', 'extract', 'check', 'report', 'audit', 'probe', 'sample', 'diff', 'notice', 'bulletin', 'merge', 'demo']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});

describe('a database file in trouble: one line naming it (exit 3), the file left as it was', () => {
  const REGISTRY = 'code,name,level,url\n1,甲,county,http://a.gov.cn\n';

  cases([
    ['crawl', (notDb: string) => ['crawl', writeTmp('r.csv', REGISTRY), '--db', notDb]],
    ['check', (notDb: string) => ['check', '--db', notDb]],
    ['merge', (notDb: string) => ['merge', notDb, '--into', join(tmpDir(), 'all.db')]],
  ])('%s on a file that is no database (a registry named in its place)', (_, args) => {
    const notDb = writeTmp('registry.csv', REGISTRY);
    expect(runCli(args(notDb), { cwd: tmpDir() })).toEqual({
      code: 3, stdout: '',
      stderr: `govsite: ${notDb}: it is not a database (a registry or a report named in its place?), and was left as it is (SQLite: file is not a database)\n`,
    });
    expect(readFileSync(notDb, 'utf8')).toBe(REGISTRY);
  });

  it('damaged (a disk fault, a copy cut short): named as such', () => {
    const file = join(tmpDir(), 'g.db');
    expect(runCli(['import', writeTmp('r.csv', REGISTRY), '--db', file]).code).toBe(0);
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096); // every page past the first (the header, the schema) overwritten
    writeFileSync(file, bytes);
    expect(runCli(['check', '--db', file], { cwd: tmpDir() })).toEqual({
      code: 3, stdout: '',
      stderr: `govsite: ${file}: it is damaged: restore it from a copy, or crawl again into a new file (SQLite: database disk image is malformed)\n`,
    });
  });

  it('locked by another process for longer than the 5 s a write waits', () => {
    const file = join(tmpDir(), 'g.db');
    expect(runCli(['import', writeTmp('r.csv', REGISTRY), '--db', file]).code).toBe(0);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(runCli(['import', writeTmp('r.csv', REGISTRY), '--db', file])).toEqual({
        code: 3, stdout: '',
        stderr: `govsite: ${file}: another process held it locked for more than 5 s (another govsite writing to it?) (SQLite: database is locked)\n`,
      });
    } finally {
      other.close();
    }
  });
});

describe('a run whose crawl did not finish (killed, never resumed) is not reported on', () => {
  /** A database whose run 1 has crawled 1 of its 2 sites. */
  function unfinished(): { file: string; registry: string } {
    const registry = writeTmp('r.csv', 'code,name,level,url\n1,甲,county,http://a.gov.cn\n2,乙,county,http://b.gov.cn\n');
    const file = join(tmpDir(), 'g.db');
    expect(runCli(['import', registry, '--db', file]).code).toBe(0);
    const db = openDb(file);
    const run = createRun(db, { asOf: '2026-11-15', registry, options: {}, siteIds: ['1', '2'] });
    markSiteFinished(db, run.id, '1');
    db.close();
    return { file, registry };
  }

  cases([
    ['check', []],
    ['report', ['--run', '1']],
    ['notice', []],
  ])('%s: exit 2, naming how to finish it', (command, extra) => {
    const { file, registry } = unfinished();
    expect(runCli([command, '--db', file, ...extra], { cwd: tmpDir() })).toEqual({
      code: 2, stdout: '',
      stderr: `govsite: run 1: its crawl did not finish (1 of 2 sites crawled, as of 2026-11-15): a report would judge the others unread. Finish it with \`govsite crawl ${registry} --db ${file} --resume\` (a merged run: resume the shard that did not finish, then merge the shards again into a new file), then report\n`,
    });
  });

  it('one finished before it is named, for --run; and diff compares a later run with that one, passing over it', () => {
    const { file, registry } = unfinished();
    const db = openDb(file);
    finishRun(db, createRun(db, { asOf: '2026-10-15', registry, options: {}, siteIds: ['1', '2'] }).id);
    const stopped = createRun(db, { asOf: '2026-11-20', registry, options: {}, siteIds: ['1', '2'] });
    const later = createRun(db, { asOf: '2026-11-25', registry, options: {}, siteIds: ['1', '2'] });
    finishRun(db, later.id);
    expect(previousRun(db, later)?.id).toBe(2);
    db.close();
    expect(runCli(['check', '--db', file, '--run', String(stopped.id)], { cwd: tmpDir() }).stderr).toMatch(/, then report — or report run 2 \(as of 2026-10-15\), finished: --run 2\n$/);
  });

  it('diff\'s earlier run: of the registry\'s file name wherever it was read from, and for a monthly sample the registry it was drawn from', () => {
    const db = openDb(join(tmpDir(), 'months.db'));
    const run = (asOf: string, registry: string, sample?: string) => {
      const r = createRun(db, { asOf, registry, options: sample ? { sample } : {}, siteIds: [] });
      finishRun(db, r.id);
      return r;
    };
    const whole = run('2026-09-15', '/home/a/county-portals.csv');
    const elsewhere = run('2026-10-15', '/builds/x1Yz/0/office/sweeps/county-portals.csv');
    const other = run('2026-10-20', '/home/a/departments.csv');
    const november = run('2026-11-15', '/home/a/sample-2026-11.csv', 'county-portals.csv ratio=0.35 seed=2026-11 by=level');
    const december = run('2026-12-15', '/home/a/sample-2026-12.csv', 'county-portals.csv ratio=0.35 seed=2026-12 by=level');
    expect([elsewhere, november, december].map((r) => previousRun(db, r)?.id)).toEqual([whole.id, elsewhere.id, november.id]);
    expect(previousRun(db, other)).toBeUndefined();
    // a late shard joins its month's run: of the same file wherever it was read, of the same sample or none
    const whole15 = run('2026-11-15', '/home/a/county-portals.csv');
    expect(runToJoin(db, { asOf: '2026-11-15', registry: '/home/b/county-portals.csv', options: {} })?.id).toBe(whole15.id);
    expect(runToJoin(db, { asOf: '2026-11-15', registry: '/home/b/sample-2026-11.csv', options: { sample: 'county-portals.csv ratio=0.35 seed=2026-11 by=level' } })?.id).toBe(november.id);
    expect(runToJoin(db, { asOf: '2026-11-15', registry: '/home/b/sample-x.csv', options: { sample: 'county-portals.csv ratio=0.5 seed=x' } })).toBeUndefined();
    db.close();
  });

  it('bulletin: a quarter whose only run did not finish has none to publish', () => {
    const { file } = unfinished();
    expect(runCli(['bulletin', '--db', file, '--quarter', '2026Q4', '--out', tmpDir()])).toMatchObject({
      code: 2, stderr: 'govsite: --quarter 2026Q4: no finished run in the database has an as-of date from 2026-10-01 to 2026-12-31\n',
    });
  });
});

describe('govsite crawl', () => {
  it('a registry with no valid site is an input error (exit 2)', () => {
    const registry = writeTmp('empty.csv', 'url\nnot a url\n');
    const result = runCli(['crawl', registry, '--db', join(tmpDir(), 'g.db')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no valid site in the registry');
  });

  /** A loopback port nothing listens on: connections to it are refused at once. */
  async function closedPort(): Promise<number> {
    const server = createServer().listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    return port;
  }

  cases([
    ['no site of three answering: the machine\'s network is named, not the sites', 0, true],
    ['one of three answering: the others are down', 1, false],
  ])('%s', async (_what, answering: number, warned: boolean) => {
    const fleet = await FixtureFleet.start({ a: { files: { '/': '<html><body>首页</body></html>' } } });
    try {
      const refused = `http://127.0.0.1:${await closedPort()}`;
      const origins = [answering ? fleet.origin('a') : refused, refused, refused];
      const registry = writeTmp('r.csv', `id,url\n${origins.map((o, i) => `s${i},${o}/s${i}/`).join('\n')}\n`);
      const { code, stderr } = await startCli(['crawl', registry, '--db', join(tmpDir(), 'g.db')]).done;
      expect(code).toBe(0);
      expect(stderr.includes('warning: not one request of run 1 got an answer (3 sites; ECONNREFUSED): this machine\'s network, DNS or proxy was most likely down')).toBe(warned);
    } finally {
      await fleet.close();
    }
  });
});

describeCorpus('govsite extract', () => {
  it('prints the SPEC §6 fields for a saved page as JSON', () => {
    const { code, stdout } = runCli(['extract', corpusPath('real', 'ordos-annual-report-list.html'), '--url', 'http://www.ordos.gov.cn/xxgk/xxgknb/index.html', '--as-of', '2026-11-15', '--format', 'json']);
    expect(code).toBe(0);
    const facts = JSON.parse(stdout) as Record<string, unknown>;
    for (const field of ['url', 'charset', 'title', 'publishDate', 'empty', 'links', 'lists', 'consultation', 'identifiers', 'search', 'errorReportEntry', 'spam', 'guide', 'letters']) expect(facts).toHaveProperty(field);
    expect(facts['charset']).toBe('utf-8');
    expect((facts['lists'] as { items: { date: string }[] }[])[0]!.items[0]).toMatchObject({ title: '鄂尔多斯市2019年政府信息公开工作年度报告', date: '2020-09-03' });
  });

  it('a saved page without --url is a usage error', () => {
    const { code, stderr } = runCli(['extract', corpusPath('real', 'ordos-annual-report-list.html'), '--format', 'json']);
    expect(code).toBe(2);
    expect(stderr).toContain('a saved page needs --url BASE');
  });
});
