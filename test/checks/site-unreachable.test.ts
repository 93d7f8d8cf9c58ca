import { describe } from 'node:test';
import { expect } from 'expect';
import { siteUnreachable } from '../../src/checks/site-unreachable.js';
import { runCheck } from '../../src/checks/run.js';
import { cases } from '../helpers/cases.js';
import { factsFor, probes } from './factsfor.js';

const veto = (total: number, failed: number) => [{ rule: 'site-unreachable', url: 'http://x.gov.cn/', probes: total, failed, failRate: failed / total }];

describe('site-unreachable', () => {
  cases([
    ['no probes', probes(0, 0), { kind: 'not-assessed', reason: 'no home page probes in the 7 days up to 2026-11-15 (govsite probe)' }],
    ['139 probes every 72 minutes: the last day has 19', probes(139, 20),
      { kind: 'not-assessed', reason: '139 home page probes in 7 days, fewer than 20 on 1 day(s) (2026-11-15: 19); the rule needs ≥ 20 a day (govsite probe)' }],
    ['200 probes every 30 minutes, all failed: 48 a day, none after 11-13', probes(200, 200, 30),
      { kind: 'not-assessed', reason: '200 home page probes in 7 days, fewer than 20 on 3 day(s) (2026-11-13: 8, 2026-11-14: 0, 2026-11-15: 0); the rule needs ≥ 20 a day (govsite probe)' }],
    ['140 probes, none failed', probes(140, 0), { kind: 'findings', findings: [] }],
    ['140 probes, 6 failed (4.3 %)', probes(140, 6), { kind: 'findings', findings: [] }],
    ['140 probes, 7 failed (5 %): the veto', probes(140, 7), { kind: 'findings', findings: veto(140, 7) }],
    ['336 probes every 30 minutes, all failed', probes(336, 336, 30), { kind: 'findings', findings: veto(336, 336) }],
  ])('%s', (_what, given: ReturnType<typeof probes>, expected: object) => {
    expect(runCheck(siteUnreachable, factsFor({ probes: given }), '2026-11-15')).toEqual(expected);
  });
});
