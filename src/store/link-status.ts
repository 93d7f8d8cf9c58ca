import type { Db } from './db.js';

export interface BrokenLink {
  fromUrl: string;
  target: string;
  tag: string;
  text: string;
  onHomepage: boolean;
  /** HTTP status, or the failure code (ECONNREFUSED, ETIMEDOUT, …) */
  status: string;
  soft404: boolean;
}

/** The last word of the run on each URL it fetched as a page or a check (a re-check overrides the first try). */
const LAST_VERDICT = `SELECT url, verdict, status, error_code, soft404 FROM (
  SELECT url, verdict, status, error_code, soft404, row_number() OVER (PARTITION BY url ORDER BY id DESC) AS rn
  FROM fetches WHERE run_id = @runId AND purpose IN ('page', 'check')) WHERE rn = 1`;

/** Every link of a site whose target the run found broken, with the status that proves it. */
export function brokenLinks(db: Db, runId: number, siteId: string): BrokenLink[] {
  const rows = db.prepare(`WITH v AS (${LAST_VERDICT})
    SELECT DISTINCT l.from_url AS fromUrl, l.target, l.tag, l.text, l.on_homepage AS onHomepage, coalesce(v.error_code, CAST(v.status AS TEXT)) AS status, v.soft404
    FROM page_links l JOIN v ON v.url = l.target
    WHERE l.run_id = @runId AND l.site_id = @siteId AND v.verdict = 'broken'
    ORDER BY l.from_url, l.target`).all({ runId, siteId }) as (Omit<BrokenLink, 'onHomepage' | 'soft404'> & { onHomepage: number; soft404: number })[];
  return rows.map((r) => ({ ...r, onHomepage: r.onHomepage === 1, soft404: r.soft404 === 1 }));
}

export interface SiteCrawlStats {
  siteId: string;
  pages: number;
  links: number;
  brokenLinks: number;
  homepageBrokenLinks: number;
  skipped: number;
  bytes: number;
  homepageStatus: string | null;
}

/** Per-site counts of a run, read from the store. */
export function crawlStats(db: Db, runId: number): SiteCrawlStats[] {
  return db.prepare(`WITH v AS (${LAST_VERDICT}),
    broken AS (SELECT DISTINCT l.site_id, l.target, l.on_homepage FROM page_links l JOIN v ON v.url = l.target WHERE l.run_id = @runId AND v.verdict = 'broken')
    SELECT rs.site_id AS siteId,
      (SELECT count(DISTINCT url) FROM fetches f WHERE f.run_id = @runId AND f.site_id = rs.site_id AND f.purpose = 'page') AS pages,
      (SELECT count(*) FROM page_links l WHERE l.run_id = @runId AND l.site_id = rs.site_id) AS links,
      (SELECT count(DISTINCT target) FROM broken b WHERE b.site_id = rs.site_id) AS brokenLinks,
      (SELECT count(DISTINCT target) FROM broken b WHERE b.site_id = rs.site_id AND b.on_homepage = 1) AS homepageBrokenLinks,
      (SELECT count(*) FROM frontier q WHERE q.run_id = @runId AND q.site_id = rs.site_id AND q.state = 'skipped') AS skipped,
      (SELECT coalesce(sum(bytes), 0) FROM fetches f WHERE f.run_id = @runId AND f.site_id = rs.site_id) AS bytes,
      (SELECT coalesce(f.error_code, CAST(f.status AS TEXT)) FROM fetches f JOIN sites s ON s.id = rs.site_id
        WHERE f.run_id = @runId AND f.site_id = rs.site_id AND f.purpose = 'page' AND f.depth = 0 ORDER BY f.id LIMIT 1) AS homepageStatus
    FROM run_sites rs WHERE rs.run_id = @runId ORDER BY rs.rowid`).all({ runId }) as SiteCrawlStats[];
}

/** The run's last verdict on every URL it fetched as a page or a check. */
export function lastVerdicts(db: Db, runId: number): Map<string, 'ok' | 'broken' | 'inconclusive'> {
  const rows = db.prepare(LAST_VERDICT).all({ runId }) as { url: string; verdict: 'ok' | 'broken' | 'inconclusive' }[];
  return new Map(rows.map((r) => [r.url, r.verdict]));
}
