import { columnsNotRead } from './columns-read.js';
import { defineCheck, findings } from './types.js';

/** Deduction 发布解读: a column that exists but shows nothing (开天窗: 暂无信息, 正在建设中, no item). */
export const columnEmpty = defineCheck({
  meta: { id: 'column-empty', title: { zh: '空白栏目', en: 'Empty column' }, indicator: { zh: '发布解读 · 空白栏目', en: 'Publishing · empty columns' }, requires: ['columns', 'home'] },
  defaultOptions: {},
  run({ columns }) {
    const unread = columnsNotRead({ columns });
    if (unread) return unread;
    return findings(columns.filter((c) => c.empty).map((c) => ({ rule: 'column-empty', url: c.url, column: c.name })));
  },
});
