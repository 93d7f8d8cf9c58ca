import { DAY_MS } from '../extract/dates.js';
import type { CheckFacts, CheckResult } from './types.js';

/** The rule's monitoring: home page probes on each of 7 days, this many a day. */
export const PROBES_A_DAY = 20;

/** A day of the monitoring week: the 24 hours up to `end` (ISO time, exclusive of its start), and how many probes it had. */
export interface ProbeDay {
  end: string;
  probes: number;
}

/**
 * The 7 days of 24 hours that end with the latest probe (the week `probesOf` takes), oldest first,
 * each with its number of probes. None without probes.
 */
export function probesByDay(probes: readonly { at: string }[]): ProbeDay[] {
  if (probes.length === 0) return [];
  const last = probes.reduce((latest, p) => Math.max(latest, Date.parse(p.at)), -Infinity);
  const counts = Array<number>(7).fill(0);
  for (const p of probes) {
    const back = Math.floor((last - Date.parse(p.at)) / DAY_MS);
    if (back < 7) counts[back]!++;
  }
  return counts.map((n, back) => ({ end: new Date(last - back * DAY_MS).toISOString(), probes: n })).reverse();
}

/**
 * Why the availability rules cannot judge a site's probes: some of the 7 days had fewer than
 * `perDay`. 140 probes in one afternoon are not a week's availability. Null when every day had enough.
 */
export function probesShort(probes: CheckFacts['probes'], perDay: number): (CheckResult & { kind: 'not-assessed' }) | null {
  if (probes.length === 0) return { kind: 'not-assessed', reason: 'no home page probes in the week before the as-of date (govsite probe)' };
  const short = probesByDay(probes).filter((d) => d.probes < perDay);
  if (short.length === 0) return null;
  return { kind: 'not-assessed', reason: `${probes.length} home page probes in the week, fewer than ${perDay} in ${short.length} of its 7 days (${short.map((d) => `to ${d.end.slice(0, 16)}Z: ${d.probes}`).join(', ')}); the rule needs ≥ ${perDay} a day (govsite probe)` };
}
