import { describe, it } from 'node:test';
import { expect } from 'expect';
import { surveyInactive } from '../../src/checks/survey-inactive.js';
import { runCheck } from '../../src/checks/run.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

const HOME = {} as PageFacts;
const URL = 'http://x.gov.cn/yjzj/';
/** a 意见征集 column listing one item on each of these dates */
const survey = (dates: string[], c: Partial<ColumnFacts> = {}) => columnFacts({ name: '意见征集', url: URL, category: 'survey', items: dates.length,
  datedItems: dates.map((date, i) => ({ href: `${URL}t${i}.html`, date })), lastUpdate: [...dates].sort().pop() ?? null, ...c });
const SIX = ['2026-11-01', '2026-09-01', '2026-07-01', '2026-05-01', '2026-03-01', '2025-11-15'];

describe('survey-inactive', () => {
  cases([
    ['six in the last year', [survey(SIX)], []],
    ['five in the last year (the sixth is a year and a day old)', [survey([...SIX.slice(0, 5), '2025-11-14'])], [{ url: URL, class: 'few', count: 5 }]],
    ['none in the last year', [survey(['2025-10-01'])], [{ url: URL, class: 'none', count: 0 }]],
    ['an empty column', [survey([], { empty: true })], [{ url: URL, class: 'none', count: 0 }]],
    ['no survey column at all: none, held at the home page', [columnFacts()], [{ url: 'http://x.gov.cn/', class: 'none', count: 0 }]],
    ['two columns listing the same items count each item once', [survey(SIX.slice(0, 3)), survey(SIX.slice(0, 3), { name: '调查征集', url: 'http://x.gov.cn/dczj/' })], [{ url: URL, class: 'few', count: 3 }]],
    ['items dated after the as-of date are not counted', [survey([...SIX.slice(0, 5), '2026-12-01'])], [{ url: URL, class: 'few', count: 5 }]],
    ['a column that was read counts though another was not', [survey(SIX), survey([], { name: '调查征集', url: 'http://x.gov.cn/dczj/', seen: false })], []],
  ])('%s', (_what, columns: ColumnFacts[], expected: object[]) => {
    const result = runCheck(surveyInactive, factsFor({ home: HOME, columns }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: expected.map((e) => ({ rule: 'survey-inactive', ...e })) });
  });

  cases([
    ['not crawled', { seen: false }],
    ['filled by script', { seen: false, scripted: true }],
  ])('a survey column whose list was %s: not assessed, not "none"', (_how, patch: Partial<ColumnFacts>) => {
    expect(runCheck(surveyInactive, factsFor({ home: HOME, columns: [survey([], patch)] }), '2026-11-15'))
      .toEqual({ kind: 'not-assessed', reason: 'the lists of 意见征集 were not read (not crawled, or filled by script)' });
  });

  it('without a home page: not assessed', () => {
    expect(runCheck(surveyInactive, factsFor({ columns: [survey(SIX)], home: null }), '2026-11-15')).toMatchObject({ kind: 'not-assessed' });
  });
});
