import { describe } from 'node:test';
import { expect } from 'expect';
import { columnEmpty } from '../../src/checks/column-empty.js';
import { columnStale } from '../../src/checks/column-stale.js';
import { columnsNotUpdated } from '../../src/checks/columns-not-updated.js';
import { runCheck } from '../../src/checks/run.js';
import type { PageFacts } from '../../src/extract/page.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

const HOME = {} as PageFacts;

/** The column rules when no column list was read (columns-read.ts): not assessed, never a silent pass. */
describe('column rules with no column read', () => {
  for (const check of [columnsNotUpdated, columnStale, columnEmpty]) {
    cases([
      ['no home page', null, [], 'the home page was not fetched'],
      ['no column found in the navigation', HOME, [], "no column was found in the home page's navigation"],
      ['columns found, none of their lists crawled', HOME, [columnFacts({ seen: false, lastUpdate: null })], "no column's list was read (not crawled, or filled by script)"],
      ['columns found, their lists filled by script', HOME, [columnFacts({ seen: false, scripted: true, items: 0, lastUpdate: null })], "no column's list was read (not crawled, or filled by script)"],
      ['one column read', HOME, [columnFacts({ seen: false, lastUpdate: null }), columnFacts({ url: 'http://x.gov.cn/read/' })], null],
    ])(`${check.meta.id}: %s`, (_what, home: PageFacts | null, columns: ColumnFacts[], reason: string | null) => {
      const result = runCheck(check, factsFor({ home, columns }), '2026-11-15');
      if (reason) expect(result).toEqual({ kind: 'not-assessed', reason });
      else expect(result.kind).toBe('findings');
    });
  }
});
