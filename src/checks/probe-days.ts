import { addDays, type LocalDate } from '../extract/dates.js';
import type { CheckFacts, CheckResult } from './types.js';

/** The rule's monitoring: home page probes on each of the 7 days up to the as-of date, this many a day. */
export const PROBES_A_DAY = 20;

/** How many probes each of the 7 days up to the as-of date had (UTC days, as `probesOf` takes them), oldest first. */
export function probesByDay(probes: readonly { at: string }[], asOf: LocalDate): [LocalDate, number][] {
  const count = new Map(Array.from({ length: 7 }, (_, i) => [addDays(asOf, i - 6), 0]));
  for (const p of probes) {
    const day = p.at.slice(0, 10);
    const n = count.get(day);
    if (n !== undefined) count.set(day, n + 1);
  }
  return [...count];
}

/**
 * Why the availability rules cannot judge a site's probes: some of the 7 days had fewer than
 * `perDay`. 140 probes in one afternoon are not a week's availability. Null when every day had enough.
 */
export function probesShort(probes: CheckFacts['probes'], asOf: LocalDate, perDay: number): (CheckResult & { kind: 'not-assessed' }) | null {
  const short = probesByDay(probes, asOf).filter(([, n]) => n < perDay);
  if (short.length === 0) return null;
  if (probes.length === 0) return { kind: 'not-assessed', reason: `no home page probes in the 7 days up to ${asOf} (govsite probe)` };
  return { kind: 'not-assessed', reason: `${probes.length} home page probes in 7 days, fewer than ${perDay} on ${short.length} day(s) (${short.map(([d, n]) => `${d}: ${n}`).join(', ')}); the rule needs ≥ ${perDay} a day (govsite probe)` };
}
