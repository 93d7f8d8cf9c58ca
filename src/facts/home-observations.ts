import { createHash } from 'node:crypto';
import { addDays } from '../extract/dates.js';
import type { ListItem } from '../extract/list-items.js';
import { statement, type Db } from '../store/db.js';

/**
 * What a home page listed, as a short hash of its items' titles and links (dates left out: a re-dated
 * list is not new content); null when it lists nothing (navigation only: nothing to compare).
 */
export function homeFingerprint(items: readonly Pick<ListItem, 'title' | 'href'>[]): string | null {
  if (items.length === 0) return null;
  return createHash('sha1').update(items.map((i) => `${i.title}\t${i.href}`).sort().join('\n')).digest('hex').slice(0, 16);
}

/** One look at a home page: a run (dated by its as-of date) or a probe (by the day it ran). */
export interface HomeObservation {
  date: string;
  fingerprint: string;
  source: 'run' | 'probe';
}

/** how far back a home page is compared with itself; older runs are never read again (see prune.ts) */
export const HOME_WINDOW_DAYS = 60;

/**
 * The site's home page as runs and probes saw it in the 60 days up to the as-of date, oldest first.
 * The run being scored gives its own home page's facts, already read; of other runs SQLite hands
 * over the lists alone (a home page's facts are the largest of a site).
 */
export function homeObservations(db: Db, site: { id: string; url: string }, asOf: string, scored: { runId: number; home: { lists: { items: ListItem[] }[] } | null }): HomeObservation[] {
  const from = addDays(asOf, -HOME_WINDOW_DAYS);
  const observed = (date: string, lists: { items: ListItem[] }[]): HomeObservation[] => {
    const fingerprint = homeFingerprint(lists.flatMap((l) => l.items));
    return fingerprint ? [{ date, source: 'run', fingerprint }] : [];
  };
  const others = (statement(db, `SELECT r.as_of AS date, json_extract(p.facts, '$.lists') AS lists FROM run_page_facts p JOIN runs r ON r.id = p.run_id
    WHERE p.site_id = ? AND p.url = ? AND r.as_of >= ? AND r.as_of <= ? AND r.id <> ?`).all(site.id, site.url, from, asOf, scored.runId) as { date: string; lists: string }[])
    .flatMap((r) => observed(r.date, JSON.parse(r.lists) as { items: ListItem[] }[]));
  const runs = scored.home ? [...others, ...observed(asOf, scored.home.lists)] : others;
  const probes = (statement(db, `SELECT substr(at, 1, 10) AS date, fingerprint FROM probes WHERE site_id = ? AND ok = 1 AND fingerprint IS NOT NULL AND at >= ? AND substr(at, 1, 10) <= ?`)
    .all(site.id, from, asOf) as { date: string; fingerprint: string }[]).map((p): HomeObservation => ({ ...p, source: 'probe' }));
  return [...runs, ...probes].sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Since when the home page has listed what it lists now, as far as observed: the first date of the
 * unbroken series of observations with the latest fingerprint (null without observations).
 */
export function unchangedSince(observations: readonly HomeObservation[]): string | null {
  const last = observations[observations.length - 1];
  if (!last) return null;
  let since = last.date;
  for (let i = observations.length - 1; i >= 0 && observations[i]!.fingerprint === last.fingerprint; i--) since = observations[i]!.date;
  return since;
}
