import { statSync } from 'node:fs';
import { addDays } from '../extract/dates.js';
import { HOME_WINDOW_DAYS } from '../facts/home-observations.js';
import type { Db } from './db.js';

type RunRef = { id: number; asOf: string };

export interface PruneResult {
  pruned: RunRef[];
  /** the latest finished runs, kept whole */
  kept: RunRef[];
  /** finished runs of sites never scored: kept whole, as pruned they could never be reported (a run of no site, a shard's share of a small registry, has nothing to lose) */
  unscored: RunRef[];
  /** runs pruned before whose home pages were dropped now: past the days a later run compares its home page over */
  homesDropped: RunRef[];
  /** fetch rows dropped (pages, link checks, robots.txt), and page bodies no fetch left names */
  fetches: number;
  bodies: number;
  /** the database file before and after, in bytes (null in memory) */
  bytes: { before: number; after: number } | null;
}

/**
 * Drops the crawl data of every finished run but the latest `keep`: a monthly sweep's file (a CI
 * artifact, a volume) would otherwise grow by a whole crawl every month. Of a pruned run stays what
 * later runs and every report of it read: the run and its sites, its stored reports and findings
 * (report, notice, diff, the bulletin, first-seen dates), and its home pages with their facts while
 * a later run may still compare its home page with them (HOME_WINDOW_DAYS before the newest run:
 * a later prune drops them once older); its frontier, its other fetches, link sets and page facts
 * go, and the bodies no fetch names any more. A kept page that answered 304 standing for a copy in a pruned run takes that copy's links and
 * facts as its own, so next month's audit still asks with its validators and reuses them.
 * Not pruned: unfinished runs (`--resume` goes on with them) and runs never scored (see `unscored`).
 */
export function pruneRuns(db: Db, keep: number, now = new Date()): PruneResult {
  const runs = db.prepare(`SELECT id, as_of AS asOf, finished_at IS NOT NULL AS finished, pruned_at IS NOT NULL AS pruned,
      EXISTS (SELECT 1 FROM results WHERE run_id = runs.id) OR NOT EXISTS (SELECT 1 FROM run_sites WHERE run_id = runs.id) AS scored,
      EXISTS (SELECT 1 FROM fetches WHERE run_id = runs.id) AS stored FROM runs ORDER BY id DESC`).all() as (RunRef & { finished: number; pruned: number; scored: number; stored: number })[];
  const finished = runs.filter((r) => r.finished);
  const older = finished.slice(keep);
  // a home page is compared with those of the days before its run's date: older ones no later run reads
  const homesFrom = addDays(runs.reduce((max, r) => (r.asOf > max ? r.asOf : max), ''), -HOME_WINDOW_DAYS);
  const ref = ({ id, asOf }: RunRef): RunRef => ({ id, asOf });
  const result: PruneResult = {
    pruned: older.filter((r) => !r.pruned && r.scored).map(ref), kept: finished.slice(0, keep).map(ref), unscored: older.filter((r) => !r.pruned && !r.scored).map(ref),
    homesDropped: older.filter((r) => r.pruned && r.stored && r.asOf < homesFrom).map(ref), fetches: 0, bodies: 0, bytes: null,
  };
  // a file left with free pages (a prune stopped during its VACUUM, rows deleted since) is rewritten all the same
  if (result.pruned.length === 0 && result.homesDropped.length === 0 && db.pragma('freelist_count', { simple: true }) === 0) return result;
  const before = fileBytes(db);
  // checked once at the end instead of per row: each fetch deleted would scan every fetch for a copy of it (13,773 of 21,000: 10 s)
  db.pragma('foreign_keys = OFF');
  try {
    prune(db, result, homesFrom, now);
  } finally {
    db.pragma('foreign_keys = ON');
  }
  // the file gives back what was dropped only when rewritten
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const after = fileBytes(db);
  result.bytes = before === null || after === null ? null : { before, after };
  return result;
}

