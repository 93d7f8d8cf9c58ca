import { describe } from 'node:test';
import { expect } from 'expect';
import { guideMissingElements } from '../../src/checks/guide-missing-elements.js';
import { runCheck } from '../../src/checks/run.js';
import type { CheckFacts } from '../../src/checks/types.js';
import { cases } from '../helpers/cases.js';
import { factsFor } from './factsfor.js';

const guide = (missing: string[]): CheckFacts['guides'][number] => ({ url: 'http://x.gov.cn/bsfw/zn1.html', title: '户籍迁移办事指南', present: [], missing, attachments: [] });

describe('guide-missing-elements', () => {
  cases([
    ['a complete guide', [guide([])], []],
    ['a guide missing one element', [guide(['联系电话'])], [{ missing: ['联系电话'] }]],
    ['one finding per guide, however much it misses', [guide(['设定依据', '申请条件', '办理材料', '办理时间']), guide([])], [{ missing: ['设定依据', '申请条件', '办理材料', '办理时间'] }]],
    ['no guide at all is services-not-practical\'s to judge', [], []],
  ])('%s', (_what, guides: CheckFacts['guides'], expected: object[]) => {
    expect(runCheck(guideMissingElements, factsFor({ guides }), '2026-11-15')).toEqual({ kind: 'findings',
      findings: expected.map((e) => ({ rule: 'guide-missing-elements', url: 'http://x.gov.cn/bsfw/zn1.html', title: '户籍迁移办事指南', ...e })) });
  });
});
