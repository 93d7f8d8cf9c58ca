import { basename } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors.js';
import { databaseTrouble, troubleKind, type Db } from './db.js';
import { SCHEMA_VERSION } from './migrations/index.js';
import { runToJoin } from './runs.js';

export interface MergeResult {
  /** null when the sources held probes only */
  runId: number | null;
  sites: number;
  /** sites a source held that the merged run had already (a shard merged twice) */
  skipped: number;
  /** availability probes copied (a probe already there is not copied again) */
  probes: number;
  /** sources whose run did not finish: the merged run is unfinished, and not reported on, until they are resumed and merged again */
  unfinished: string[];
}

type SourceRun = { file: string; id: number; as_of: string; registry: string; options: string; started_at: string; finished_at: string | null };

/**
 * Combines the latest run of each shard database into one run of `target` (its run of their as-of
 * date, or a new one beside its earlier months'): sites, their frontier, fetches, bodies, links and
 * page facts, fetch ids renumbered. Refuses sources of another schema version or as-of date; a site
 * already in the merged run is not copied again.
 */
export function mergeShards(target: Db, files: readonly string[]): MergeResult {
  const opened = files.map((file) => openSource(file));
  const probes = files.reduce((n, file) => n + mergeProbes(target, file), 0);
  const sources = opened.flatMap((s) => (s.run ? [s.run] : []));
  if (sources.length === 0) {
    if (!opened.some((s) => s.probes > 0)) throw new InputError(files[0]!, 'holds no run and no probes');
    return { runId: null, sites: 0, skipped: 0, probes, unfinished: [] };
  }
  const asOf = new Set(sources.map((s) => s.as_of));
  if (asOf.size > 1) throw new InputError(files.join(', '), `the shards audit different dates (${[...asOf].join(', ')}); merge runs of one as-of date`);
  const first = sources[0]!;
  // the shards join the target's run of their date (a late shard merged after the others); a target
  // holding earlier months keeps them, and this month is a run beside them: diff, the findings'
  // history and the quarterly bulletin read every month of a sharded sweep in one file
  const existing = runToJoin(target, { registry: first.registry, options: JSON.parse(first.options) as Record<string, unknown>, asOf: first.as_of });
  // its reports were kept, its pages were not: a late shard's sites would be in neither
  if (existing?.prunedAt) throw new InputError(target.name, `its run ${existing.id} of ${first.as_of}, which these shards would join, was pruned (govsite prune): merge them into a new file`);

  let runId = existing?.id;
  let sites = 0;
  let skipped = 0;
  for (const source of sources) {
    withSource(target, source.file, () => {
      target.transaction(() => {
        runId ??= Number(target.prepare(`INSERT INTO runs (as_of, registry, options, started_at, finished_at) VALUES (?, ?, ?, ?, ?)`)
          .run(source.as_of, source.registry, JSON.stringify({ ...JSON.parse(source.options), shard: undefined }), source.started_at, source.finished_at).lastInsertRowid);
        target.prepare(`UPDATE runs SET started_at = min(started_at, ?), finished_at = CASE WHEN finished_at IS NULL OR ? IS NULL THEN NULL ELSE max(finished_at, ?) END WHERE id = ?`)
          .run(source.started_at, source.finished_at, source.finished_at, runId);
        const fresh = (target.prepare(`SELECT site_id FROM src.run_sites WHERE run_id = ? AND site_id NOT IN (SELECT site_id FROM run_sites WHERE run_id = ?)`)
          .all(source.id, runId) as { site_id: string }[]).map((r) => r.site_id);
        skipped += (target.prepare(`SELECT count(*) AS n FROM src.run_sites WHERE run_id = ?`).get(source.id) as { n: number }).n - fresh.length;
        sites += fresh.length;
        target.exec(`CREATE TEMP TABLE IF NOT EXISTS merging (site_id TEXT PRIMARY KEY); DELETE FROM merging;`);
        const mark = target.prepare(`INSERT INTO merging VALUES (?)`);
        for (const id of fresh) mark.run(id);
        const offset = (target.prepare(`SELECT coalesce(max(id), 0) AS n FROM fetches`).get() as { n: number }).n;
        const run = { src: source.id, dst: runId, offset };
        target.prepare(`INSERT OR REPLACE INTO sites SELECT * FROM src.sites WHERE id IN (SELECT site_id FROM merging)`).run();
        target.prepare(`INSERT INTO run_sites (run_id, site_id, started_at, finished_at, merged, merged_into, url, name, level, mailboxes, portal, columns)
          SELECT @dst, site_id, started_at, finished_at, merged, merged_into, url, name, level, mailboxes, portal, columns FROM src.run_sites WHERE run_id = @src AND site_id IN (SELECT site_id FROM merging)`).run(run);
        target.prepare(`INSERT INTO frontier (run_id, site_id, url, kind, external, depth, referrer, state, skip_reason, role, priority)
          SELECT @dst, site_id, url, kind, external, depth, referrer, state, skip_reason, role, priority FROM src.frontier WHERE run_id = @src AND site_id IN (SELECT site_id FROM merging)`).run(run);
        // robots.txt answers belong to no site: each host's once
        const copied = `(f.site_id IN (SELECT site_id FROM merging) OR (f.purpose = 'robots' AND f.url NOT IN (SELECT url FROM fetches WHERE run_id = @dst AND purpose = 'robots')))`;
        target.prepare(`INSERT OR IGNORE INTO bodies SELECT b.* FROM src.bodies b WHERE b.hash IN (SELECT f.body_hash FROM src.fetches f WHERE f.run_id = @src AND ${copied})`).run(run);
        target.prepare(`INSERT INTO fetches SELECT f.id + @offset, @dst, f.site_id, f.url, f.purpose, f.method, f.attempt, f.final_url, f.status, f.error_code, f.error_message, f.redirects,
          f.verdict, f.soft404, f.not_modified, f.ms, f.bytes, f.content_type, f.charset, f.etag, f.last_modified, f.depth, f.referrer, f.body_hash, f.fetched_at, NULL, f.certificate,
          coalesce(f.link_count, (SELECT o.link_count FROM src.fetches o WHERE o.id = f.copy_of))
          FROM src.fetches f WHERE f.run_id = @src AND ${copied}`).run(run);
        // a shard's unchanged pages share links and facts with its earlier runs, which are not copied: each copied page gets its own
        target.prepare(`INSERT INTO link_sets SELECT f.id + @offset, l.links FROM src.fetches f JOIN src.link_sets l ON l.fetch_id = coalesce(f.copy_of, f.id)
          WHERE f.run_id = @src AND f.site_id IN (SELECT site_id FROM merging)`).run(run);
        target.prepare(`INSERT INTO page_facts (fetch_id, run_id, site_id, url, facts, extractor) SELECT p.fetch_id + @offset, @dst, p.site_id, p.url, p.facts, p.extractor FROM src.run_page_facts p WHERE p.run_id = @src AND p.site_id IN (SELECT site_id FROM merging)`).run(run);
      })();
    });
  }
  return { runId: runId!, sites, skipped, probes, unfinished: sources.filter((s) => s.finished_at === null).map((s) => s.file) };
}

