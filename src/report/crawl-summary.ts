import type { Run } from '../store/runs.js';
import type { SiteCrawlStats } from '../store/link-status.js';
import { textTable } from './text-table.js';

/** The crawl's per-site table as plain text for the terminal. */
export function renderCrawlSummary(run: Run, stats: readonly SiteCrawlStats[]): string {
  const header = ['site', 'home', 'pages', 'links', 'broken', 'on home', 'skipped', 'KiB'];
  const rows = stats.map((s) => [s.siteId, s.homepageStatus ?? '-', s.pages, s.links, s.brokenLinks, s.homepageBrokenLinks, s.skipped, Math.round(s.bytes / 1024)].map(String));
  const total = ['total', '', ...[2, 3, 4, 5, 6, 7].map((i) => String(rows.reduce((sum, r) => sum + Number(r[i]), 0)))];
  return [`run ${run.id} · as of ${run.asOf} · ${stats.length} sites`, ...textTable([header, ...rows, total], new Set([1, 2, 3, 4, 5, 6, 7])), ''].join('\n');
}
