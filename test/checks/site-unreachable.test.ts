import { describe } from 'node:test';
import { expect } from 'expect';
import { siteUnreachable } from '../../src/checks/site-unreachable.js';
import { runCheck } from '../../src/checks/run.js';
import { cases } from '../helpers/cases.js';
import { factsFor, probes } from './factsfor.js';

describe('site-unreachable', () => {
  cases([
    ['139 probes: fewer than 20 a day for 7 days', 139, 20, 'not-assessed'],
    ['140 probes, none failed', 140, 0, []],
    ['140 probes, 6 failed (4.3 %)', 140, 6, []],
    ['140 probes, 7 failed (5 %): the veto', 140, 7, [{ rule: 'site-unreachable', url: 'http://x.gov.cn/', probes: 140, failed: 7, failRate: 0.05 }]],
    ['200 probes, all failed', 200, 200, [{ rule: 'site-unreachable', url: 'http://x.gov.cn/', probes: 200, failed: 200, failRate: 1 }]],
  ])('%s', (_what, total: number, failed: number, expected: object[] | 'not-assessed') => {
    const result = runCheck(siteUnreachable, factsFor({ probes: probes(total, failed) }), '2026-11-15');
    expect(result).toEqual(expected === 'not-assessed'
      ? { kind: 'not-assessed', reason: `${total} home page probes in 7 days; the rule needs ≥ 20 a day (govsite probe)` }
      : { kind: 'findings', findings: expected });
  });
});
