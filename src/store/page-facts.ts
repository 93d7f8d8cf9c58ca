import { EXTRACTOR_VERSION, type PageFacts } from '../extract/page.js';
import { statement, type Db } from './db.js';

/** What the extractors saw on each stored page, as JSON, keyed by its fetch. */
export class PageFactsTable {
  private readonly insert;
  constructor(db: Db) {
    this.insert = statement(db, `INSERT OR REPLACE INTO page_facts (fetch_id, run_id, site_id, url, facts, extractor) VALUES (?, ?, ?, ?, ?, ${EXTRACTOR_VERSION})`);
  }

  /** Facts read by this version of the extractors. */
  record(fetchId: number, runId: number, siteId: string, url: string, factsJson: string): void {
    this.insert.run(fetchId, runId, siteId, url, factsJson);
  }
}

/** The stored facts of a site's pages in a run, by the URL each was asked for. */
export function pageFactsOf(db: Db, runId: number, siteId: string): Map<string, PageFacts> {
  const rows = statement(db, `SELECT url, facts FROM run_page_facts WHERE run_id = ? AND site_id = ? ORDER BY fetch_id`).all(runId, siteId) as { url: string; facts: string }[];
  return new Map(rows.map((r) => [r.url, JSON.parse(r.facts) as PageFacts]));
}
