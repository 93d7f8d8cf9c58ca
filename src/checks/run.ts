import type { Check, CheckFacts, CheckResult } from './types.js';

/** Runs one check on the facts it declares; a throw becomes an error result, never a silent pass. */
export function runCheck(check: Check, facts: CheckFacts, asOf: string, options: Record<string, unknown> = {}): CheckResult {
  const declared = Object.fromEntries(check.meta.requires.map((k) => [k, facts[k]]));
  try {
    return check.run(declared, { asOf, options: { ...check.defaultOptions, ...options } });
  } catch (e) {
    return { kind: 'error', message: (e as Error).message };
  }
}
