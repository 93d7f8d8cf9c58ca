import { statement, type Db } from './db.js';

export interface LinkRecord {
  target: string;
  tag: string;
  text: string;
  scheme: string;
}

type StoredLink = [target: string, tag: string, text: string, scheme: string];

/** Each page's links, stored as one row (`link_sets`); the `page_links` view lists them a row each. */
export class Links {
  private readonly insert;
  private readonly byFetch;
  constructor(db: Db) {
    this.insert = statement(db, `INSERT INTO link_sets (fetch_id, links) VALUES (?, ?)`);
    this.byFetch = statement(db, `SELECT links FROM link_sets WHERE fetch_id = ?`);
  }

  /** The links stored for a fetch. */
  of(fetchId: number): LinkRecord[] {
    const row = this.byFetch.get(fetchId) as { links: string } | undefined;
    return row ? (JSON.parse(row.links) as StoredLink[]).map(([target, tag, text, scheme]) => ({ target, tag, text, scheme })) : [];
  }

  /** A page's links, each distinct (target, tag, text) once. */
  record(fetchId: number, links: readonly LinkRecord[]): void {
    const seen = new Set<string>();
    const rows: StoredLink[] = [];
    for (const l of links) {
      const key = `${l.target}\n${l.tag}\n${l.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push([l.target, l.tag, l.text, l.scheme]);
    }
    if (rows.length > 0) this.insert.run(fetchId, JSON.stringify(rows));
  }
}
