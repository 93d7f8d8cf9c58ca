import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { scoreRun } from '../../src/history/score-run.js';
import { reportOf } from '../../src/history/stored-report.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { buildReport, type AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { openDb, type Db } from '../../src/store/db.js';
import { mergeShards } from '../../src/store/merge.js';
import { describePrune, pruneRuns } from '../../src/store/prune.js';
import { getRun, type RunSummary } from '../../src/store/runs.js';
import { runCli } from '../helpers/cli.js';
import { expectKeysHold, miscountedLinks, rows, TEST_CRAWL } from '../helpers/crawl.js';
import { tmpDb, writeTmp } from '../helpers/tmp.js';

const profile = loadProfile('gov-2019');
/** three monthly audits: the first outside the 60 days a later run compares its home page over, the second inside */
const MONTHS = ['2026-09-15', '2026-10-15', '2026-11-15'];

let fleet: FixtureFleet;
let registry: string;
let db: Db;
let file: string;
let unpruned: string;
const stored = new Map<number, AuditReport>();
let latest: AuditReport;

async function audit(into: Db, asOf: string, score = true): Promise<number> {
  const { run } = await crawlRegistry(into, { registry, asOf, resume: false, options: TEST_CRAWL });
  if (score) scoreRun(into, run.id, profile);
  return run.id;
}

/** a database file with its write-ahead log, which holds most of a run until it is checkpointed */
const onDisk = (f: string) => statSync(f).size + (statSync(`${f}-wal`, { throwIfNoEntry: false })?.size ?? 0);

/** A report without what differs between two crawls of the same sites: timings. */
const comparable = (report: AuditReport) => report.sites.map((s) => ({ ...s, stats: { ...s.stats, durationMs: null } }));

