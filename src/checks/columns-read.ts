import type { CheckFacts, CheckResult } from './types.js';

/**
 * Why the column rules cannot judge a site none of whose column lists was read (its home page read:
 * see homeNotRead): no column was found in its navigation, or no column's list was crawled and read (not
 * crawled, or filled by script). A site with no column read has not passed them. Null when they can judge.
 */
export function columnsNotRead({ columns }: Pick<CheckFacts, 'columns'>): (CheckResult & { kind: 'not-assessed' }) | null {
  if (columns.some((c) => c.seen)) return null;
  const reason = columns.length === 0 ? "no column was found in the home page's navigation"
    : "no column's list was read (not crawled, or filled by script)";
  return { kind: 'not-assessed', reason };
}
