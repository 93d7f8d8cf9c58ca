import { describe, it } from 'node:test';
import { expect } from 'expect';
import { textTable } from '../../src/report/text-table.js';
import { renderCrawlSummary } from '../../src/report/crawl-summary.js';
import type { Run } from '../../src/store/runs.js';
import type { SiteCrawlStats } from '../../src/store/link-status.js';

describe('terminal tables', () => {
  it('aligns columns by display width (a CJK character takes two), numbers right, text left, no trailing spaces', () => {
    expect(textTable([['site', 'pages', 'state'], ['云南省', '7', 'finished'], ['3201000001', '1234', '—']], new Set([1]))).toEqual([
      'site        pages  state',
      '云南省          7  finished',
      '3201000001   1234  —',
    ]);
  });

  it('the crawl summary: a line per site and their total under a header', () => {
    const run = { id: 7, asOf: '2026-11-15' } as Run;
    const stats = [
      { siteId: '昆明', homepageStatus: '200', pages: 12, links: 340, brokenLinks: 2, homepageBrokenLinks: 1, skipped: 0, bytes: 40_960 },
      { siteId: '3201000001', homepageStatus: null, pages: 0, links: 0, brokenLinks: 0, homepageBrokenLinks: 0, skipped: 3, bytes: 0 },
    ] as SiteCrawlStats[];
    expect(renderCrawlSummary(run, stats)).toBe([
      'run 7 · as of 2026-11-15 · 2 sites',
      'site        home  pages  links  broken  on home  skipped  KiB',
      '昆明         200     12    340       2        1        0   40',
      '3201000001     -      0      0       0        0        3    0',
      'total                12    340       2        1        3   40',
      '',
    ].join('\n'));
  });
});
