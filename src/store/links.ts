import { NO_LINKS } from '../extract/links.js';
import { statement, type Db } from './db.js';

/**
 * Each page's links, stored as one row (\`link_sets\`): the JSON of linkSet(), written as the
 * analysis made it. The \`page_links\` view lists them a row each.
 */
export class Links {
  private readonly insert;
  constructor(db: Db) {
    this.insert = statement(db, `INSERT INTO link_sets (fetch_id, links) VALUES (?, ?)`);
  }

  record(fetchId: number, links: string): void {
    if (links !== NO_LINKS) this.insert.run(fetchId, links);
  }

}

/** The link set of a run's latest fetch of a site's page (a copy's is the fetch it copies). */
export function linkSetOf(db: Db, runId: number, siteId: string, url: string): string {
  const row = statement(db, `SELECT l.links FROM fetches f JOIN link_sets l ON l.fetch_id = coalesce(f.copy_of, f.id)
    WHERE f.run_id = ? AND f.site_id = ? AND f.url = ? AND f.purpose = 'page' ORDER BY f.id DESC LIMIT 1`).get(runId, siteId, url) as { links: string } | undefined;
  return row?.links ?? NO_LINKS;
}