function prune(db: Db, result: PruneResult, homesFrom: string, now: Date): void {
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE pruning (run_id INTEGER PRIMARY KEY, homes INTEGER NOT NULL);
      CREATE TEMP TABLE doomed (id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE heirs (copy INTEGER PRIMARY KEY, heir INTEGER NOT NULL);`);
    const add = db.prepare(`INSERT INTO pruning VALUES (?, ?)`);
    for (const r of result.pruned) add.run(r.id, r.asOf >= homesFrom ? 1 : 0);
    for (const r of result.homesDropped) add.run(r.id, 0);
    // every fetch of the pruned runs but a recent one's home pages (as homeObservations finds them: the site's address)
    result.fetches = db.prepare(`INSERT INTO doomed SELECT f.id FROM fetches f JOIN pruning p ON p.run_id = f.run_id
      WHERE NOT (p.homes AND f.purpose = 'page' AND (f.url IN (SELECT e.url FROM run_site_entries e WHERE e.run_id = f.run_id AND e.site_id = f.site_id)
        OR f.url = (SELECT s.url FROM sites s WHERE s.id = f.site_id)))`).run().changes;
    // a copy that fetches left standing for goes to one of them (a kept run's first), and the others stand for that one
    db.exec(`INSERT INTO heirs SELECT f.copy_of, coalesce(min(CASE WHEN f.run_id NOT IN (SELECT run_id FROM pruning) THEN f.id END), min(f.id))
        FROM fetches f WHERE f.copy_of IN (SELECT id FROM doomed) AND f.id NOT IN (SELECT id FROM doomed) GROUP BY f.copy_of;
      UPDATE OR REPLACE page_facts SET fetch_id = h.heir, run_id = (SELECT run_id FROM fetches WHERE id = h.heir) FROM heirs h WHERE page_facts.fetch_id = h.copy;
      UPDATE OR REPLACE link_sets SET fetch_id = h.heir FROM heirs h WHERE link_sets.fetch_id = h.copy;
      UPDATE fetches SET copy_of = NULL, link_count = (SELECT c.link_count FROM fetches c WHERE c.id = h.copy) FROM heirs h WHERE fetches.id = h.heir;
      UPDATE fetches SET copy_of = h.heir FROM heirs h WHERE fetches.copy_of = h.copy;
      DELETE FROM page_facts WHERE fetch_id IN (SELECT id FROM doomed);
      DELETE FROM link_sets WHERE fetch_id IN (SELECT f.id FROM fetches f JOIN pruning p ON p.run_id = f.run_id)
        AND fetch_id NOT IN (SELECT copy_of FROM fetches WHERE copy_of IS NOT NULL AND run_id NOT IN (SELECT run_id FROM pruning));
      DELETE FROM fetches WHERE id IN (SELECT id FROM doomed);
      DELETE FROM frontier WHERE run_id IN (SELECT run_id FROM pruning);`);
    result.bodies = db.prepare(`DELETE FROM bodies WHERE hash NOT IN (SELECT body_hash FROM fetches WHERE body_hash IS NOT NULL)`).run().changes;
    db.prepare(`UPDATE runs SET pruned_at = ? WHERE id IN (SELECT run_id FROM pruning) AND pruned_at IS NULL`).run(now.toISOString());
    db.exec(`DROP TABLE pruning; DROP TABLE doomed; DROP TABLE heirs;`);
    const dangling = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    // a reference left to a dropped row is a fault of this code: nothing is changed
    if (dangling.length > 0) throw new Error(`prune would leave ${dangling.length} rows pointing to dropped ones (${dangling[0]!.table} row ${dangling[0]!.rowid} → ${dangling[0]!.parent}): nothing pruned`);
  })();
}

/** the file and its write-ahead log */
const fileBytes = (db: Db): number | null => (db.memory ? null : [db.name, `${db.name}-wal`].reduce((n, f) => n + (statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0));

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const runs = (list: readonly RunRef[]) => `run${list.length > 1 ? 's' : ''} ${list.map((r) => `${r.id} (as of ${r.asOf})`).join(', ')}`;

export function describePrune(r: PruneResult): string {
  const what = [r.pruned.length ? `pruned ${runs(r.pruned)}` : '', r.homesDropped.length ? `dropped the home pages of ${runs(r.homesDropped)} (older than a later run compares with)` : ''].filter(Boolean).join('; ');
  const lines = [what === ''
    ? `nothing to prune: ${r.kept.length ? `${runs(r.kept)} kept whole` : 'no finished run'}${r.bytes ? `; the file's free space given back: ${MB(r.bytes.before)} → ${MB(r.bytes.after)}` : ''}`
    : `${what}: ${r.fetches} fetches and ${r.bodies} page bodies dropped${r.pruned.length ? ', their reports, findings and recent home pages kept' : ''}` +
      `${r.bytes ? `; ${MB(r.bytes.before)} → ${MB(r.bytes.after)}` : ''}; kept whole: ${runs(r.kept)}`];
  if (r.unscored.length) lines.push(`not pruned, never scored: ${runs(r.unscored)} (a pruned run is reported as it was scored: \`govsite report --run N\` first)`);
  return `${lines.join('\n')}\n`;
}
