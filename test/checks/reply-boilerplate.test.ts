import { describe } from 'node:test';
import { expect } from 'expect';
import { replyBoilerplate } from '../../src/checks/reply-boilerplate.js';
import { runCheck } from '../../src/checks/run.js';
import type { Letter } from '../../src/extract/letters.js';
import type { SeenLetter } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { factsFor, letterFacts } from './factsfor.js';

let n = 0;
const letter = (reply: string | null, asked = '2026-10-01', status: Letter['status'] = 'answered') =>
  letterFacts({ href: `http://x.gov.cn/xx/${++n}.html`, asked, replied: '2026-10-09', status, reply });
const REAL = ['经核实，该路段路灯已于10月8日修复。', '您反映的积水问题，区住建局已安排疏通。', '该小区供暖管网改造已列入明年计划。'];

describe('reply-boilerplate', () => {
  cases([
    ['replies that answer', () => REAL.map((r) => letter(r)), null],
    ['two of four are an empty phrase: half', () => [letter('您的来信已转相关部门。'), letter('我们会尽快处理。'), ...REAL.slice(0, 2).map((r) => letter(r))],
      { count: 2, share: 0.5, sample: '您的来信已转相关部门。' }],
    ['one of three: under half', () => [letter('已收悉'), ...REAL.slice(0, 2).map((r) => letter(r))], null],
    ['the same text twice out of three (a letter whose reply text was not read is left out)', () => [letter('感谢您对我区工作的关心与支持，我们将认真研究。'), letter(''), letter('感谢您对我区工作的关心与支持，我们将认真研究。'), letter(REAL[0]!)],
      { count: 2, share: 0.667, sample: '感谢您对我区工作的关心与支持，我们将认真研究。' }],
    ['fewer than three replies read: not judged', () => [letter('已转相关部门'), letter('尽快处理')], null],
    ["replies to letters asked over a year ago are not this year's", () => [letter('已转相关部门', '2025-10-01'), letter('尽快处理', '2025-10-01'), letter('正在调查', '2025-10-01'), ...REAL.map((r) => letter(r))], null],
    ['their count does not reach the minimum either', () => [letter('已转相关部门', '2025-10-01'), letter('尽快处理', '2025-10-01'), letter('已收悉')], null],
    ['a sample whose row opens it by script is cited by the list it was read on', () => ['已转相关部门', '尽快处理', '正在调查'].map((r) => ({ ...letter(r), href: null })),
      { count: 3, share: 1, sample: '已转相关部门' }],
    ['a letter under way is not answered, whatever its reply field says', () => [letter('正在调查', '2026-10-01', 'in-progress'), letter('已收悉', '2026-10-01', 'in-progress'), ...REAL.map((r) => letter(r))], null],
  ])('%s', (_what, make: () => SeenLetter[], expected: Record<string, unknown> | null) => {
    const letters = make();
    const result = runCheck(replyBoilerplate, factsFor({ letters }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: expected ? [{ rule: 'reply-boilerplate', url: 'http://x.gov.cn/', ...expected, sampleUrl: letters[0]!.href ?? letters[0]!.page }] : [] });
  });
});
