import type { Db } from './db.js';

export interface LinkRecord {
  target: string;
  tag: string;
  text: string;
  scheme: string;
}

export class Links {
  private readonly insert;
  private readonly byFetch;
  constructor(db: Db) {
    this.insert = db.prepare(`INSERT INTO links (fetch_id, target, tag, text, scheme) VALUES (?, ?, ?, ?, ?)`);
    this.byFetch = db.prepare(`SELECT target, tag, text, scheme FROM links WHERE fetch_id = ?`);
  }

  /** The links stored for a fetch. */
  of(fetchId: number): LinkRecord[] {
    return this.byFetch.all(fetchId) as LinkRecord[];
  }

  /** A page's links, each distinct (target, tag, text) once. */
  record(fetchId: number, links: readonly LinkRecord[]): void {
    const seen = new Set<string>();
    for (const l of links) {
      const key = `${l.target}\n${l.tag}\n${l.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.insert.run(fetchId, l.target, l.tag, l.text, l.scheme);
    }
  }
}
