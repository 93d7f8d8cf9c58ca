import { describe, it } from 'node:test';
import { expect } from 'expect';
import { duplicateArticle } from '../../src/checks/duplicate-article.js';
import { runCheck } from '../../src/checks/run.js';
import { factsFor } from './factsfor.js';

describe('duplicate-article', () => {
  it('one finding per pair of twins (2 points each), held at the first page, with both pages and their similarity', () => {
    const twins = [{ pages: ['http://x.gov.cn/a1.html', 'http://x.gov.cn/a2.html'] as [string, string], similarity: 0.93 }, { pages: ['http://x.gov.cn/a1.html', 'http://x.gov.cn/a3.html'] as [string, string], similarity: 0.88 }];
    expect(runCheck(duplicateArticle, factsFor({ twins }), '2026-11-15')).toEqual({ kind: 'findings', findings: [
      { rule: 'duplicate-article', url: 'http://x.gov.cn/a1.html', pages: ['http://x.gov.cn/a1.html', 'http://x.gov.cn/a2.html'], similarity: 0.93 },
      { rule: 'duplicate-article', url: 'http://x.gov.cn/a1.html', pages: ['http://x.gov.cn/a1.html', 'http://x.gov.cn/a3.html'], similarity: 0.88 },
    ] });
    expect(runCheck(duplicateArticle, factsFor({ twins: [] }), '2026-11-15')).toEqual({ kind: 'findings', findings: [] });
  });
});
