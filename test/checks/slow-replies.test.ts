import { describe } from 'node:test';
import { expect } from 'expect';
import { slowReplies } from '../../src/checks/slow-replies.js';
import { runCheck } from '../../src/checks/run.js';
import type { Letter } from '../../src/extract/letters.js';
import type { SeenLetter } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { factsFor, letterFacts } from './factsfor.js';

const letter = (asked: string, replied: string | null, status: Letter['status'] = 'answered') =>
  letterFacts({ href: `http://x.gov.cn/xx/${asked}.html`, asked, replied, status, reply: replied ? '已修复。' : null });
const slow = (medianWorkingDays: number, letters: number) => [{ rule: 'slow-replies', url: 'http://x.gov.cn/', medianWorkingDays, letters }];

// 2026-11-02 and 11-09 are Mondays, 11-06 and 11-13 Fridays; the as-of date is 2026-11-15
describe('slow-replies', () => {
  cases([
    ['answered in 5 working days (Monday to Monday)', [letter('2026-11-02', '2026-11-09')], []],
    ['answered in 6 working days', [letter('2026-11-02', '2026-11-10')], slow(6, 1)],
    ['a weekend is not a working day: Friday to Friday is 5', [letter('2026-11-06', '2026-11-13')], []],
    ['an even count takes the mean of the middle two (5 and 6)', [letter('2026-11-02', '2026-11-09'), letter('2026-11-02', '2026-11-10')], slow(5.5, 2)],
    ['the median, not the mean: one very slow reply among quick ones', [letter('2026-11-02', '2026-11-03'), letter('2026-11-02', '2026-11-04'), letter('2026-02-02', '2026-11-04')], []],
    ['letters asked over a year before the as-of date are left out', [letter('2025-11-01', '2025-12-31'), letter('2026-11-02', '2026-11-03')], []],
    ['letters not answered, or under way, have no reply time', [letter('2026-08-03', null, 'unanswered'), letter('2026-08-03', '2026-11-10', 'in-progress')], []],
    ['a reply date with no status field is an answer', [letter('2026-11-02', '2026-11-10', null)], slow(6, 1)],
    ['no letter at all', [], []],
    // the State Council's 2026 schedule: 10-01 to 10-07 off, Saturday 10-10 worked; 02-15 to 02-23 off, Saturday 02-28 worked
    ['the National Day week is not working days: asked 09-30, answered 10-09, 2 working days (7 weekdays)', [letter('2026-09-30', '2026-10-09')], []],
    ['a Saturday worked in its place is a working day: 10-09 to 10-16 is 6', [letter('2026-10-09', '2026-10-16')], slow(6, 1)],
    ['the Spring Festival: asked 02-13, answered 02-27, 5 working days (10 weekdays)', [letter('2026-02-13', '2026-02-27')], []],
  ])('%s', (_what, letters: SeenLetter[], expected: object[]) => {
    expect(runCheck(slowReplies, factsFor({ letters }), '2026-11-15')).toEqual({ kind: 'findings', findings: expected });
  });
});
