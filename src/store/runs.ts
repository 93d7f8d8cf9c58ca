import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { sampledRegistry } from '../registry/sample.js';
import { statement, type Db } from './db.js';

export interface Run {
  id: number;
  asOf: string;
  registry: string;
  options: Record<string, unknown>;
  startedAt: string;
  finishedAt: string | null;
  /** when its crawl data was pruned (see prune.ts): it is reported from its stored reports only */
  prunedAt: string | null;
}

type RunRecord = { id: number; as_of: string; registry: string; options: string; started_at: string; finished_at: string | null; pruned_at: string | null };

function toRun(r: RunRecord): Run {
  return { id: r.id, asOf: r.as_of, registry: r.registry, options: JSON.parse(r.options) as Record<string, unknown>, startedAt: r.started_at, finishedAt: r.finished_at, prunedAt: r.pruned_at };
}

export function createRun(db: Db, run: { asOf: string; registry: string; options: Record<string, unknown>; siteIds: readonly string[] }): Run {
  return db.transaction(() => {
    const { lastInsertRowid } = db.prepare(`INSERT INTO runs (as_of, registry, options, started_at) VALUES (?, ?, ?, ?)`)
      .run(run.asOf, run.registry, JSON.stringify(run.options), new Date().toISOString());
    const id = Number(lastInsertRowid);
    // each site as the registry gives it now: the run's own, whatever a later import says (migration 16)
    const add = db.prepare(`INSERT INTO run_sites (run_id, site_id, url, name, level, mailboxes, portal, columns)
      SELECT ?, id, url, name, level, mailboxes, portal, columns FROM sites WHERE id = ?`);
    for (const siteId of run.siteIds) {
      // a site the registry's import did not store has nothing to copy: a caller's bug, not a run without it
      if (add.run(id, siteId).changes === 0) throw new Error(`site ${siteId} is not in the database: import it before its run`);
    }
    return getRun(db, id)!;
  })();
}

export function getRun(db: Db, id: number): Run | undefined {
  const r = db.prepare(`SELECT * FROM runs WHERE id = ?`).get(id) as RunRecord | undefined;
  return r && toRun(r);
}

/**
 * A run to report on: one whose crawl finished. An unfinished one (killed or stopped, a shard not
 * done) has sites never crawled, which a report would call down, and sites half read, judged on
 * what was read: no report or notice an inspector could sign comes of it.
 */
export function finishedRun(db: Db, id: number): Run {
  const run = getRun(db, id);
  if (!run) throw new InputError(`run ${id}`, 'is not in the database (`govsite runs` lists its runs)');
  if (run.finishedAt !== null) return run;
  const { crawled, sites } = db.prepare(`SELECT count(finished_at) AS crawled, count(*) AS sites FROM run_sites WHERE run_id = ?`).get(id) as { crawled: number; sites: number };
  const before = previousRun(db, run);
  const earlier = before ? ` — or report run ${before.id} (as of ${before.asOf}), finished: --run ${before.id}` : '';
  throw new InputError(`run ${id}`, `its crawl did not finish (${crawled} of ${sites} sites crawled, as of ${run.asOf}): a report would judge the others unread. Finish it with \`govsite crawl ${run.registry} --db ${db.name} --resume\` (a merged run: resume the shard that did not finish, then merge the shards again into a new file), then report${earlier}`);
}

/**
 * A run to score: finished, and its pages still stored. A pruned run (see prune.ts) has only its home
 * pages left: scored again, every site would lose what its other pages showed.
 */
export function scorableRun(db: Db, id: number): Run {
  const run = finishedRun(db, id);
  if (run.prunedAt === null) return run;
  const profiles = db.prepare(`SELECT DISTINCT profile FROM results WHERE run_id = ? ORDER BY profile`).pluck().all(id) as string[];
  throw new InputError(`run ${id}`, `its pages were pruned on ${run.prunedAt.slice(0, 10)} (govsite prune): it cannot be scored again, and is reported as it was scored, under the profile ${profiles.join(', ')}`);
}

