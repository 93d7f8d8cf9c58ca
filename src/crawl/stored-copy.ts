import type { LocalDate } from '../extract/dates.js';
import { NO_LINKS } from '../extract/links.js';
import type { PageFacts } from '../extract/page.js';
import { statement, type Db } from '../store/db.js';
import { linkRoles, type LinkRole, type PageRole } from './priorities.js';

/** A 304's stored copy to read: the fetch that holds it, the as-of date it was read against, and this visit's. */
export interface CopyRequest {
  copyOf: number;
  storedAsOf: LocalDate;
  asOf: LocalDate;
  role: PageRole;
}

export interface CopyRead {
  /** the copy's links as stored (linkSet JSON) */
  links: string;
  roles: LinkRole[];
}

/**
 * The links of an unchanged page and the roles its stored facts give them; 'stale' when a list date
 * without a year reads differently at this as-of date (the stored text is then analysed again);
 * null when no facts are stored for it (none, or not yet visible to this connection).
 */
export function readStoredCopy(db: Db, { copyOf, storedAsOf, asOf, role }: CopyRequest): CopyRead | 'stale' | null {
  const row = statement(db, `SELECT p.facts, l.links FROM page_facts p LEFT JOIN link_sets l ON l.fetch_id = p.fetch_id WHERE p.fetch_id = ?`)
    .get(copyOf) as { facts: string; links: string | null } | undefined;
  if (!row) return null;
  const facts = JSON.parse(row.facts) as PageFacts;
  if (facts.asOfDependent && storedAsOf !== asOf) return 'stale';
  return { links: row.links ?? NO_LINKS, roles: linkRoles(facts, role, asOf) };
}
