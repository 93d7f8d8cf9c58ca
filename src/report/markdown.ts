import { escapeMd, mdLink } from './escape.js';
import { evidenceText } from './evidence.js';
import { unjudgedNote, LABELS, levelLabel, registryNote, ruleTitle, type Lang } from './labels.js';
import { endedLines, type Rendered } from './rendered.js';
import type { AuditReport, ReportedFinding } from './model.js';
import { byRegion, regionLabel } from '../registry/region.js';
import { rateText, statsOf } from './verdict-stats.js';

/** One finding on one line: rule, stable id, the page, the observed values. */
export function findingLine(f: ReportedFinding, lang: Lang): string {
  const evidence = evidenceText(f, lang);
  return `${escapeMd(ruleTitle(f.rule, lang))} \`${f.id}\` ${mdLink(f.url)}${evidence ? ` — ${escapeMd(evidence)}` : ''}`;
}

const T = {
  zh: { title: '政府网站检查报告', site: '网站', sites: '网站数', region: '地区', level: '级别', verdict: '结论', health: '健康状况', vetoes: '单项否决', problems: '问题数', findings: '问题及证据', none: '未发现问题', deductions: '扣分' },
  en: { title: 'Government website audit report', site: 'site', sites: 'sites', region: 'region', level: 'level', verdict: 'verdict', health: 'health', vetoes: 'vetoes', problems: 'problems', findings: 'Problems and evidence', none: 'no problems found', deductions: 'Deductions' },
};

/** The HTML report's content as Markdown, for mail and wikis: the summary table, then a section per site. */
export function* renderMarkdown(report: AuditReport, { lang }: { lang: Lang }): Rendered {
  const t = T[lang];
  const L = LABELS[lang];
  const all = statsOf(report.sites);
  // as the HTML report: a table by region, and a region column, when the sites are of several
  const regions = byRegion(report.sites, (s) => s.region ?? null);
  const regional = regions.length > 1;
  yield endedLines([
    `# ${t.title}`, '',
    `${L.asOf} ${report.asOf} · ${L.profile} ${report.profile} · run ${report.run}${report.sample ? ` · ${escapeMd(report.sample)}` : ''}${report.region ? ` · ${t.region} ${escapeMd(regionLabel(report.region, lang))}` : ''}`, '',
    `${report.sites.length} ${L.sites}: ${L.qualified} ${all.qualified} · ${L.unqualified} ${all.unqualified} · ${L['not-assessed']} ${all['not-assessed']}`, '',
    ...(regional ? [`| ${t.region} | ${t.sites} | ${L.qualified} | ${L.unqualified} | ${L['not-assessed']} | ${L.rate} |`, '|---|---:|---:|---:|---:|---:|',
      ...regions.map(([region, sites]) => [regionLabel(region, lang), statsOf(sites)] as const).map(([label, st]) =>
        `| ${escapeMd(label)} | ${st.checked} | ${st.qualified} | ${st.unqualified} | ${st['not-assessed']} | ${rateText(st)} |`), ''] : []),
    `| ${t.site} |${regional ? ` ${t.region} |` : ''} ${t.level} | ${t.verdict} | ${L.score} | ${t.health} | ${t.vetoes} | ${t.problems} |`, `|---|${regional ? '---|' : ''}---|---|---:|---|---|---:|`,
  ]);
  for (const s of report.sites) {
    yield endedLines([`| ${escapeMd(s.name ?? s.id)} (${escapeMd(s.id)}) |${regional ? ` ${escapeMd(regionLabel(s.region ?? null, lang))} |` : ''} ${levelLabel(s.level, lang)} | ${L[s.verdict]} | ${s.score ?? '—'} | ${L[s.health]} | ${s.vetoes.map((v) => ruleTitle(v, lang)).join('、')} | ${s.findings.length} |`]);
  }
  for (const s of report.sites) {
    const section = ['', `## ${escapeMd(s.name ?? s.id)} (${escapeMd(s.id)})`, '', `${mdLink(s.url)} · ${L[s.verdict]}${s.score !== null ? ` · ${L.score} ${s.score}` : ''} · ${L[s.health]}`];
    const gone = unjudgedNote(s, lang);
    if (gone) section.push('', `**${gone.label}**: ${escapeMd(gone.detail)}`);
    const note = registryNote(s, lang);
    if (note) section.push('', `**${escapeMd(note)}**`);
    if (s.vetoes.length) section.push('', `**${L.veto}**: ${s.vetoes.map((v) => ruleTitle(v, lang)).join('、')}`);
    if (s.deductions.length) section.push('', `${t.deductions}: ${s.deductions.map((d) => `${ruleTitle(d.rule, lang)} −${d.points}`).join('；')}`);
    section.push('', `### ${t.findings}`, '', ...(s.findings.length ? s.findings.map((f) => `- ${findingLine(f, lang)}`) : [t.none]));
    yield endedLines(section);
  }
}