before(async () => {
  fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  registry = writeTmp('fleet.csv', fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
  ({ db, file } = tmpDb());
  for (const month of MONTHS) await audit(db, month);
  for (const run of [1, 2, 3]) stored.set(run, reportOf(db, run, profile));
  latest = buildReport(db, 3, profile);
  unpruned = join(file, '..', 'unpruned.db');
  db.exec(`VACUUM INTO '${unpruned}'`);
});
after(() => fleet.close());

describe('govsite prune: older runs keep their reports, not their pages', () => {
  it('drops the crawl data of all finished runs but the latest, and the file gives the space back', () => {
    // the later audits reuse what the first one stored: their unchanged pages stand for its copies
    expect(rows(db, `SELECT count(*) AS n FROM fetches WHERE run_id = 3 AND copy_of IN (SELECT id FROM fetches WHERE run_id = 1)`)[0]!['n']).toBeGreaterThan(10);
    const pagesBefore = rows(db, `SELECT run_id, count(*) AS n FROM fetches GROUP BY run_id`);
    const bytes = onDisk(file);
    const result = pruneRuns(db, 1, new Date('2026-12-01T02:00:00Z'));
    expect(result).toMatchObject({ pruned: [{ id: 2, asOf: '2026-10-15' }, { id: 1, asOf: '2026-09-15' }], kept: [{ id: 3, asOf: '2026-11-15' }], unscored: [] });
    expect(result.fetches).toBe(pagesBefore.filter((r) => r['run_id'] !== 3).reduce((n, r) => n + Number(r['n']), 0) - 6);
    expect(result.bytes!.before).toBeGreaterThan(result.bytes!.after);
    expect(result.bytes!.before).toBe(bytes);
    expect(onDisk(file)).toBe(result.bytes!.after);
    // rewritten: no page of the file is left free
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(describePrune(result)).toMatch(/^pruned runs 2 \(as of 2026-10-15\), 1 \(as of 2026-09-15\): \d+ fetches and \d+ page bodies dropped, .*; kept whole: run 3 \(as of 2026-11-15\)\n$/);
    expect([1, 2, 3].map((id) => getRun(db, id)!.prunedAt)).toEqual(['2026-12-01T02:00:00.000Z', '2026-12-01T02:00:00.000Z', null]);
    // of run 2 (a month before the newest) its six home pages stay, with their facts; of run 1 nothing; nobody's frontier
    expect(rows(db, `SELECT f.run_id, count(*) AS n, count(p.fetch_id) AS facts FROM fetches f LEFT JOIN page_facts p ON p.fetch_id = coalesce(f.copy_of, f.id) WHERE f.run_id <> 3 GROUP BY f.run_id`))
      .toEqual([{ run_id: 2, n: 6, facts: 5 }]); // the bureau's home page, merged into the city's, has none
    expect(rows(db, `SELECT DISTINCT run_id FROM frontier`)).toEqual([{ run_id: 3 }]);
    // nothing points to what was dropped, nothing is left that nothing points to
    expectKeysHold(db);
    expect(rows(db, `SELECT count(*) AS n FROM fetches WHERE copy_of IS NOT NULL AND copy_of NOT IN (SELECT id FROM fetches)`)).toEqual([{ n: 0 }]);
    expect(rows(db, `SELECT count(*) AS n FROM bodies WHERE hash NOT IN (SELECT body_hash FROM fetches WHERE body_hash IS NOT NULL)`)).toEqual([{ n: 0 }]);
    expect(miscountedLinks(db, 3)).toEqual([]);
  });

  it('the latest run scores as before; the pruned ones are reported as they were scored, and not scored again', () => {
    expect(comparable(buildReport(db, 3, profile))).toEqual(comparable(latest));
    for (const run of [1, 2, 3]) expect(reportOf(db, run, profile)).toEqual(stored.get(run));
    expect(reportOf(db, 1, profile, { rescore: true })).toEqual(stored.get(1));
    expect(() => buildReport(db, 1, profile)).toThrow('run 1: its pages were pruned on 2026-12-01 (govsite prune): it cannot be scored again, and is reported as it was scored, under the profile gov-2019');
    expect(() => reportOf(db, 2, loadProfile('census-2015'))).toThrow(/^run 2: its pages were pruned/);
  });

  it('next month\'s audit asks with the kept validators and scores exactly as without the prune', async () => {
    const whole = openDb(unpruned);
    try {
      const [a, b] = [await audit(db, '2026-12-15'), await audit(whole, '2026-12-15')];
      const answered304 = (d: Db, run: number) => rows(d, `SELECT count(*) AS n FROM fetches WHERE run_id = ? AND not_modified = 1`, run)[0]!['n'];
      expect(answered304(db, a)).toBeGreaterThan(10);
      expect(answered304(db, a)).toBe(answered304(whole, b));
      expect(comparable(reportOf(db, a, profile))).toEqual(comparable(reportOf(whole, b, profile)));
    } finally {
      whole.close();
    }
  });

  it('keeps runs never scored and unfinished ones; drops a pruned run\'s home pages once older than a later run compares with', async () => {
    const { db: other } = tmpDb();
    try {
      const [unscored, unfinished] = [await audit(other, '2026-10-15', false), await audit(other, '2026-10-20')];
      other.prepare(`UPDATE runs SET finished_at = NULL WHERE id = ?`).run(unfinished);
      await audit(other, '2026-11-15');
      const result = pruneRuns(other, 1);
      expect(result).toMatchObject({ pruned: [], kept: [{ id: 3 }], unscored: [{ id: unscored, asOf: '2026-10-15' }] });
      expect(describePrune(result)).toBe(`nothing to prune: run 3 (as of 2026-11-15) kept whole\nnot pruned, never scored: run 1 (as of 2026-10-15) (a pruned run is reported as it was scored: \`govsite report --run N\` first)\n`);
      expect(rows(other, `SELECT count(DISTINCT run_id) AS n FROM frontier`)).toEqual([{ n: 3 }]);
    } finally {
      other.close();
    }
    // with December's run, run 2's home pages (kept a month ago) are older than it compares with (from 2026-10-16): they go, and only they
    const homes = rows(db, `SELECT count(*) AS n FROM fetches WHERE run_id = 2`)[0]!['n'];
    const dropped = pruneRuns(db, 2);
    expect(dropped).toMatchObject({ pruned: [], kept: [{ id: 4 }, { id: 3 }], homesDropped: [{ id: 2, asOf: '2026-10-15' }], fetches: homes });
    expect(describePrune(dropped)).toMatch(/^dropped the home pages of run 2 \(as of 2026-10-15\) \(older than a later run compares with\): \d+ fetches and \d+ page bodies dropped; [\d.]+ MB → [\d.]+ MB; kept whole: runs 4 \(as of 2026-12-15\), 3 \(as of 2026-11-15\)\n$/);
    expect(rows(db, `SELECT run_id, count(*) AS n FROM fetches GROUP BY run_id`).map((r) => r['run_id'])).toEqual([3, 4]);
    expect(pruneRuns(db, 2)).toMatchObject({ pruned: [], homesDropped: [], fetches: 0, bytes: null });
    // a prune stopped during its VACUUM leaves the rows deleted and the file as large: the next one rewrites it
    db.exec(`CREATE TABLE junk AS SELECT * FROM fetches; DROP TABLE junk`);
    const rewritten = pruneRuns(db, 2);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(describePrune(rewritten)).toMatch(/^nothing to prune: runs 4 \(as of 2026-12-15\), 3 \(as of 2026-11-15\) kept whole; the file's free space given back: ([\d.]+) MB → (?!\1 )[\d.]+ MB\n$/);
  });

  it('a late shard of a pruned month is not merged into it (its sites would be in neither its pages nor its reports)', async () => {
    const { db: shard, file: shardFile } = tmpDb();
    await audit(shard, '2026-10-15');
    shard.close();
    expect(() => mergeShards(db, [shardFile])).toThrow(`${file}: its run 2 of 2026-10-15, which these shards would join, was pruned (govsite prune): merge them into a new file`);
    expect(rows(db, `SELECT count(*) AS n FROM run_sites WHERE run_id = 2`)).toEqual([{ n: 6 }]);
  });

  it('over the CLI: what it did in one line, a pruned run\'s report said to be the stored one, bad input refused', () => {
    const { code, stdout } = runCli(['prune', '--db', file]);
    expect({ code, stdout }).toMatchObject({ code: 0, stdout: expect.stringMatching(/^pruned run 3 \(as of 2026-11-15\): \d+ fetches .*; kept whole: run 4 \(as of 2026-12-15\)\n$/) });
    expect(rows(db, `SELECT run_id, count(*) AS n FROM fetches WHERE run_id <> 4 GROUP BY run_id`)).toEqual([{ run_id: 3, n: 6 }]);
    // a run's date of pruning is its first
    expect(getRun(db, 2)!.prunedAt).toBe('2026-12-01T02:00:00.000Z');
    const report = runCli(['report', '--db', file, '--run', '3', '--format', 'json']);
    expect(report.code).toBe(0);
    expect(report.stderr).toBe('run 3\'s pages were pruned (govsite prune): this is its report as stored when it was scored\n');
    expect((JSON.parse(report.stdout) as AuditReport).sites).toEqual(stored.get(3)!.sites);
    expect(runCli(['check', '--db', file, '--run', '3', '--profile', 'census-2015'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^govsite: run 3: its pages were pruned on \d{4}-\d\d-\d\d \(govsite prune\): .* under the profile gov-2019\n$/) });
    expect(runCli(['prune', '--db', file, '--keep', '0'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--keep') });
    expect(runCli(['prune', '--db', join(file, '..', 'none.db')])).toMatchObject({ code: 2, stderr: 'govsite: the database holds no run yet: nothing to prune\n' });
  });

  it('govsite runs: every run with what is kept of it, the latest first (the ids --run, --from and --to take)', () => {
    const listed = runCli(['runs', '--db', file, '--format', 'json']);
    expect(listed.code).toBe(0);
    const runs = JSON.parse(listed.stdout) as RunSummary[];
    const pagesOf4 = rows(db, `SELECT count(*) AS n FROM fetches WHERE run_id = 4 AND purpose = 'page'`)[0]!['n'];
    expect(runs.map(({ startedAt: _s, finishedAt: _f, prunedAt, ...r }) => ({ ...r, pruned: prunedAt?.slice(0, 10) ?? null }))).toEqual([
      { id: 4, asOf: '2026-12-15', registry: 'fleet.csv', sample: null, shard: null, sites: 6, crawled: 6, pages: pagesOf4, profiles: ['gov-2019'], pruned: null },
      ...[[3, '2026-11-15', expect.stringMatching(/^\d{4}-\d\d-\d\d$/)], [2, '2026-10-15', '2026-12-01'], [1, '2026-09-15', '2026-12-01']].map(([id, asOf, pruned]) =>
        ({ id, asOf, registry: 'fleet.csv', sample: null, shard: null, sites: 6, crawled: 6, pages: null, profiles: ['gov-2019'], pruned })),
    ]);
    expect(pagesOf4).toBeGreaterThan(50);
    // a run stopped midway says how far it got
    const stopped = join(file, '..', 'stopped.db');
    db.exec(`VACUUM INTO '${stopped}'`);
    const copy = openDb(stopped);
    copy.exec(`UPDATE runs SET finished_at = NULL WHERE id = 4; UPDATE run_sites SET finished_at = NULL WHERE run_id = 4 AND site_id IN ('3201000001', '6201000005')`);
    copy.close();
    const table = runCli(['runs', '--db', stopped]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')).toEqual([
      'run  as of       registry   sites  pages  scored    state',
      `  4  2026-12-15  fleet.csv      6  ${String(pagesOf4).padStart(5)}  gov-2019  unfinished: 4 of 6 sites crawled (--resume goes on)`,
      expect.stringMatching(/^  3  2026-11-15  fleet\.csv      6      —  gov-2019  finished \d{4}-\d\d-\d\d \d\d:\d\d UTC, pruned \d{4}-\d\d-\d\d: its reports kept$/),
      expect.stringMatching(/^  2  2026-10-15  fleet\.csv      6      —  gov-2019  finished .* UTC, pruned 2026-12-01: its reports kept$/),
      expect.stringMatching(/^  1  2026-09-15  fleet\.csv      6      —  gov-2019  finished .* UTC, pruned 2026-12-01: its reports kept$/),
      '',
    ]);
    expect(runCli(['runs', '--db', join(file, '..', 'none.db')])).toMatchObject({ code: 2, stderr: 'govsite: the database holds no run yet: crawl or audit a registry first\n' });
    expect(runCli(['report', '--db', file, '--run', '9'])).toMatchObject({ code: 2, stderr: 'govsite: run 9: is not in the database (`govsite runs` lists its runs)\n' });
  });
});
