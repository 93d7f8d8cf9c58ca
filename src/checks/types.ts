import type { LocalDate } from '../extract/dates.js';
import type { HomeObservation } from '../facts/home-observations.js';
import type { SiteFacts } from '../facts/site-facts.js';
import type { BrokenLink } from '../store/link-status.js';

/** Everything a check may declare it reads. */
export interface CheckFacts extends SiteFacts {
  brokenLinks: BrokenLink[];
  /** the site's registry entry */
  portal: boolean;
  level: string | null;
  /** availability probes of the monitoring week before the as-of date (see probesOf; none until `govsite probe` has run) */
  probes: { at: string; ok: boolean }[];
  /** the home page's list as runs and probes saw it in the last 60 days, oldest first */
  homeObservations: HomeObservation[];
  /** the day (China time) the run finished reading the site: none of its pages can show a later date (null: not recorded) */
  readOn: LocalDate | null;
}
export type FactKey = keyof CheckFacts;

/** A problem, with the evidence an inspector needs to verify it (SPEC §5 fields). */
export interface Finding {
  /** a SPEC §5 finding id: the check's rule id, or a finer one that feeds it (mailbox-image-only) */
  rule: string;
  url: string;
  /** which point rate of the profile applies (homepage / other, news / notice …) */
  class?: string;
  [evidence: string]: unknown;
}

export type CheckResult =
  | { kind: 'findings'; findings: Finding[] }
  | { kind: 'not-applicable'; reason: string }
  | { kind: 'not-assessed'; reason: string }
  | { kind: 'error'; message: string };

/**
 * Nothing of a site is read when its home page is not (down, walled, merged into another site): no
 * rule that reads its pages (every rule that requires `home`) can judge it — a pass would say its
 * problems were fixed. runCheck answers for them; a merged site is assessed where it leads, if at all.
 */
export function homeNotRead(mergedInto: CheckFacts['mergedInto']): CheckResult & { kind: 'not-assessed' } {
  if (!mergedInto) return { kind: 'not-assessed', reason: 'the home page was not fetched' };
  return { kind: 'not-assessed', reason: `the home page leads into ${mergedInto.id ? `registered site ${mergedInto.id}` : 'its parent domain\'s site'} (${mergedInto.landing}): merged into it` };
}

export interface CheckMeta {
  id: string;
  title: { zh: string; en: string };
  indicator: { zh: string; en: string };
  /** the facts it reads; `home` among them: it reads the site's pages, and is not assessed when the home page was not read (see homeNotRead) */
  requires: readonly FactKey[];
  /** finer SPEC §5 finding ids this check reports instead of its own id, with their titles */
  findings?: Record<string, { zh: string; en: string }>;
}

export interface CheckContext {
  asOf: LocalDate;
  options: Record<string, unknown>;
}

export interface Check {
  meta: CheckMeta;
  defaultOptions: Record<string, unknown>;
  run(facts: Partial<CheckFacts>, context: CheckContext): Exclude<CheckResult, { kind: 'error' }>;
}

/** The facts a check reads: `home`, when it declares it, was read (runCheck answers for a site whose home page was not, see homeNotRead). */
type DeclaredFacts = Omit<CheckFacts, 'home'> & { home: NonNullable<CheckFacts['home']> };

export function defineCheck<F extends FactKey, O extends Record<string, unknown>>(check: {
  meta: CheckMeta & { requires: readonly F[] };
  defaultOptions: O;
  run(facts: Pick<DeclaredFacts, F>, context: { asOf: LocalDate; options: O }): Exclude<CheckResult, { kind: 'error' }>;
}): Check {
  return check as unknown as Check;
}

export const findings = (list: Finding[]): CheckResult & { kind: 'findings' } => ({ kind: 'findings', findings: list });
