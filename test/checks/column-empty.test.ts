import { describe } from 'node:test';
import { expect } from 'expect';
import { columnEmpty } from '../../src/checks/column-empty.js';
import { runCheck } from '../../src/checks/run.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

describe('column-empty', () => {
  cases([
    ['a column with items', columnFacts(), false],
    ['an open skylight (暂无信息, or no item in a list column)', columnFacts({ name: '专题专栏', category: 'other', items: 0, lastUpdate: null, empty: true }), true],
    ['a column whose list is filled by script is not empty: its items are unknown', columnFacts({ seen: false, scripted: true, items: 0, lastUpdate: null }), false],
  ])('%s', (_what, column: ColumnFacts, empty: boolean) => {
    // beside a column that was read: with none read the rule is not assessed (columns-read.test.ts)
    expect(runCheck(columnEmpty, factsFor({ columns: [column, columnFacts({ url: 'http://x.gov.cn/fresh/' })] }), '2026-11-15')).toEqual({ kind: 'findings', findings: empty ? [{ rule: 'column-empty', url: column.url, column: column.name }] : [] });
  });
});
