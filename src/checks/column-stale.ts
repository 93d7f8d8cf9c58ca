import { daysBetween } from '../extract/dates.js';
import { columnsNotRead } from './columns-read.js';
import { defineCheck, findings } from './types.js';

/**
 * Deduction 发布解读: a column whose newest item is older than its window (news 14 d, notice and
 * policy 6 months, personnel and plans 1 year; a registry override wins). Undated counts as not
 * updated. Empty columns belong to column-empty: an empty column is not also stale.
 */
export const columnStale = defineCheck({
  meta: { id: 'column-stale', title: { zh: '栏目更新不及时', en: 'Column not updated in time' },
    indicator: { zh: '发布解读 · 栏目更新', en: 'Publishing · column updates' }, requires: ['columns', 'home'] },
  defaultOptions: { windows: { news: 14, notice: 183, policy: 183, 'personnel-plan': 365 } as Record<string, number> },
  run({ columns }, { asOf, options }) {
    const unread = columnsNotRead({ columns });
    if (unread) return unread;
    return findings(columns.filter((c) => c.seen && !c.empty).flatMap((c) => {
      const limitDays = c.overrideDays ?? options.windows[c.category];
      if (limitDays === undefined) return [];
      if (c.lastUpdate !== null && daysBetween(c.lastUpdate, asOf) <= limitDays) return [];
      return [{ rule: 'column-stale', url: c.url, class: c.category, column: c.name, category: c.category, lastUpdate: c.lastUpdate, limitDays }];
    }));
  },
});
