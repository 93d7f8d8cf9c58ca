import { regionOf } from '../registry/region.js';
import type { RegistryRow } from '../registry/types.js';
import type { Db } from './db.js';

export interface StoredSite {
  id: string;
  url: string;
  name: string | null;
  level: string | null;
  mailboxes: string[];
  portal: boolean;
  columns: Record<string, string | number>;
}

/** Inserts or updates the registry's sites (a later import of the same id refreshes it). */
export function upsertSites(db: Db, rows: readonly RegistryRow[]): void {
  const stmt = db.prepare(`INSERT INTO sites (id, url, name, level, org, mailboxes, portal, columns, extra, source)
    VALUES (@id, @url, @name, @level, @org, @mailboxes, @portal, @columns, @extra, @source)
    ON CONFLICT (id) DO UPDATE SET url = excluded.url, name = excluded.name, level = excluded.level, org = excluded.org,
      mailboxes = excluded.mailboxes, portal = excluded.portal, columns = excluded.columns, extra = excluded.extra, source = excluded.source`);
  db.transaction(() => {
    for (const r of rows) {
      stmt.run({ ...r, mailboxes: JSON.stringify(r.mailboxes), portal: r.portal ? 1 : 0, columns: JSON.stringify(r.columns), extra: JSON.stringify(r.extra) });
    }
  })();
}

type SiteRecord = { id: string; url: string; name: string | null; level: string | null; mailboxes: string; portal: number; columns: string };

function toSite(r: SiteRecord): StoredSite {
  return { ...r, mailboxes: JSON.parse(r.mailboxes) as string[], portal: r.portal === 1, columns: JSON.parse(r.columns) as StoredSite['columns'] };
}

export function sitesOfRun(db: Db, runId: number): StoredSite[] {
  // as the registry gave them when the run began (see run_site_entries)
  const rows = db.prepare(`SELECT site_id AS id, url, name, level, mailboxes, portal, columns FROM run_site_entries WHERE run_id = ? ORDER BY seq`).all(runId) as SiteRecord[];
  return rows.map(toSite);
}

/**
 * Every site the database knows: the registry's just imported, every shard's, and those of earlier
 * imports (the whole registry, when this run audits a sample of it).
 */
export function knownSites(db: Db): StoredSite[] {
  return (db.prepare(`SELECT id, url, name, level, mailboxes, portal, columns FROM sites`).all() as SiteRecord[]).map(toSite);
}

/** Each known site's region (see regionOf), from the row its last import stored. */
export function siteRegions(db: Db): Map<string, string | null> {
  const rows = db.prepare(`SELECT id, org, extra FROM sites`).all() as { id: string; org: string | null; extra: string }[];
  return new Map(rows.map((r) => [r.id, regionOf({ id: r.id, org: r.org, extra: JSON.parse(r.extra) as Record<string, unknown> })]));
}
