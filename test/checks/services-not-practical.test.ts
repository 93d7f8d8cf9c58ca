import { describe, it } from 'node:test';
import { expect } from 'expect';
import { servicesNotPractical } from '../../src/checks/services-not-practical.js';
import { runCheck } from '../../src/checks/run.js';
import type { CheckFacts } from '../../src/checks/types.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

const HOME = {} as PageFacts;
const ELEMENTS = ['事项名称', '设定依据', '申请条件', '办理材料', '办理地点', '办理时间', '联系电话', '办理流程'];
/** `n` guides, each missing the first `missing` elements */
const guides = (n: number, missing: number): CheckFacts['guides'] => Array.from({ length: n }, (_, i) => ({
  url: `http://x.gov.cn/bsfw/zn${i + 1}.html`, title: `办事指南${i + 1}`, present: ELEMENTS.slice(missing), missing: ELEMENTS.slice(0, missing), attachments: [] }));
const hollow = (n: number, missing: number) => guides(n, missing).map((g) => ({ rule: 'services-not-practical', url: g.url, missing: g.missing }));

describe('services-not-practical', () => {
  cases([
    ['5 guides missing 4 elements each: the veto, each guide named', { guides: guides(5, 4) }, hollow(5, 4)],
    ['4 such guides: below the line', { guides: guides(4, 4) }, []],
    ['5 guides missing 3 each: not hollow', { guides: guides(5, 3) }, []],
    ['a portal with no guide and no service column offers no service', { portal: true }, [{ rule: 'services-not-practical', url: 'http://x.gov.cn/', missing: ['办事服务'] }]],
    ['a portal with a 办事服务 column offers services', { portal: true, columns: [columnFacts({ name: '办事服务', category: 'service' })] }, []],
    ['a portal with complete guides offers services', { portal: true, guides: guides(2, 0) }, []],
    ['a department without public services is not held to offer them', { portal: false }, []],
  ])('%s', (_what, patch: Partial<CheckFacts>, expected: object[]) => {
    expect(runCheck(servicesNotPractical, factsFor({ home: HOME, ...patch }), '2026-11-15')).toEqual({ kind: 'findings', findings: expected });
  });

  it('without a home page: not assessed', () => {
    expect(runCheck(servicesNotPractical, factsFor({ portal: true, home: null }), '2026-11-15')).toEqual({ kind: 'not-assessed', reason: 'the home page was not fetched' });
  });
});
