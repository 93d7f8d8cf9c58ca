import { describe, it } from 'node:test';
import { expect } from 'expect';
import { deadLink } from '../../src/checks/dead-link.js';
import { runCheck } from '../../src/checks/run.js';
import { factsFor } from './factsfor.js';

describe('dead-link', () => {
  it('one finding per page and target, classed home page or other, with status evidence', () => {
    const brokenLinks = [
      { fromUrl: 'http://x.gov.cn/', target: 'http://x.gov.cn/gone.html', tag: 'a', text: '旧链接', onHomepage: true, status: '404', soft404: false },
      { fromUrl: 'http://x.gov.cn/', target: 'http://x.gov.cn/gone.html', tag: 'a', text: '旧链接（重复）', onHomepage: true, status: '404', soft404: false },
      { fromUrl: 'http://x.gov.cn/a.html', target: 'http://y.gov.cn/', tag: 'a', text: '外链', onHomepage: false, status: 'ECONNREFUSED', soft404: false },
    ];
    expect(runCheck(deadLink, factsFor({ brokenLinks }), '2026-11-15')).toEqual({ kind: 'findings', findings: [
      { rule: 'dead-link', url: 'http://x.gov.cn/', class: 'homepage', target: 'http://x.gov.cn/gone.html', status: '404', onHomepage: true, text: '旧链接' },
      { rule: 'dead-link', url: 'http://x.gov.cn/a.html', class: 'other', target: 'http://y.gov.cn/', status: 'ECONNREFUSED', onHomepage: false, text: '外链' },
    ] });
  });

  it("leaves a guide's broken form to attachment-broken, and still counts a link to it from another page", () => {
    const form = 'http://x.gov.cn/bsfw/form.doc';
    const brokenLinks = [
      { fromUrl: 'http://x.gov.cn/bsfw/zn1.html', target: form, tag: 'a', text: '申请表', onHomepage: false, status: '404', soft404: false },
      { fromUrl: 'http://x.gov.cn/', target: form, tag: 'a', text: '表格下载', onHomepage: true, status: '404', soft404: false },
    ];
    const guides = [{ url: 'http://x.gov.cn/bsfw/zn1.html', title: '办事指南', present: [], missing: [], attachments: [{ target: form, text: '申请表', verdict: 'broken' }] }];
    expect(runCheck(deadLink, factsFor({ brokenLinks, guides }), '2026-11-15')).toEqual({ kind: 'findings', findings: [
      { rule: 'dead-link', url: 'http://x.gov.cn/', class: 'homepage', target: form, status: '404', onHomepage: true, text: '表格下载' },
    ] });
  });
});
