import { escapeHtml } from './escape.js';
import { ruleTitle, type Lang } from './labels.js';
import type { AuditReport, SiteReport } from './model.js';
import { ruleOfFinding } from '../checks/index.js';
import { daysBetween } from '../extract/dates.js';

const W = 640;

/** Bars with a label and a count each, as inline SVG (the report must open without a network). */
function barChart(id: string, title: string, bars: { label: string; value: number; colour: string }[]): string {
  const row = 22;
  const labelW = 220;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const h = bars.length * row + 8;
  const body = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = Math.round(((W - labelW - 50) * b.value) / max);
    return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${row - 6}" fill="${b.colour}"><title>${escapeHtml(`${b.label}: ${b.value}`)}</title></rect><text x="${labelW + w + 4}" y="${y + 15}">${b.value}</text>`;
  }).join('');
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg class="chart" id="${id}" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}">${body}</svg></figure>`;
}

/** Score distribution: vetoed sites have no score and get their own bar. */
export function scoreChart(report: AuditReport, lang: Lang): string {
  const t = lang === 'zh' ? { title: '得分分布', veto: '单项否决', none: '未评估' } : { title: 'Score distribution', veto: 'veto', none: 'not assessed' };
  const bins = [
    { label: t.none, test: (s: SiteReport) => s.verdict === 'not-assessed', colour: '#999' },
    { label: t.veto, test: (s: SiteReport) => s.verdict === 'unqualified' && s.score === null, colour: '#c0392b' },
    { label: '< 60', test: (s: SiteReport) => s.score !== null && s.score < 60, colour: '#e67e22' },
    ...[60, 70, 80, 90].map((lo) => ({ label: `${lo}–${lo === 90 ? 100 : lo + 9}`, test: (s: SiteReport) => s.score !== null && s.score >= lo && (lo === 90 || s.score < lo + 10), colour: lo >= 80 ? '#27ae60' : '#f1c40f' })),
  ];
  return barChart('chart-scores', t.title, bins.map((b) => ({ label: b.label, value: report.sites.filter(b.test).length, colour: b.colour })));
}

/** Problems by rule: how many sites each rule found something on. */
export function rulesChart(report: AuditReport, lang: Lang): string {
  const sites = new Map<string, Set<string>>();
  for (const s of report.sites) for (const f of s.findings) {
    const rule = ruleOfFinding(f.rule);
    sites.set(rule, (sites.get(rule) ?? new Set()).add(s.id));
  }
  const vetoes = new Set(report.sites.flatMap((s) => s.vetoes));
  const bars = [...sites].sort(([a, x], [b, y]) => y.size - x.size || a.localeCompare(b))
    .map(([rule, set]) => ({ label: ruleTitle(rule, lang), value: set.size, colour: vetoes.has(rule) ? '#c0392b' : '#2980b9' }));
  return barChart('chart-rules', lang === 'zh' ? '各类问题涉及网站数' : 'Sites with problems, by rule', bars);
}

const UNTIMED = new Set(['static', 'other']);
/** a column whose list govsite did not read */
const UNREAD = '#e8e3d3';
const FRESHNESS = [
  { max: 14, colour: '#27ae60', zh: '14天内', en: '≤ 14 days' },
  { max: 183, colour: '#f1c40f', zh: '6个月内', en: '≤ 6 months' },
  { max: 365, colour: '#e67e22', zh: '1年内', en: '≤ 1 year' },
  { max: Infinity, colour: '#c0392b', zh: '超过1年或无日期', en: '> 1 year or undated' },
];

/** Column freshness: one row per site, one cell per column, coloured by days since its last update. */
export function freshnessGrid(report: AuditReport, lang: Lang): string {
  const cell = 18;
  const labelW = 200;
  const widest = Math.max(1, ...report.sites.map((s) => s.columns.length));
  const w = Math.max(W + 120, labelW + widest * (cell + 3) + 10);
  // each label as wide as its text (12 px: a Chinese character ~12 px, a Latin one ~6.5), on as many lines as the width takes
  const keys = [...FRESHNESS.map((f) => [f.colour, f[lang]] as const), ['#ddd', lang === 'zh' ? '空白栏目' : 'empty'] as const, ['#9fb3c8', lang === 'zh' ? '无更新要求' : 'no update window'] as const, [UNREAD, lang === 'zh' ? '未读取' : 'not read'] as const];
  let x = 0;
  let line = 0;
  const placed = keys.map(([colour, label]) => {
    const width = 16 + [...label].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 12 : 6.5), 0) + 18;
    if (x > 0 && x + width > w) [x, line] = [0, line + 1];
    const at = { colour, label, x, line };
    x += width;
    return at;
  });
  const h = report.sites.length * (cell + 4) + 34 + line * 18;
  const legendTop = report.sites.length * (cell + 4) + 12;
  const rows = report.sites.map((s, i) => {
    const y = i * (cell + 4);
    const cells = s.columns.map((c, j) => {
      const days = c.lastUpdate ? daysBetween(c.lastUpdate, report.asOf) : null;
      // static and other columns have no update window: undated is not a problem there
      // a list not read (not crawled, filled by script) is neither fresh nor stale as far as govsite knows
      const unread = c.list === 'script' || c.list === 'not-crawled';
      const colour = unread ? UNREAD : c.empty ? '#ddd' : days === null && UNTIMED.has(c.category) ? '#9fb3c8' : FRESHNESS.find((f) => days !== null && days <= f.max)?.colour ?? '#c0392b';
      const state = unread ? (lang === 'zh' ? '未读取' : 'not read') : c.empty ? (lang === 'zh' ? '空白栏目' : 'empty') : c.lastUpdate ?? (lang === 'zh' ? '无日期' : 'no date');
      const tip = `${c.name} · ${state}${days !== null ? ` (${days} ${lang === 'zh' ? '天' : 'days'})` : ''}`;
      return `<rect class="cell" x="${labelW + j * (cell + 3)}" y="${y}" width="${cell}" height="${cell}" fill="${colour}"${c.empty ? ' stroke="#999"' : ''}><title>${escapeHtml(tip)}</title></rect>`;
    }).join('');
    return `<text x="${labelW - 6}" y="${y + 13}" text-anchor="end">${escapeHtml(s.name ?? s.id)}</text>${cells}`;
  }).join('');
  const legend = placed.map(({ colour, label, x: at, line: l }) =>
    `<rect x="${at}" y="${legendTop + l * 18}" width="12" height="12" fill="${colour}"/><text x="${at + 16}" y="${legendTop + l * 18 + 10}">${escapeHtml(label)}</text>`).join('');
  const title = lang === 'zh' ? `栏目更新情况（距${report.asOf}天数）` : `Column freshness (days before ${report.asOf})`;
  return `<figure><figcaption>${escapeHtml(title)}</figcaption><svg class="chart" id="chart-freshness" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${rows}${legend}</svg></figure>`;
}
