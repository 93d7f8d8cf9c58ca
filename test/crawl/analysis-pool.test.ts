import { describe, it } from 'node:test';
import { expect } from 'expect';
import { AnalysisPool } from '../../src/crawl/analysis-pool.js';
import { analysePage, type AnalysisRequest } from '../../src/crawl/page-analysis.js';

const page = (rows: number): AnalysisRequest => ({
  bytes: Buffer.from(`<html><head><title>列表</title></head><body><ul>${Array.from({ length: rows }, (_, i) => `<li><a href="/art/${i}.html">关于第${i}项工作的通知公告</a><span>2026-11-01</span></li>`).join('')}</ul></body></html>`),
  contentType: 'text/html; charset=utf-8', url: 'http://x.gov.cn/list.html', links: true, factsAsOf: '2026-11-15', storeBody: false,
});

describe('AnalysisPool', () => {
  it('a page too big for the worker\'s heap kills it: the page is analysed here instead, and the next one by a new worker', async () => {
    const pool = new AnalysisPool(1, undefined, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 });
    try {
      const small = await pool.analyse(page(10));
      expect(JSON.parse(small.links)).toHaveLength(10);
      const first = pool['workers'][0]!.threadId;
      const huge = page(60_000);
      const result = await pool.analyse(huge);
      expect(JSON.parse(result.links)).toHaveLength(60_000);
      expect(result.facts).toEqual(analysePage(huge).facts);
      expect(pool['workers'][0]!.threadId).not.toBe(first); // the worker died on it and was replaced
      expect(JSON.parse((await pool.analyse(page(12))).links)).toHaveLength(12);
    } finally {
      await pool.close();
    }
  });
});