/**
 * Runs `copy` with the source database attached as `src`. A copy that fails on a damaged database
 * gets SQLite's message, which names neither file, and the target is the one a command names (see
 * withDb): the source is checked then (only then: it reads the whole file), and named when it is
 * the damaged one.
 */
function withSource<T>(target: Db, file: string, copy: () => T): T {
  target.exec(`ATTACH DATABASE '${file.replace(/'/g, "''")}' AS src`);
  try {
    return copy();
  } catch (e) {
    throw (troubleKind(e) === 'damaged' && !sourceIntact(target) && databaseTrouble(file, e, false)) || e;
  } finally {
    target.exec('DETACH DATABASE src');
  }
}

const sourceIntact = (target: Db): boolean => {
  try {
    return target.pragma('src.quick_check(1)', { simple: true }) === 'ok';
  } catch {
    return false;
  }
};

/** Copies a source's probes, and the sites they probe when the target does not know them yet. */
function mergeProbes(target: Db, file: string): number {
  return withSource(target, file, () =>
    target.transaction(() => {
      target.prepare(`INSERT OR IGNORE INTO sites SELECT * FROM src.sites WHERE id IN (SELECT DISTINCT site_id FROM src.probes)`).run();
      return target.prepare(`INSERT OR IGNORE INTO probes (site_id, url, at, ok, status, error_code, ms, fingerprint, newest, certificate, control_failed)
        SELECT site_id, url, at, ok, status, error_code, ms, fingerprint, newest, certificate, control_failed FROM src.probes`).run().changes;
    })());
}

/** A source database checked for its schema version: its latest run, if any, and how many probes it holds. */
function openSource(file: string): { run: SourceRun | undefined; probes: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new InputError(file, `cannot open: ${(e as Error).message}`);
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new InputError(file, `schema version ${version}, this govsite writes ${SCHEMA_VERSION}: merge databases of one govsite version`);
    const run = db.prepare(`SELECT * FROM runs ORDER BY id DESC LIMIT 1`).get() as Omit<SourceRun, 'file'> | undefined;
    const { n: probes } = db.prepare(`SELECT count(*) AS n FROM probes`).get() as { n: number };
    return { run: run && { ...run, file }, probes };
  } catch (e) {
    throw databaseTrouble(file, e, false) ?? e;
  } finally {
    db.close();
  }
}

export const describeMerge = (files: readonly string[], r: MergeResult) =>
  `merged ${files.map((f) => basename(f)).join(', ')}: ${r.runId === null ? 'no run' : `${r.sites} sites into run ${r.runId}`}${r.skipped ? `, ${r.skipped} already there (skipped)` : ''}${r.probes ? `, ${r.probes} probes` : ''}\n` +
  (r.unfinished.length ? `the crawl of ${r.unfinished.join(', ')} did not finish: run ${r.runId} is not reported on: resume ${r.unfinished.length > 1 ? 'them' : 'it'} (--resume), then merge the shards again into a new file\n` : '');
