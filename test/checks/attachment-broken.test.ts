import { describe } from 'node:test';
import { expect } from 'expect';
import { attachmentBroken } from '../../src/checks/attachment-broken.js';
import { runCheck } from '../../src/checks/run.js';
import type { BrokenLink } from '../../src/store/link-status.js';
import { cases } from '../helpers/cases.js';
import { factsFor } from './factsfor.js';

const GUIDE = 'http://x.gov.cn/bsfw/zn1.html';
const FORM = 'http://x.gov.cn/bsfw/form.doc';
const guide = (verdict: string | null) => ({ url: GUIDE, title: '户籍迁移办事指南', present: [], missing: [], attachments: [{ target: FORM, text: '申请表', verdict }] });
const broken = (status: string): BrokenLink => ({ fromUrl: GUIDE, target: FORM, tag: 'a', text: '申请表', onHomepage: false, status, soft404: false });

describe('attachment-broken', () => {
  cases([
    ['a form that downloads', guide('ok'), [], []],
    ['a form that answers 404', guide('broken'), [broken('404')], [{ rule: 'attachment-broken', url: GUIDE, target: FORM, status: '404', onHomepage: false, text: '申请表' }]],
    ['a form whose server refuses', guide('broken'), [broken('ECONNREFUSED')], [{ rule: 'attachment-broken', url: GUIDE, target: FORM, status: 'ECONNREFUSED', onHomepage: false, text: '申请表' }]],
    ['a form the crawl could not settle (a bot wall, a single timeout) is not held against the site', guide('inconclusive'), [], []],
    ['a form the crawl did not reach', guide(null), [], []],
  ])('%s', (_name, g: ReturnType<typeof guide>, brokenLinks: BrokenLink[], expected: object[]) => {
    expect(runCheck(attachmentBroken, factsFor({ guides: [g], brokenLinks }), '2026-11-15')).toEqual({ kind: 'findings', findings: expected });
  });
});
