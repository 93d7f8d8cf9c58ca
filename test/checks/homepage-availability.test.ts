import { describe, it } from 'node:test';
import { expect } from 'expect';
import { homepageAvailability } from '../../src/checks/homepage-availability.js';
import { runCheck } from '../../src/checks/run.js';
import { cases } from '../helpers/cases.js';
import { factsFor, probes } from './factsfor.js';

describe('homepage-availability', () => {
  cases([
    ['139 probes: the first day has 19', 139, 1, 'not-assessed'],
    ['none failed', 140, 0, 0],
    ['1 of 140 failed (0.7 %): one point-rate, not none', 140, 1, 1],
    ['3 of 140 (2.1 %): two whole percentage points', 140, 3, 2],
    ['6 of 140 (4.3 %)', 140, 6, 4],
    ['7 of 140 (5 %): the veto, site-unreachable, not also this', 140, 7, 0],
  ])('%s', (_what, total: number, failed: number, expected: number | 'not-assessed') => {
    const result = runCheck(homepageAvailability, factsFor({ probes: probes(total, failed) }), '2026-11-15');
    if (expected === 'not-assessed') return expect(result).toEqual({ kind: 'not-assessed', reason: expect.stringContaining('fewer than 20 in 1 of its 7 days (to 2026-11-09T21:36Z: 19)') });
    const finding = { rule: 'homepage-availability', url: 'http://x.gov.cn/', probes: total, failed, failRate: failed / total };
    expect(result).toEqual({ kind: 'findings', findings: Array(expected).fill(finding) });
  });

  it('probes crowded into the first days are not a week of them', () => {
    expect(runCheck(homepageAvailability, factsFor({ probes: probes(200, 1, 30) }), '2026-11-15')).toMatchObject({ kind: 'not-assessed' });
  });
});
