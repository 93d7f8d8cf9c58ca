import { describe } from 'node:test';
import { expect } from 'expect';
import { siteUnreachable } from '../../src/checks/site-unreachable.js';
import { runCheck } from '../../src/checks/run.js';
import { cases } from '../helpers/cases.js';
import { factsFor, probes } from './factsfor.js';

const veto = (total: number, failed: number) => [{ rule: 'site-unreachable', url: 'http://x.gov.cn/', probes: total, failed, failRate: failed / total }];

describe('site-unreachable', () => {
  cases([
    ['no probes', probes(0, 0), { kind: 'not-assessed', reason: 'no home page probes in the week before the as-of date (govsite probe)' }],
    ['139 probes every 72 minutes: the first of the 7 days before the last probe has 19', probes(139, 20),
      { kind: 'not-assessed', reason: '139 home page probes in the week, fewer than 20 in 1 of its 7 days (to 2026-11-09T21:36Z: 19); the rule needs ≥ 20 a day (govsite probe)' }],
    ['200 probes every 30 minutes, all failed: 48 a day, but only 4 days of them', probes(200, 200, 30),
      { kind: 'not-assessed', reason: '200 home page probes in the week, fewer than 20 in 3 of its 7 days (to 2026-11-07T03:30Z: 0, to 2026-11-08T03:30Z: 0, to 2026-11-09T03:30Z: 8); the rule needs ≥ 20 a day (govsite probe)' }],
    ['140 probes, none failed', probes(140, 0), { kind: 'findings', findings: [] }],
    ['140 probes, 6 failed (4.3 %)', probes(140, 6), { kind: 'findings', findings: [] }],
    ['140 probes, 7 failed (5 %): the veto', probes(140, 7), { kind: 'findings', findings: veto(140, 7) }],
    ['336 probes every 30 minutes, all failed', probes(336, 336, 30), { kind: 'findings', findings: veto(336, 336) }],
  ])('%s', (_what, given: ReturnType<typeof probes>, expected: object) => {
    expect(runCheck(siteUnreachable, factsFor({ probes: given }), '2026-11-15')).toEqual(expected);
  });
});
