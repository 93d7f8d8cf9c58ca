import { extractPage } from '../extract/page.js';
import { PageFactsTable } from '../store/page-facts.js';
import { storedFacts } from '../crawl/page-analysis.js';
import type { Db } from '../store/db.js';
import { Fetches } from '../store/fetches.js';

/**
 * Runs the extractors over every stored page of a run that has no facts yet and stores them. The
 * crawl extracts as it goes (on its worker threads, from the DOM it parsed for links); this catches
 * up what it could not, and is idempotent. Returns how many pages it read.
 */
export function extractRun(db: Db, runId: number, asOf: string): number {
  const fetches = new Fetches(db);
  const pages = db.prepare(`SELECT f.id, f.site_id AS siteId, f.url, coalesce(f.final_url, f.url) AS finalUrl, f.charset, f.body_hash AS bodyHash
    FROM fetches f LEFT JOIN page_facts p ON p.fetch_id = f.id
    WHERE f.run_id = ? AND f.purpose = 'page' AND f.status = 200 AND f.soft404 = 0 AND f.body_hash IS NOT NULL AND p.fetch_id IS NULL`)
    .all(runId) as { id: number; siteId: string; url: string; finalUrl: string; charset: string | null; bodyHash: string }[];
  const table = new PageFactsTable(db);
  const BATCH = 200;
  for (let i = 0; i < pages.length; i += BATCH) {
    const facts = pages.slice(i, i + BATCH).map((p) => ({ p, facts: extractPage(fetches.bodyText(p.bodyHash), p.finalUrl, asOf, p.charset) }));
    db.transaction(() => facts.forEach(({ p, facts: f }) => table.record(p.id, runId, p.siteId, p.url, storedFacts(f))))();
  }
  return pages.length;
}

