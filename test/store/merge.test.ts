import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { inShard, parseShard } from '../../src/registry/shard.js';
import { EXTRACTOR_VERSION } from '../../src/extract/page.js';
import { buildReport, type AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { openDb } from '../../src/store/db.js';
import { getRun, previousRun } from '../../src/store/runs.js';
import { describeMerge, mergeShards } from '../../src/store/merge.js';
import { cases } from '../helpers/cases.js';
import { miscountedLinks, TEST_CRAWL, rows } from '../helpers/crawl.js';
import { startFixtureFleet } from '../helpers/fleet.js';
import { tmpDir } from '../helpers/tmp.js';
import { corpusPath, describeCorpus } from '../helpers/corpus.js';

let fleet: FixtureFleet;
let registry: string;
const dir = tmpDir();
const profile = loadProfile('gov-2019');

/** `from`: the registry file read, when not the one of the other shards (a copy on another machine) */
async function crawlInto(file: string, shard?: string, asOf = '2026-11-15', from = registry) {
  const db = openDb(file);
  try {
    return (await crawlRegistry(db, { registry: from, asOf, resume: false, options: TEST_CRAWL, shard: parseShard(shard) })).run.id;
  } finally {
    db.close();
  }
}

/** A report without what differs between two crawls of the same sites: timings, ids, order. */
function comparable(report: AuditReport) {
  return report.sites.map((s) => ({ ...s, stats: { ...s.stats, durationMs: null }, findings: [...s.findings].map((f) => JSON.stringify(f)).sort() })).sort((a, b) => a.id.localeCompare(b.id));
}

before(async () => {
  ({ fleet, registry } = await startFixtureFleet());
  await crawlInto(join(dir, 'whole.db'));
  for (const k of [1, 2, 3]) await crawlInto(join(dir, `shard-${k}.db`), `${k}/3`);
});
after(() => fleet.close());

describe('sharding and merging', () => {
  it('a stable partition: every site in exactly one shard, the same in every version', () => {
    const ids = ['3201000001', '3408000002', '4401000003', '5301000004', '6201000005', '3201000006', 'www.gov.cn'];
    for (const id of ids) expect([1, 2, 3].filter((k) => inShard(id, { index: k, count: 3 }))).toHaveLength(1);
    // written down: a change of hash would move sites between the machines of a running sweep
    expect(ids.map((id) => [1, 2, 3].find((k) => inShard(id, { index: k, count: 3 })))).toEqual([1, 2, 1, 2, 3, 2, 3]);
  });

  describeCorpus('the real registry', () => it('spreads the 3,208 real portals evenly over 8 shards (each within 10 % of an eighth)', () => {
    const codes = readFileSync(corpusPath('registries', 'county-portals.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const sizes = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => codes.filter((id) => inShard(id, { index: k, count: 8 })).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3208);
    for (const n of sizes) expect(Math.abs(n - 401)).toBeLessThan(41);
  }));

  it('the fleet audited as three merged shards equals the fleet audited whole (apart from timings)', () => {
    const merged = openDb(join(dir, 'merged.db'));
    // every shard holds part of the fleet, so the merge really combines three
    for (const k of [1, 2, 3]) expect(rows(openDb(join(dir, `shard-${k}.db`)), `SELECT count(*) AS n FROM run_sites`)[0]!['n']).toBeGreaterThan(0);
    const result = mergeShards(merged, [1, 2, 3].map((k) => join(dir, `shard-${k}.db`)));
    expect(result).toMatchObject({ sites: 6, skipped: 0 });
    const whole = openDb(join(dir, 'whole.db'));
    const report = buildReport(merged, result.runId!, profile);
    expect(comparable(report)).toEqual(comparable(buildReport(whole, 1, profile)));
    // the bureau (shard 2) merged into the city's portal (shard 1): known in its shard, kept by the merge
    expect(report.sites.find((s) => s.id === '3201000006')?.mergedInto?.id).toBe('3201000001');
    // and merging a shard again adds nothing twice
    const again = mergeShards(merged, [join(dir, 'shard-1.db')]);
    expect(again.sites).toBe(0);
    expect(rows(merged, `SELECT count(*) AS n FROM run_sites`)).toEqual([{ n: 6 }]);
    merged.close();
    whole.close();
  });

  it('a shard whose crawl did not finish: the merge says so and the merged run is not reported on; resumed, and merged again into a new file, it equals the whole', async () => {
    const stopped = join(dir, 'stopped-2.db');
    copyFileSync(join(dir, 'shard-2.db'), stopped);
    // as a shard killed right after a site's last page, before that site was marked finished
    const raw = new Database(stopped);
    raw.exec(`UPDATE runs SET finished_at = NULL; UPDATE run_sites SET finished_at = NULL WHERE site_id = (SELECT min(site_id) FROM run_sites)`);
    raw.close();
    const files = [join(dir, 'shard-1.db'), stopped, join(dir, 'shard-3.db')];
    const early = openDb(join(dir, 'merged-early.db'));
    const result = mergeShards(early, files);
    expect(describeMerge(files, result)).toContain(`\nthe crawl of ${stopped} did not finish: run ${result.runId} is not reported on: resume it (--resume), then merge the shards again into a new file\n`);
    expect(() => buildReport(early, result.runId!, profile)).toThrow(`run ${result.runId}: its crawl did not finish (5 of 6 sites crawled, as of 2026-11-15)`);
    early.close();
    const shard = openDb(stopped);
    await crawlRegistry(shard, { registry, asOf: '2026-11-15', resume: true, options: TEST_CRAWL, shard: parseShard('2/3') });
    shard.close();
    const merged = openDb(join(dir, 'merged-after.db'));
    const resumed = mergeShards(merged, files);
    expect(resumed.unfinished).toEqual([]);
    const whole = openDb(join(dir, 'whole.db'));
    expect(comparable(buildReport(merged, resumed.runId!, profile))).toEqual(comparable(buildReport(whole, 1, profile)));
    merged.close();
    whole.close();
  });

  it('next month\'s shards merged into the same file are a run beside the first one: diff and the history read both', async () => {
    const history = openDb(join(dir, 'history.db'));
    const november = mergeShards(history, [1, 2, 3].map((k) => join(dir, `shard-${k}.db`)));
    const next = [1, 2, 3].map((k) => join(dir, `december-${k}.db`));
    // December's registry read from other folders: a CI runner's fresh checkout, another machine's; one shard merged late
    const elsewhere = () => join(tmpDir(), basename(registry));
    for (const [i, file] of next.entries()) {
      const from = elsewhere();
      copyFileSync(registry, from);
      await crawlInto(file, `${i + 1}/3`, '2026-12-15', from);
    }
    const early = mergeShards(history, next.slice(0, 2));
    const december = mergeShards(history, next.slice(2));
    // the late shard joins its month's run
    expect([december.runId, early.sites + december.sites, december.skipped]).toEqual([early.runId, 6, 0]);
    expect(rows(history, `SELECT id, as_of FROM runs ORDER BY id`)).toEqual([{ id: november.runId, as_of: '2026-11-15' }, { id: december.runId, as_of: '2026-12-15' }]);
    // what diff compares by default: the month before
    expect(previousRun(history, getRun(history, december.runId!)!)?.id).toBe(november.runId);
    expect(buildReport(history, november.runId!, profile).sites).toHaveLength(6);
    expect(buildReport(history, december.runId!, profile).sites).toHaveLength(6);
    history.close();
  });

  it('a shard audited twice: its second run shares the first run\'s link rows, and the merge gives each page its own', async () => {
    const twice = join(dir, 'twice.db');
    await crawlInto(twice, '3/3');
    const latest = await crawlInto(twice, '3/3');
    const source = openDb(twice);
    const merged = openDb(join(dir, 'twice-merged.db'));
    const own = (db: Database.Database, runId: number) => rows(db, `SELECT coalesce(sum(json_array_length(l.links)), 0) AS n FROM link_sets l JOIN fetches f ON f.id = l.fetch_id WHERE f.run_id = ?`, runId)[0]!['n'];
    const links = (db: Database.Database, runId: number) => rows(db, `SELECT site_id, from_url, target, tag, text, scheme, on_homepage FROM page_links WHERE run_id = ? ORDER BY 1, 2, 3, 4, 5`, runId);
    expect(own(source, latest)).toBe(0);
    const { runId } = mergeShards(merged, [twice]);
    expect(links(merged, runId!)).toEqual(links(source, latest));
    expect(own(merged, runId!)).toBe(links(source, latest).length);
    // … and its count: the copy's, which was its original's
    expect(miscountedLinks(merged, runId!)).toEqual([]);
    expect(rows(merged, `SELECT sum(link_count) AS n FROM fetches WHERE run_id = ?`, runId)).toEqual([{ n: links(source, latest).length }]);
    expect(links(merged, runId!).length).toBeGreaterThan(20);
    // the second run's facts are the first run's copies: the merge stores them as the merged run's own
    // … with the version of the extractors that read them (a later audit of the merged file reuses them)
    const facts = (db: Database.Database, runId: number) => rows(db, `SELECT site_id, url, facts, extractor FROM run_page_facts WHERE run_id = ? ORDER BY 1, 2`, runId);
    expect(rows(source, `SELECT count(*) AS n FROM page_facts WHERE run_id = ?`, latest)).toEqual([{ n: 0 }]);
    expect(facts(merged, runId!)).toEqual(facts(source, latest));
    expect(rows(merged, `SELECT count(*) AS n FROM page_facts WHERE run_id = ?`, runId)).toEqual([{ n: facts(source, latest).length }]);
    expect(facts(source, latest).length).toBeGreaterThan(5);
    expect(rows(merged, `SELECT DISTINCT extractor FROM page_facts`)).toEqual([{ extractor: EXTRACTOR_VERSION }]);
    source.close();
    merged.close();
  });

  it('a shard damaged where the copy reads it (a disk fault, a copy cut short) is named, not the target', () => {
    const damaged = join(dir, 'damaged-2.db');
    copyFileSync(join(dir, 'shard-2.db'), damaged);
    const raw = new Database(damaged);
    const root = raw.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'fetches'`).pluck().get() as number;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, (root - 1) * pageSize, root * pageSize);
    writeFileSync(damaged, bytes);
    const target = openDb(join(dir, 'damaged-merge.db'));
    expect(() => mergeShards(target, [join(dir, 'shard-1.db'), damaged])).toThrow(`${damaged}: it is damaged: restore it from a copy, or crawl again into a new file (SQLite: database disk image is malformed)`);
    target.close();
  });

  it('refuses databases of another as-of date, or another schema version, naming the file', async () => {
    const other = join(dir, 'other-date.db');
    await crawlInto(other, '1/3', '2026-11-01');
    const target = openDb(join(dir, 'refused.db'));
    expect(() => mergeShards(target, [join(dir, 'shard-2.db'), other])).toThrow('the shards audit different dates (2026-11-15, 2026-11-01)');
    const old = join(dir, 'old-schema.db');
    copyFileSync(join(dir, 'shard-3.db'), old);
    const raw = new Database(old);
    raw.pragma('user_version = 1');
    raw.close();
    expect(() => mergeShards(target, [old])).toThrow(`${old}: schema version 1, this govsite writes`);
    target.close();
  });

  cases([['0/3'], ['4/3'], ['1-3'], ['x']])('--shard %s is a usage error', (value: string) => {
    expect(() => parseShard(value)).toThrow(`--shard must be K/N with 1 ≤ K ≤ N, got "${value}"`);
  });
});
