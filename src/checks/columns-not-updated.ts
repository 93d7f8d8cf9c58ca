import { daysBetween } from '../extract/dates.js';
import type { ColumnFacts } from '../facts/site-facts.js';
import { columnsNotRead } from './columns-read.js';
import { defineCheck, findings } from './types.js';

/**
 * Veto: (a) news columns silent for 14 days plus first-level notice/policy columns silent for
 * 6 months, counted together, ≥ 5; (b) stale columns of any window ≥ 10; (c) empty columns ≥ 5.
 * The per-column deductions are column-stale's and column-empty's. The evidence names the columns
 * of each part that reached its line, so an inspector can open them.
 */
export const columnsNotUpdated = defineCheck({
  meta: { id: 'columns-not-updated', title: { zh: '栏目不更新', en: 'Columns not updated' },
    indicator: { zh: '单项否决 · 栏目不更新', en: 'Veto · columns not updated' }, requires: ['columns', 'home', 'homeUrl'] },
  defaultOptions: { a: 5, b: 10, c: 5, windows: { news: 14, notice: 183, policy: 183, 'personnel-plan': 365 } as Record<string, number> },
  run({ columns, homeUrl }, { asOf, options }) {
    const unread = columnsNotRead({ columns });
    if (unread) return unread;
    const silent = (days: number, d: string | null) => d === null || daysBetween(d, asOf) > days;
    // a column whose list was not read (not crawled, or filled by script) is not judged
    const live = columns.filter((c) => c.seen && !c.empty);
    const a = live.filter((c) => (c.category === 'news' && silent(14, c.lastUpdate)) || (c.firstLevel && (c.category === 'notice' || c.category === 'policy') && silent(183, c.lastUpdate)));
    const b = live.filter((c) => options.windows[c.category] !== undefined && silent(c.overrideDays ?? options.windows[c.category]!, c.lastUpdate));
    const c = columns.filter((col) => col.empty);
    const reached = [a.length >= options.a ? a : [], b.length >= options.b ? b : [], c.length >= options.c ? c : []].flat();
    if (reached.length === 0) return findings([]);
    return findings([{ rule: 'columns-not-updated', url: homeUrl, silentNewsOrNotices: a.length, stale: b.length, empty: c.length, columns: [...new Map(reached.map((col) => [col.url, evidence(col)])).values()] }]);
  },
});

/** `工作动态 2026-10-31`, `通知公告 —` (no dated item, or none at all): the column and its newest date, as its page shows them. */
const evidence = (col: ColumnFacts): string => `${col.name} ${col.lastUpdate ?? '—'}`;
