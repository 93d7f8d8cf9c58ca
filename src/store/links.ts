import type { Db } from './db.js';

export interface LinkRecord {
  fromUrl: string;
  target: string;
  tag: string;
  text: string;
  onHomepage: boolean;
  scheme: string;
}

export class Links {
  private readonly insert;
  constructor(db: Db, private readonly runId: number) {
    this.insert = db.prepare(`INSERT INTO links (run_id, site_id, from_url, target, tag, text, on_homepage, scheme) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  }

  record(siteId: string, links: readonly LinkRecord[]): void {
    for (const l of links) this.insert.run(this.runId, siteId, l.fromUrl, l.target, l.tag, l.text, l.onHomepage ? 1 : 0, l.scheme);
  }
}
