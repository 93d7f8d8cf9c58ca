import { describe } from 'node:test';
import { expect } from 'expect';
import { interviewInactive } from '../../src/checks/interview-inactive.js';
import { runCheck } from '../../src/checks/run.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

const URL = 'http://x.gov.cn/zxft/';
const column = (category: ColumnFacts['category'], dates: string[]) => columnFacts({ name: category === 'interview' ? '在线访谈' : '意见征集', url: URL, category,
  datedItems: dates.map((date, i) => ({ href: `${URL}t${i}.html`, date })) });

// the counting is survey-inactive's (activity.ts); here, that it counts interviews and only interviews
describe('interview-inactive', () => {
  cases([
    ['six interviews in the last year', [column('interview', ['2026-11-01', '2026-10-01', '2026-09-01', '2026-08-01', '2026-07-01', '2026-06-01'])], []],
    ['two', [column('interview', ['2026-11-01', '2026-10-01'])], [{ url: URL, class: 'few', count: 2 }]],
    ['surveys are not interviews', [column('survey', ['2026-11-01', '2026-10-01', '2026-09-01', '2026-08-01', '2026-07-01', '2026-06-01'])], [{ url: 'http://x.gov.cn/', class: 'none', count: 0 }]],
    ['an interview column filled by script', [{ ...column('interview', []), seen: false, scripted: true }], 'not-assessed'],
  ])('%s', (_what, columns: ColumnFacts[], expected: object[] | 'not-assessed') => {
    const result = runCheck(interviewInactive, factsFor({ home: {} as PageFacts, columns }), '2026-11-15');
    expect(result).toMatchObject(expected === 'not-assessed' ? { kind: 'not-assessed' } : { kind: 'findings', findings: expected.map((e) => ({ rule: 'interview-inactive', ...e })) });
  });
});
