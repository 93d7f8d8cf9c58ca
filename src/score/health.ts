import { daysBetween, type LocalDate } from '../extract/dates.js';
import type { CheckFacts } from '../checks/types.js';

export type Health = 'active' | 'sleeping' | 'zombie' | 'down';

/**
 * Beyond the rules (SPEC §3.3): down when the home page cannot be had, says the site has closed, or
 * leads into another registered site (merged: its home page is none of its own); zombie when the
 * newest dated item anywhere is over a year old, or the home page is a shell whose links are mostly
 * dead; sleeping when nothing is new in 14 days; else active.
 */
export function healthOf(facts: Pick<CheckFacts, 'home' | 'pageItems' | 'articles' | 'brokenLinks' | 'probes'>, homeLinks: number, asOf: LocalDate): Health {
  // a home page that says the site has closed or moved: no longer in service
  if (!facts.home || facts.home.closedNotice) return 'down';
  const failed = facts.probes.filter((p) => !p.ok).length;
  if (facts.probes.length > 0 && failed / facts.probes.length >= 0.5) return 'down';
  // the newest date on or before the as-of date, compared as YYYY-MM-DD text
  let newest: string | undefined;
  const consider = (d: string | null) => { if (d !== null && d <= asOf && (newest === undefined || d > newest)) newest = d; };
  for (const { items } of facts.pageItems) for (const i of items) consider(i.date);
  for (const a of facts.articles) consider(a.publishDate);
  const deadOnHome = new Set(facts.brokenLinks.filter((b) => b.onHomepage).map((b) => b.target)).size;
  if (newest === undefined || daysBetween(newest, asOf) > 365 || (homeLinks > 0 && deadOnHome / homeLinks > 0.5)) return 'zombie';
  return daysBetween(newest, asOf) > 14 ? 'sleeping' : 'active';
}
