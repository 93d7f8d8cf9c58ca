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
});
