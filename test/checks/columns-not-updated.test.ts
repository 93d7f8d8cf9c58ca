import { describe, it } from 'node:test';
import { expect } from 'expect';
import { columnsNotUpdated } from '../../src/checks/columns-not-updated.js';
import { runCheck } from '../../src/checks/run.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

/** `n` columns alike: 工作动态1 … at /c1/ …, fresh, first-level news unless `c` says otherwise. */
const columns = (n: number, { name = '工作动态', ...c }: Partial<ColumnFacts>, from = 1): ColumnFacts[] =>
  Array.from({ length: n }, (_, i) => columnFacts({ name: `${name}${from + i}`, url: `http://x.gov.cn/c${from + i}/`, ...c }));
const NEWS_SILENT = { lastUpdate: '2026-10-31' }; // 15 days before the as-of date
const NOTICE_SILENT = { name: '通知公告', category: 'notice' as const, lastUpdate: '2026-05-15' }; // 184 days

describe('columns-not-updated', () => {
  cases([
    ['(a) 4 news columns silent for 15 days: below the line', columns(4, NEWS_SILENT), null],
    ['(a) 5 news columns silent for 15 days', columns(5, NEWS_SILENT), { silentNewsOrNotices: 5, stale: 5, empty: 0, columns: ['工作动态1 2026-10-31', '工作动态2 2026-10-31', '工作动态3 2026-10-31', '工作动态4 2026-10-31', '工作动态5 2026-10-31'] }],
    ['(a) news updated exactly 14 days ago is not silent', columns(5, { lastUpdate: '2026-11-01' }), null],
    ['(a) an undated news column is silent', columns(5, { lastUpdate: null }), { silentNewsOrNotices: 5, stale: 5, empty: 0, columns: ['工作动态1 —', '工作动态2 —', '工作动态3 —', '工作动态4 —', '工作动态5 —'] }],
    ['(a) news and first-level notices are counted together', [...columns(3, NEWS_SILENT), ...columns(2, NOTICE_SILENT, 4)],
      { silentNewsOrNotices: 5, stale: 5, empty: 0, columns: ['工作动态1 2026-10-31', '工作动态2 2026-10-31', '工作动态3 2026-10-31', '通知公告4 2026-05-15', '通知公告5 2026-05-15'] }],
    ['(a) a second-level notice is not counted in (a)', [...columns(3, NEWS_SILENT), ...columns(2, { ...NOTICE_SILENT, firstLevel: false }, 4)], null],
    ['(a) a notice within 6 months is not silent', [...columns(4, NEWS_SILENT), ...columns(1, { ...NOTICE_SILENT, lastUpdate: '2026-05-16' }, 5)], null],
    ['(b) 9 stale columns: below the line', columns(9, { name: '人事信息', category: 'personnel-plan', lastUpdate: '2025-11-14' }), null],
    ['(b) 10 stale columns of a one-year window', columns(10, { name: '人事信息', category: 'personnel-plan', lastUpdate: '2025-11-14' }),
      { silentNewsOrNotices: 0, stale: 10, empty: 0, columns: Array.from({ length: 10 }, (_, i) => `人事信息${i + 1} 2025-11-14`) }],
    ['(b) a registry window overrides the category', columns(10, { name: '人事信息', category: 'personnel-plan', lastUpdate: '2025-11-14', overrideDays: 400 }), null],
    ['(b) columns with no window (static, other) are never stale', columns(12, { name: '机构职能', category: 'static', lastUpdate: null }), null],
    ['(c) 4 empty columns: below the line', columns(4, { empty: true, items: 0, lastUpdate: null }), null],
    ['(c) 5 empty columns, not also silent or stale', columns(5, { empty: true, items: 0, lastUpdate: null }), { silentNewsOrNotices: 0, stale: 0, empty: 5, columns: ['工作动态1 —', '工作动态2 —', '工作动态3 —', '工作动态4 —', '工作动态5 —'] }],
    ['columns whose lists were not crawled are not judged', [...columns(12, { seen: false, lastUpdate: null }), ...columns(1, {}, 13)], null],
    ['columns filled by script are not judged', [...columns(12, { seen: false, scripted: true, items: 0, lastUpdate: null }), ...columns(1, {}, 13)], null],
  ])('%s', (_name, cols: ColumnFacts[], expected: object | null) => {
    const result = runCheck(columnsNotUpdated, factsFor({ columns: cols }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: expected ? [{ rule: 'columns-not-updated', url: 'http://x.gov.cn/', ...expected }] : [] });
  });

  it('names only the columns of the parts that reached their line', () => {
    const result = runCheck(columnsNotUpdated, factsFor({ columns: [...columns(5, { empty: true, items: 0, lastUpdate: null }), ...columns(2, NEWS_SILENT, 6)] }), '2026-11-15');
    expect(result).toMatchObject({ findings: [{ silentNewsOrNotices: 2, stale: 2, empty: 5, columns: ['工作动态1 —', '工作动态2 —', '工作动态3 —', '工作动态4 —', '工作动态5 —'] }] });
  });

  it('takes its lines from the profile options', () => {
    const result = runCheck(columnsNotUpdated, factsFor({ columns: columns(3, NEWS_SILENT) }), '2026-11-15', { a: 3 });
    expect(result).toMatchObject({ findings: [{ silentNewsOrNotices: 3 }] });
  });
});
