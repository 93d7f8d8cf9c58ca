import type { RunDiff, SiteDiff } from '../history/diff.js';
import { escapeMd } from './escape.js';
import { LABELS, type Lang } from './labels.js';
import { findingLine } from './markdown.js';
import { endedLines, type Rendered } from './rendered.js';

const T = {
  zh: { title: '整改情况对比', site: '网站', verdict: '结论', fixed: '已整改', open: '仍存在', new: '新发现', unverified: '无法核实', absent: '未检查', none: '两次检查之间没有变化。' },
  en: { title: 'Problems between runs', site: 'site', verdict: 'verdict', fixed: 'fixed', open: 'still open', new: 'new', unverified: 'not verifiable', absent: 'not checked', none: 'Nothing changed between the two runs.' },
};

/** `govsite diff` as Markdown: readable in a terminal, a mail or a wiki; the table, then a section per changed site. */
export function* renderDiffMd(diff: RunDiff, lang: Lang): Rendered {
  const t = T[lang];
  const L = LABELS[lang];
  const verdict = (v: SiteDiff['verdict']['from']) => (v ? L[v] : t.absent);
  yield endedLines([
    `# ${t.title}: run ${diff.from.run} (${diff.from.asOf}) → run ${diff.to.run} (${diff.to.asOf}) · ${diff.profile}`, '',
    `| ${t.site} | ${t.verdict} | ${t.fixed} | ${t.open} | ${t.new} | ${t.unverified} |`, '|---|---|---:|---:|---:|---:|',
  ]);
  for (const s of diff.sites) {
    yield endedLines([`| ${escapeMd(s.name ?? s.id)} (${escapeMd(s.id)}) | ${verdict(s.verdict.from)} → ${verdict(s.verdict.to)} | ${s.fixed.length} | ${s.open.length} | ${s.new.length} | ${s.unverified.length} |`]);
  }
  const changed = diff.sites.filter((s) => s.fixed.length || s.new.length || s.unverified.length || s.verdict.from !== s.verdict.to);
  if (!changed.length) yield endedLines(['', t.none]);
  for (const s of changed) {
    const section = ['', `## ${escapeMd(s.name ?? s.id)} (${escapeMd(s.id)})`, '', `${t.verdict}: ${verdict(s.verdict.from)} → ${verdict(s.verdict.to)}`];
    for (const [label, list] of [[t.fixed, s.fixed], [t.new, s.new], [t.unverified, s.unverified]] as const) {
      if (list.length) section.push('', `### ${label} (${list.length})`, '', ...list.map((f) => `- ${findingLine(f, lang)}`));
    }
    yield endedLines(section);
  }
}
