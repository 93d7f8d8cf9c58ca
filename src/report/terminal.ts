import { Chalk, type ChalkInstance } from 'chalk';
import { unjudgedNote, LABELS, registryNote, ruleTitle, type Lang } from './labels.js';
import { endedLines, type Rendered } from './rendered.js';
import { shownUrl } from './escape.js';
import type { AuditReport, SiteReport } from './model.js';
import { byRegion, regionLabel } from '../registry/region.js';
import { rateText, statsOf } from './verdict-stats.js';

/** One line per site (verdict, score, health, main problems), then the totals. */
export function* renderTerminal(report: AuditReport, { lang, color = false }: { lang: Lang; color?: boolean }): Rendered {
  const chalk = new Chalk({ level: color ? 1 : 0 });
  const L = LABELS[lang];
  const colour = { qualified: chalk.green, unqualified: chalk.red, 'not-assessed': chalk.yellow } as const;
  const region = report.region ? ` · ${regionLabel(report.region, lang)}` : '';
  yield `${chalk.bold(`govsite · ${L.asOf} ${report.asOf} · ${L.profile} ${report.profile}${region} · ${report.sites.length} ${L.sites}`)}\n`;
  for (const s of report.sites) {
    const lines: string[] = [];
    const verdict = colour[s.verdict](L[s.verdict].padEnd(lang === 'zh' ? 4 : 13));
    const score = s.score === null ? '   —' : String(s.score).padStart(4);
    lines.push(`${verdict} ${score}  ${L[s.health].padEnd(lang === 'zh' ? 5 : 9)} ${s.name ?? s.id} ${chalk.dim(shownUrl(s.url))}`);
    // a site that has closed or merged: that, not what its notice page lacks
    const gone = unjudgedNote(s, lang);
    const problems = gone ? [] : mainProblems(s, lang, chalk);
    const none = gone ? chalk.yellow(`${gone.label}: ${gone.detail}`) : s.verdict === 'not-assessed' ? chalk.yellow(L.homeUnread) : chalk.dim(L.noProblems);
    lines.push(`      ${problems.length ? problems.join(' · ') : none}`);
    const note = registryNote(s, lang);
    if (note) lines.push(`      ${chalk.yellow(note)}`);
    yield endedLines(lines);
  }
  const counts = (sites: readonly SiteReport[]) => {
    const st = statsOf(sites);
    return `${L.qualified} ${st.qualified} · ${L.unqualified} ${st.unqualified} · ${L['not-assessed']} ${st['not-assessed']} · ${L.rate} ${rateText(st)}`;
  };
  yield `${chalk.bold(`${L.total}: ${counts(report.sites)}`)}\n`;
  // a sweep of several provinces: each one's line, as the HTML report's table by region
  const regions = byRegion(report.sites, (s) => s.region ?? null);
  if (regions.length > 1) yield endedLines(regions.map(([region, sites]) => `  ${regionLabel(region, lang)} ${sites.length}: ${counts(sites)}`));
}

function mainProblems(s: SiteReport, lang: Lang, chalk: ChalkInstance): string[] {
  const vetoes = s.vetoes.map((v) => chalk.red(`${LABELS[lang].veto}: ${ruleTitle(v, lang)}`));
  const deductions = [...s.deductions].sort((a, b) => b.points - a.points).slice(0, 4).map((d) => `${ruleTitle(d.rule, lang)} −${d.points}${d.count > 1 ? ` (${d.count})` : ''}`);
  return [...vetoes, ...deductions];
}
