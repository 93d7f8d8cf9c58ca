import { NO_LINKS } from '../extract/links.js';
import { statement, type Db } from './db.js';

/**
 * Each page's links, stored as one row (\`link_sets\`): the JSON of linkSet(), written as the
 * analysis made it. The \`page_links\` view lists them a row each.
 */
export class Links {
  private readonly insert;
  private readonly select;
  constructor(db: Db) {
    this.insert = statement(db, `INSERT INTO link_sets (fetch_id, links) VALUES (?, ?)`);
    this.select = statement(db, `SELECT links FROM link_sets WHERE fetch_id = ?`);
  }

  record(fetchId: number, links: string): void {
    if (links !== NO_LINKS) this.insert.run(fetchId, links);
  }

  /** A stored fetch's link set (a copy's is the fetch it copies). */
  of(fetchId: number): string {
    return (this.select.get(fetchId) as { links: string } | undefined)?.links ?? NO_LINKS;
  }
}
