import type { LocalDate } from '../extract/dates.js';
import type { StoredLink } from '../extract/links.js';
import type { PageFacts } from '../extract/page.js';
import { statement, type Db } from '../store/db.js';
import { followList, NOTHING_TO_FOLLOW, type FollowList } from './follow-list.js';
import { linkRoles, readsColumns, type PageRole } from './priorities.js';

/** A 304's stored copy to read: the fetch that holds it, the as-of date it was read against, and this visit's. */
export interface CopyRequest {
  copyOf: number;
  storedAsOf: LocalDate;
  asOf: LocalDate;
  role: PageRole;
}

export interface CopyRead {
  /** the copy's links to follow, with the roles its stored facts give them at this visit */
  follow: FollowList;
}

/**
 * The links of an unchanged page to follow, with the roles its stored facts give them; 'stale' when
 * the stored facts do not hold for this visit (the stored text is then analysed again): a list date
 * without a year read at another as-of date, or a home page whose copy was read as another page
 * (its columns were not read); null when no facts are stored for it (none, or not yet visible to
 * this connection). Copies another version of the extractors read are never confirmed (see
 * Fetches.validatorsOf).
 */
export function readStoredCopy(db: Db, { copyOf, storedAsOf, asOf, role }: CopyRequest): CopyRead | 'stale' | null {
  const row = statement(db, `SELECT p.facts, l.links FROM page_facts p LEFT JOIN link_sets l ON l.fetch_id = p.fetch_id WHERE p.fetch_id = ?`)
    .get(copyOf) as { facts: string; links: string | null } | undefined;
  if (!row) return null;
  const facts = JSON.parse(row.facts) as PageFacts;
  if ((facts.asOfDependent && storedAsOf !== asOf) || (readsColumns(role) && facts.columns === null)) return 'stale';
  return { follow: row.links ? followList(JSON.parse(row.links) as StoredLink[], linkRoles(facts, role, asOf), role) : NOTHING_TO_FOLLOW };
}
