import { describe, it } from 'node:test';
import { expect } from 'expect';
import { columnStale } from '../../src/checks/column-stale.js';
import { runCheck } from '../../src/checks/run.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

const column = columnFacts;

describe('column-stale', () => {
  cases([
    ['news updated exactly 14 days ago is fresh', column({ lastUpdate: '2026-11-01' }), []],
    ['news updated 15 days ago is stale', column({ lastUpdate: '2026-10-31' }), [{ column: '工作动态', category: 'news', lastUpdate: '2026-10-31', limitDays: 14 }]],
    ['an undated column counts as not updated', column({ lastUpdate: null }), [{ column: '工作动态', category: 'news', lastUpdate: null, limitDays: 14 }]],
    ['a notice within 6 months is fresh', column({ name: '通知公告', category: 'notice', lastUpdate: '2026-05-16' }), []],
    ['a notice older than 6 months is stale', column({ name: '通知公告', category: 'notice', lastUpdate: '2026-05-15' }), [{ column: '通知公告', category: 'notice', lastUpdate: '2026-05-15', limitDays: 183 }]],
    ['a registry override in days wins', column({ overrideDays: 30, lastUpdate: '2026-10-31' }), []],
    ['an empty column is not also stale (counted once, by column-empty)', column({ empty: true, items: 0, lastUpdate: null }), []],
    ['a column whose list was not crawled is not judged', column({ seen: false, lastUpdate: null }), []],
    ['a static column has no window', column({ name: '机构职能', category: 'static', lastUpdate: null }), []],
  ])('%s', (_name, c: ColumnFacts, expected: object[]) => {
    // beside a fresh column that was read: with none read the rule is not assessed (columns-read.test.ts)
    const result = runCheck(columnStale, factsFor({ columns: [c, columnFacts({ url: 'http://x.gov.cn/fresh/' })] }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: expected.map((e) => ({ rule: 'column-stale', url: c.url, class: c.category, ...e })) });
  });

  it('takes its windows from the profile options', () => {
    const result = runCheck(columnStale, factsFor({ columns: [column({ lastUpdate: '2026-11-05' })] }), '2026-11-15', { windows: { news: 7 } });
    expect(result).toMatchObject({ kind: 'findings', findings: [{ limitDays: 7 }] });
  });
});
