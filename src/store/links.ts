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
    if (storesLinkSet(links)) this.insert.run(fetchId, links);
  }
}

/** A page's links are stored as a set unless it has none (its fetch's link count is then null, not 0). */
export const storesLinkSet = (links: string): boolean => links !== NO_LINKS;

/** The link set a run stored for a site's page (through the view: a copy's is the fetch it copies). */
export function linkSetOf(db: Db, runId: number, siteId: string, url: string): string {
  const row = statement(db, `SELECT links FROM page_link_sets WHERE run_id = ? AND site_id = ? AND from_url = ? LIMIT 1`).get(runId, siteId, url) as { links: string } | undefined;
  return row?.links ?? NO_LINKS;
}
