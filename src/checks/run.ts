import { homeNotRead, type Check, type CheckFacts, type CheckResult } from './types.js';

/** Runs one check on the facts it declares; a throw becomes an error result, never a silent pass. */
export function runCheck(check: Check, facts: CheckFacts, asOf: string, options: Record<string, unknown> = {}): CheckResult {
  if (!facts.home && check.meta.requires.includes('home')) return homeNotRead(facts.mergedInto);
  const declared = Object.fromEntries(check.meta.requires.map((k) => [k, facts[k]]));
  try {
    return check.run(declared, { asOf, options: { ...check.defaultOptions, ...options } });
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
}