/**
 * The run `--resume` goes on with: this registry's newest run when it did not finish (whatever its
 * as-of date: a crawl killed goes on as it began), or when it finished with the as-of date and the
 * shard asked — a job stopped after its crawl (a pod evicted while writing its report, restarted
 * with the same command) reports that run, instead of crawling its sites again for hours.
 */
export function runToResume(db: Db, registry: string, asOf: string, shard: string | undefined): Run | undefined {
  const r = db.prepare(`SELECT * FROM runs WHERE registry = ? ORDER BY id DESC LIMIT 1`).get(registry) as RunRecord | undefined;
  const run = r && toRun(r);
  return run && (run.finishedAt === null || (run.asOf === asOf && run.options['shard'] === shard)) ? run : undefined;
}

/**
 * The registry a run audited, as runs are matched by it: its file's name, wherever it was read from —
 * each month's CI runner checks the repository out afresh, a GitLab runner into a folder named by its
 * token and slot, each machine of a sweep has its own —, and for a monthly sample (its own file each
 * month) the registry it was drawn from, which its label names first (see `govsite sample`).
 */
export function registryName(run: Pick<Run, 'registry' | 'options'>): string {
  const sample = run.options['sample'];
  return typeof sample === 'string' ? sampledRegistry(sample) : basename(run.registry);
}

/** The finished run of the same registry (whole or sampled, see registryName) before this one: what `diff` compares with by default (one stopped and never resumed is passed over). */
export function previousRun(db: Db, run: Run): Run | undefined {
  const earlier = (db.prepare(`SELECT * FROM runs WHERE id < ? AND finished_at IS NOT NULL ORDER BY id DESC`).all(run.id) as RunRecord[]).map(toRun);
  return earlier.find((e) => registryName(e) === registryName(run));
}

/**
 * A run a late shard joins: of the same registry file (by name, see registryName) as of the same date —
 * and of the same sample, or of none: a sample's shards do not join the whole registry's run of their date.
 */
export function runToJoin(db: Db, like: Pick<Run, 'registry' | 'options' | 'asOf'>): Run | undefined {
  const key = (r: Pick<Run, 'registry' | 'options'>) => `${registryName(r)}\n${String(r.options['sample'] ?? '')}`;
  return (db.prepare(`SELECT * FROM runs WHERE as_of = ? ORDER BY id DESC`).all(like.asOf) as RunRecord[]).map(toRun).find((r) => key(r) === key(like));
}

export function latestRun(db: Db): Run | undefined {
  const r = db.prepare(`SELECT * FROM runs ORDER BY id DESC LIMIT 1`).get() as RunRecord | undefined;
  return r && toRun(r);
}

export function finishRun(db: Db, id: number): void {
  db.prepare(`UPDATE runs SET finished_at = ? WHERE id = ?`).run(new Date().toISOString(), id);
}

export function markSiteStarted(db: Db, runId: number, siteId: string): void {
  statement(db, `UPDATE run_sites SET started_at = coalesce(started_at, ?) WHERE run_id = ? AND site_id = ?`).run(new Date().toISOString(), runId, siteId);
}

/** The site's home page led into another site, `into` when registered (see RegisteredSites): merged, not assessed. */
export function markSiteMerged(db: Db, runId: number, siteId: string, into: string | null): void {
  statement(db, `UPDATE run_sites SET merged = 1, merged_into = ? WHERE run_id = ? AND site_id = ?`).run(into, runId, siteId);
}

/**
 * The site a site was merged into — its id, name and address as the registry gives them, all null
 * when it is not registered (its parent domain's) — and where the site's home page landed.
 */
export interface MergedInto {
  id: string | null;
  name: string | null;
  url: string | null;
  landing: string | null;
}

export function mergedInto(db: Db, runId: number, site: { id: string; url: string }): MergedInto | null {
  const row = statement(db, `SELECT rs.merged_into AS id, s.name, s.url,
      (SELECT f.final_url FROM fetches f WHERE f.run_id = rs.run_id AND f.site_id = rs.site_id AND f.url = ? AND f.purpose = 'page' ORDER BY f.id DESC LIMIT 1) AS landing
    FROM run_sites rs LEFT JOIN sites s ON s.id = rs.merged_into WHERE rs.run_id = ? AND rs.site_id = ? AND rs.merged = 1`).get(site.url, runId, site.id) as MergedInto | undefined;
  return row ?? null;
}

