import { daysBetween } from '../extract/dates.js';
import { findings, type CheckFacts, type CheckResult } from './types.js';

/**
 * Survey and interview columns: how many items their lists show in the last year; none → class
 * none (5), few → class few (3). Columns of the kind that were found but whose lists were not read
 * (not crawled, or filled by script) leave the rule not assessed: "none" would be a guess.
 */
export function activityFindings(rule: string, category: 'survey' | 'interview', facts: Pick<CheckFacts, 'columns' | 'homeUrl'>, asOf: string,
  options: { days: number; fewerThan: number }): Exclude<CheckResult, { kind: 'error' }> {
  const columns = facts.columns.filter((c) => c.category === category);
  const read = columns.filter((c) => c.seen);
  if (columns.length > 0 && read.length === 0) return { kind: 'not-assessed', reason: `the lists of ${columns.map((c) => c.name).join(', ')} were not read (not crawled, or filled by script)` };
  const recent = new Set(read.flatMap((c) => c.datedItems).filter((i) => i.date <= asOf && daysBetween(i.date, asOf) <= options.days).map((i) => i.href)).size;
  const url = columns[0]?.url ?? facts.homeUrl;
  if (recent === 0) return findings([{ rule, url, class: 'none', count: 0 }]);
  return findings(recent < options.fewerThan ? [{ rule, url, class: 'few', count: recent }] : []);
}
