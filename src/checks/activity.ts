import { daysBetween } from '../extract/dates.js';
import type { ColumnFacts } from '../facts/site-facts.js';
import { findings, type CheckFacts } from './types.js';

/** Survey and interview columns: how many items the last year shows; none → class none (5), few → class few (3). */
export function activityFindings(rule: string, category: 'survey' | 'interview', facts: Pick<CheckFacts, 'columns' | 'listItems' | 'homeUrl'>, asOf: string, options: { days: number; fewerThan: number }) {
  const columns: ColumnFacts[] = facts.columns.filter((c) => c.category === category);
  const pages = new Set(columns.map((c) => c.url));
  const recent = new Set(facts.listItems.filter((i) => pages.has(i.page) && i.date && i.date <= asOf && daysBetween(i.date, asOf) <= options.days).map((i) => i.href)).size;
  const url = columns[0]?.url ?? facts.homeUrl;
  if (recent === 0) return findings([{ rule, url, class: 'none', count: 0 }]);
  return findings(recent < options.fewerThan ? [{ rule, url, class: 'few', count: recent }] : []);
}