export function markSiteFinished(db: Db, runId: number, siteId: string): void {
  statement(db, `UPDATE run_sites SET finished_at = ? WHERE run_id = ? AND site_id = ?`).run(new Date().toISOString(), runId, siteId);
}

/**
 * A run that asked and none of whose requests got an answer: how many sites it holds, and the
 * failures (most frequent first). Null when any request was answered, whatever its status, or none
 * was made.
 */
export function answerless(db: Db, runId: number): { sites: number; failures: string[] } | null {
  if (db.prepare(`SELECT EXISTS (SELECT 1 FROM fetches WHERE run_id = ? AND status IS NOT NULL)`).pluck().get(runId) === 1) return null;
  const failures = db.prepare(`SELECT error_code FROM fetches WHERE run_id = ? GROUP BY error_code ORDER BY count(*) DESC`).pluck().all(runId) as string[];
  if (failures.length === 0) return null;
  return { sites: db.prepare(`SELECT count(*) FROM run_sites WHERE run_id = ?`).pluck().get(runId) as number, failures };
}

/** The hosts the run's proxy refused by its policy (EPROXYDENIED), most refused first. */
export function proxyDeniedHosts(db: Db, runId: number): string[] {
  const urls = db.prepare(`SELECT url FROM fetches WHERE run_id = ? AND error_code = 'EPROXYDENIED'`).pluck().all(runId) as string[];
  const counts = new Map<string, number>();
  for (const url of urls) {
    const { host } = new URL(url);
    counts.set(host, (counts.get(host) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([host]) => host);
}

export function unfinishedSiteIds(db: Db, runId: number): string[] {
  return (db.prepare(`SELECT site_id FROM run_sites WHERE run_id = ? AND finished_at IS NULL ORDER BY rowid`).all(runId) as { site_id: string }[]).map((r) => r.site_id);
}

/** What `govsite runs` says of a run: which month, of what, how far it got, what is kept of it. */
export interface RunSummary {
  id: number;
  asOf: string;
  /** the registry's file name (a sample's: the registry it was drawn from, see registryName) */
  registry: string;
  sample: string | null;
  shard: string | null;
  sites: number;
  /** sites whose crawl finished */
  crawled: number;
  /** pages stored; null when pruned (see prune.ts) */
  pages: number | null;
  startedAt: string;
  finishedAt: string | null;
  prunedAt: string | null;
  /** the profiles it was scored under, whose reports `report`, `notice`, `diff` and the bulletin read */
  profiles: string[];
}

/** Every run of the database, the latest first. */
export function runSummaries(db: Db): RunSummary[] {
  const rows = db.prepare(`SELECT r.*, (SELECT count(*) FROM run_sites s WHERE s.run_id = r.id) AS sites,
      (SELECT count(finished_at) FROM run_sites s WHERE s.run_id = r.id) AS crawled,
      (SELECT group_concat(profile, ',') FROM (SELECT DISTINCT profile FROM results WHERE run_id = r.id ORDER BY profile)) AS profiles
    FROM runs r ORDER BY r.id DESC`).all() as (RunRecord & { sites: number; crawled: number; profiles: string | null })[];
  const pages = new Map((db.prepare(`SELECT run_id, count(*) AS n FROM fetches WHERE purpose = 'page' GROUP BY run_id`).all() as { run_id: number; n: number }[]).map((p) => [p.run_id, p.n]));
  return rows.map((r) => {
    const run = toRun(r);
    const option = (name: string) => (typeof run.options[name] === 'string' ? (run.options[name] as string) : null);
    return {
      id: run.id, asOf: run.asOf, registry: registryName(run), sample: option('sample'), shard: option('shard'), sites: r.sites, crawled: r.crawled,
      pages: run.prunedAt === null ? pages.get(run.id) ?? 0 : null, startedAt: run.startedAt, finishedAt: run.finishedAt, prunedAt: run.prunedAt,
      profiles: r.profiles ? r.profiles.split(',') : [],
    };
  });
}
