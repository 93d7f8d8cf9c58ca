import type { StoredLink } from '../extract/links.js';
import { hasVerdict } from '../crawl/scope.js';
import { statement, type Db } from './db.js';

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

export interface LinkStatus {
  verdict: 'ok' | 'broken' | 'inconclusive';
  /** HTTP status or failure code */
  status: string;
  soft404: boolean;
}

/**
 * The run's last word on every URL it fetched as a page or a check (a re-check overrides the first
 * try). Read once per run: per site it would make a report of N sites cost N scans of the run.
 */
export function lastVerdicts(db: Db, runId: number): Map<string, LinkStatus> {
  const rows = statement(db, `SELECT url, verdict, coalesce(error_code, CAST(status AS TEXT)) AS status, soft404 FROM fetches
    WHERE run_id = ? AND purpose IN ('page', 'check') ORDER BY id`).iterate(runId) as Iterable<{ url: string; verdict: LinkStatus['verdict']; status: string; soft404: number }>;
  const map = new Map<string, LinkStatus>();
  for (const r of rows) map.set(r.url, { verdict: r.verdict, status: r.status, soft404: r.soft404 === 1 });
  return map;
}

export interface SiteCrawlStats {
  siteId: string;
  pages: number;
  links: number;
  brokenLinks: number;
  homepageBrokenLinks: number;
  /** distinct http(s) targets the home page links to */
  homepageLinks: number;
  skipped: number;
  bytes: number;
  /** the HTTP status or failure code of the home page's last fetch (its re-check's, when the first was inconclusive) */
  homepageStatus: string | null;
  /** the certificate fault the home page was read despite (CERT_HAS_EXPIRED, …) */
  homepageCertificate: string | null;
  /** the site's links to targets the run found broken, each (page, target, tag, text) once, by page then target */
  broken: BrokenLink[];
}

/**
 * Per-site counts of a run, from grouped queries (one pass over each table, whatever the number of
 * sites). Link sets are counted by SQLite; only the home pages' sets and those of the sites that
 * link to a target the run found broken are read here, link by link.
 */
export function crawlStats(db: Db, runId: number, verdicts = lastVerdicts(db, runId)): SiteCrawlStats[] {
  const bySite = <T>(sql: string) => new Map((statement(db, sql).all(runId) as (T & { site_id: string })[]).map((r) => [r.site_id, r]));
  // the home page's scripts are fetched as its parts (what they write), not pages a visitor opens
  // a copy's links are counted with the fetch it copies (the link sets themselves are not read: most of a real-weight database)
  const pages = bySite<{ n: number; bytes: number; links: number | null }>(`SELECT f.site_id, count(DISTINCT CASE WHEN f.purpose = 'page' AND coalesce(f.content_type, '') NOT LIKE '%javascript%' THEN f.url END) AS n,
    coalesce(sum(f.bytes), 0) AS bytes, sum(coalesce(f.link_count, o.link_count)) AS links FROM fetches f LEFT JOIN fetches o ON o.id = f.copy_of WHERE f.run_id = ? GROUP BY f.site_id`);
  const skipped = bySite<{ n: number }>(`SELECT site_id, count(*) AS n FROM frontier WHERE run_id = ? AND state = 'skipped' GROUP BY site_id`);
  // with a lone max(), SQLite takes the other columns from the row that has it: the last fetch of the home page, the re-check's of an inconclusive one
  const home = bySite<{ status: string; certificate: string | null }>(`SELECT f.site_id, coalesce(f.error_code, CAST(f.status AS TEXT)) AS status, f.certificate, max(f.id) FROM fetches f
    JOIN run_site_entries e ON e.run_id = f.run_id AND e.site_id = f.site_id WHERE f.run_id = ? AND f.purpose = 'page' AND f.url = e.url GROUP BY f.site_id`);
  // every target a page links to that gets a verdict is in its site's frontier: the sites that link to a broken one
  const withBroken = new Set<string>();
  for (const { site_id: siteId, url } of statement(db, `SELECT site_id, url FROM frontier WHERE run_id = ?`).iterate(runId) as Iterable<{ site_id: string; url: string }>) {
    if (verdicts.get(url)?.verdict === 'broken') withBroken.add(siteId);
  }
  const links = new Map<string, { broken: Set<string>; brokenHome: Set<string>; home: Set<string>; found: Map<string, BrokenLink> }>();
  // iterated, not loaded: a national run has millions of links (a JSON array a page)
  const pagesToRead = statement(db, `SELECT site_id, from_url AS fromUrl, on_homepage, links FROM page_link_sets WHERE run_id = ? AND (on_homepage = 1 OR site_id IN (SELECT value FROM json_each(?)))`)
    .iterate(runId, JSON.stringify([...withBroken])) as Iterable<{ site_id: string; fromUrl: string; on_homepage: number; links: string }>;
  for (const page of pagesToRead) {
    let s = links.get(page.site_id);
    if (!s) links.set(page.site_id, (s = { broken: new Set(), brokenHome: new Set(), home: new Set(), found: new Map() }));
    const onHomepage = page.on_homepage === 1;
    for (const [target, tag, text, scheme] of JSON.parse(page.links) as StoredLink[]) {
      if (onHomepage && scheme === 'http') s.home.add(target);
      const v = verdicts.get(target);
      if (v?.verdict !== 'broken') continue;
      s.broken.add(target);
      if (onHomepage) s.brokenHome.add(target);
      const key = `${page.fromUrl}\n${target}\n${tag}\n${text}`;
      if (hasVerdict(scheme) && !s.found.has(key)) s.found.set(key, { fromUrl: page.fromUrl, target, tag, text, onHomepage, status: v.status, soft404: v.soft404 });
    }
  }
  const sites = statement(db, `SELECT site_id FROM run_sites WHERE run_id = ? ORDER BY rowid`).all(runId) as { site_id: string }[];
  return sites.map(({ site_id: siteId }) => ({
    siteId,
    pages: pages.get(siteId)?.n ?? 0,
    links: pages.get(siteId)?.links ?? 0,
    brokenLinks: links.get(siteId)?.broken.size ?? 0,
    homepageBrokenLinks: links.get(siteId)?.brokenHome.size ?? 0,
    homepageLinks: links.get(siteId)?.home.size ?? 0,
    skipped: skipped.get(siteId)?.n ?? 0,
    bytes: pages.get(siteId)?.bytes ?? 0,
    homepageStatus: home.get(siteId)?.status ?? null,
    homepageCertificate: home.get(siteId)?.certificate ?? null,
    broken: [...(links.get(siteId)?.found.values() ?? [])].sort(byPageThenTarget),
  }));
}

const byPageThenTarget = (a: BrokenLink, b: BrokenLink) =>
  (a.fromUrl < b.fromUrl ? -1 : a.fromUrl > b.fromUrl ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);
