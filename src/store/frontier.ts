import { ROLE_PRIORITY, type PageRole } from '../crawl/priorities.js';
import type { Db } from './db.js';

export type FrontierKind = 'page' | 'check';
/** `merged`: left when its site turned out merged into another registered site (see RegisteredSites) */
export type SkipReason = 'robots' | 'scheme' | 'non-html' | 'merged';

export interface FrontierEntry {
  id: number;
  siteId: string;
  url: string;
  kind: FrontierKind;
  external: boolean;
  depth: number;
  referrer: string | null;
  role: PageRole;
}

/** An entry to add: the database gives it its id. */
export type NewFrontierEntry = Omit<FrontierEntry, 'id'>;

const COLUMNS = 'id, site_id, url, kind, external, depth, referrer, role';
/** frontier entries taken at once: a whole BFS level of a typical site, so levels have few barriers */
const WAVE_SIZE = 1000;
type Row = { id: number; site_id: string; url: string; kind: FrontierKind; external: number; depth: number; referrer: string | null; role: PageRole };
const toEntry = (r: Row): FrontierEntry => ({ id: r.id, siteId: r.site_id, url: r.url, kind: r.kind, external: r.external === 1, depth: r.depth, referrer: r.referrer, role: r.role });

/** Typed statements over the frontier table, prepared once per database. */
export class Frontier {
  private readonly insert;
  private readonly queued;
  private readonly done;
  private readonly skip;
  private readonly skipSite;
  private readonly pages;
  private readonly recheck;

  constructor(db: Db, private readonly runId: number) {
    // the UNIQUE (run_id, site_id, url) constraint is the site's seen-set; a URL still queued is
    // promoted when a link gives it a role that matters more (a column list found on a later page)
    this.insert = db.prepare(`INSERT INTO frontier (run_id, site_id, url, kind, external, depth, referrer, role, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (run_id, site_id, url) DO UPDATE SET role = excluded.role, priority = excluded.priority, kind = excluded.kind
      WHERE frontier.state = 'queued' AND excluded.priority < frontier.priority`);
    // only the most urgent (priority, depth): the rest of the queue is not read for every wave. The
    // limit is written into the SQL: bound as a parameter it made each wave's query 3× slower
    this.queued = db.prepare(`SELECT ${COLUMNS} FROM frontier
      WHERE run_id = @run AND site_id = @site AND state = 'queued' AND (priority, depth) = (SELECT priority, depth FROM frontier
        WHERE run_id = @run AND site_id = @site AND state = 'queued' ORDER BY priority, depth LIMIT 1)
      ORDER BY id LIMIT ${WAVE_SIZE}`);
    this.done = db.prepare(`UPDATE frontier SET state = 'done' WHERE id = ?`);
    this.skip = db.prepare(`UPDATE frontier SET state = 'skipped', skip_reason = ? WHERE id = ?`);
    this.skipSite = db.prepare(`UPDATE frontier SET state = 'skipped', skip_reason = ? WHERE run_id = ? AND site_id = ? AND state = 'queued'`);
    this.pages = db.prepare(`SELECT count(*) AS n FROM frontier WHERE run_id = ? AND site_id = ? AND kind = 'page'`);
    // checks whose only verdict so far is inconclusive: they get exactly one more try
    this.recheck = db.prepare(`SELECT f.id, f.site_id, f.url, f.kind, f.external, f.depth, f.referrer, f.role FROM frontier f
      WHERE f.run_id = ? AND f.site_id = ? AND f.state = 'done'
        AND (SELECT x.verdict FROM fetches x WHERE x.run_id = f.run_id AND x.url = f.url AND x.purpose IN ('page', 'check') ORDER BY x.id DESC LIMIT 1) = 'inconclusive'
        AND (SELECT max(x.attempt) FROM fetches x WHERE x.run_id = f.run_id AND x.url = f.url AND x.purpose IN ('page', 'check')) = 1
      ORDER BY f.id`);
  }

  /** Adds entries not yet seen in this run (or promotes queued ones); returns how many rows changed. */
  add(entries: readonly NewFrontierEntry[]): number {
    let added = 0;
    for (const e of entries) added += this.insert.run(this.runId, e.siteId, e.url, e.kind, e.external ? 1 : 0, e.depth, e.referrer, e.role, ROLE_PRIORITY[e.role]).changes;
    return added;
  }

  /** The next wave: queued entries of the most urgent priority, then the lowest depth. */
  nextWave(siteId: string): FrontierEntry[] {
    return (this.queued.all({ run: this.runId, site: siteId }) as Row[]).map(toEntry);
  }

  markDone(id: number): void {
    this.done.run(id);
  }

  markSkipped(id: number, reason: SkipReason): void {
    this.skip.run(reason, id);
  }

  /** Everything of the site still queued. */
  skipQueued(siteId: string, reason: SkipReason): void {
    this.skipSite.run(reason, this.runId, siteId);
  }

  pageCount(siteId: string): number {
    return (this.pages.get(this.runId, siteId) as { n: number }).n;
  }

  toRecheck(siteId: string): FrontierEntry[] {
    return (this.recheck.all(this.runId, siteId) as Row[]).map(toEntry);
  }
}
