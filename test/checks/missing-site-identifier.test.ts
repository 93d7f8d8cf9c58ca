import { describe } from 'node:test';
import { expect } from 'expect';
import { missingSiteIdentifier } from '../../src/checks/missing-site-identifier.js';
import { runCheck } from '../../src/checks/run.js';
import type { Identifiers } from '../../src/extract/footer.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import { factsFor } from './factsfor.js';

const ALL: Identifiers = { siteId: '3201000001', icp: '苏ICP备12345678号', police: '苏公网安备32010202000001号', badge: true };

describe('missing-site-identifier', () => {
  cases([
    ['all four shown', {}, []],
    ['no 网站标识码', { siteId: null }, ['网站标识码']],
    ['no 党政机关 badge', { badge: false }, ['党政机关标识']],
    ['none of them: one finding (1 point) each', { siteId: null, icp: null, police: null, badge: false }, ['网站标识码', 'ICP备案', '公安备案', '党政机关标识']],
  ])('%s', (_what, patch: Partial<Identifiers>, missing: string[]) => {
    const home = { identifiers: { ...ALL, ...patch } } as PageFacts;
    expect(runCheck(missingSiteIdentifier, factsFor({ home }), '2026-11-15')).toEqual({ kind: 'findings', findings: missing.map((m) => ({ rule: 'missing-site-identifier', url: 'http://x.gov.cn/', missing: [m] })) });
  });
});
