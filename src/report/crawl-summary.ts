import type { Run } from '../store/runs.js';
import type { SiteCrawlStats } from '../store/link-status.js';

/** The crawl's per-site table as plain text for the terminal. */
export function renderCrawlSummary(run: Run, stats: readonly SiteCrawlStats[]): string {
  const header = ['site', 'home', 'pages', 'links', 'broken', 'on home', 'skipped', 'KiB'];
  const rows = stats.map((s) => [s.siteId, s.homepageStatus ?? '-', s.pages, s.links, s.brokenLinks, s.homepageBrokenLinks, s.skipped, Math.round(s.bytes / 1024)].map(String));
  const total = ['total', '', ...[2, 3, 4, 5, 6, 7].map((i) => String(rows.reduce((sum, r) => sum + Number(r[i]), 0)))];
  const all = [header, ...rows, total];
  const widths = header.map((_, i) => Math.max(...all.map((r) => width(r[i]!))));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  return [`run ${run.id} · as of ${run.asOf} · ${stats.length} sites`, fmt(header), ...rows.map(fmt), fmt(total), ''].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
