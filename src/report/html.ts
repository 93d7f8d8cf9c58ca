import { escapeHtml } from './escape.js';
import { evidenceOf } from './evidence.js';
import { freshnessGrid, rulesChart, scoreChart } from './html-charts.js';
import { evidenceLink, htmlFrame } from './html-page.js';
import { TABLE_SCRIPT, TABLE_SCRIPT_HASH } from './html-script.js';
import { categoryLabel, unjudgedNote, LABELS, levelLabel, registryNote, ruleTitle, type Lang } from './labels.js';
import type { AuditReport, SiteReport } from './model.js';
import { separated, type Rendered } from './rendered.js';
import { byRegion, regionLabel } from '../registry/region.js';
import { groupBy } from '../group-by.js';
import { rateText, statsOf } from './verdict-stats.js';

const T = {
  zh: {
    title: '政府网站检查报告', summary: '总体情况', byLevel: '分级情况', level: '级别', byRegion: '分地区情况', region: '地区', charts: '图表', table: '网站列表', filter: '筛选网站…', all: '全部结论', allRegions: '全部地区',
    site: '网站', verdict: '结论', health: '健康状况', vetoes: '单项否决', problems: '问题数', deadLinks: '死链', findings: '问题及证据', rule: '问题',
    evidence: '证据', page: '页面', firstSeen: '首次发现', columns: '栏目', column: '栏目', category: '类别', lastUpdate: '最近更新', items: '条目', empty: '空白', scripted: '由脚本加载，未读取', notCrawled: '未抓取', certificate: '证书未通过验证',
    letters: '留言办理', probes: '可用性探测', noProbes: '无探测记录', deductions: '扣分', points: '扣分', count: '次数', sample: '抽查样本', run: '检查批次',
    none: '未发现问题', back: '返回列表', total: '网站总数', notAssessedRules: '未能评估的指标',
    lettersLine: (l: SiteReport['letters']) => `共${l.total}件，已回复${l.answered}件，未回复${l.unanswered}件，超期${l.overdue}件${l.medianReplyDays !== null ? `，回复用时中位数${l.medianReplyDays}天` : ''}`,
  },
  en: {
    title: 'Government website audit report', summary: 'Summary', byLevel: 'By level', level: 'level', byRegion: 'By region', region: 'region', charts: 'Charts', table: 'Sites', filter: 'Filter sites…', all: 'all verdicts', allRegions: 'all regions',
    site: 'site', verdict: 'verdict', health: 'health', vetoes: 'vetoes', problems: 'problems', deadLinks: 'dead links', findings: 'Problems and evidence', rule: 'problem',
    evidence: 'evidence', page: 'page', firstSeen: 'first seen', columns: 'Columns', column: 'column', category: 'category', lastUpdate: 'last update', items: 'items', empty: 'empty', scripted: 'filled by script, not read', notCrawled: 'not crawled', certificate: 'certificate not verified',
    letters: 'Letters', probes: 'Availability probes', noProbes: 'no probes', deductions: 'Deductions', points: 'points', count: 'count', sample: 'sample', run: 'run',
    none: 'no problems found', back: 'back to the list', total: 'sites', notAssessedRules: 'rules not assessed',
    lettersLine: (l: SiteReport['letters']) => `${l.total}: ${l.answered} answered, ${l.unanswered} unanswered, ${l.overdue} overdue${l.medianReplyDays !== null ? `, median reply ${l.medianReplyDays} days` : ''}`,
  },
};

const VERDICTS = ['qualified', 'unqualified', 'not-assessed'] as const;
const HEALTHS = ['active', 'sleeping', 'zombie', 'down'] as const;

/** The report as one self-contained page: summary, charts, a sortable and filterable site table, a section per site. */
export function* renderHtml(report: AuditReport, { lang }: { lang: Lang }): Rendered {
  const t = T[lang];
  const L = LABELS[lang];
  const count = <K extends keyof SiteReport>(key: K, value: SiteReport[K]) => report.sites.filter((s) => s[key] === value).length;
  const cards = [
    `<div class="card">${t.total}<b>${report.sites.length}</b></div>`,
    ...VERDICTS.map((v) => `<div class="card ${v}">${L[v]}<b>${count('verdict', v)}</b></div>`),
    ...HEALTHS.map((h) => `<div class="card">${L[h]}<b>${count('health', h)}</b></div>`),
  ].join('');
  // a group's sites by verdict and its qualification rate (over the sites assessed, as the bulletin counts it), a row of the level and region tables
  const groupRow = (label: string, sites: readonly SiteReport[]) => {
    const st = statsOf(sites);
    return `<tr><td>${label}</td><td>${st.checked}</td>${VERDICTS.map((v) => `<td>${st[v]}</td>`).join('')}<td>${rateText(st)}</td></tr>`;
  };
  const groupHead = (name: string) => `<thead><tr><th>${name}</th><th>${t.total}</th>${VERDICTS.map((v) => `<th>${L[v]}</th>`).join('')}<th>${L.rate}</th></tr></thead>`;
  const levelRows = [...groupBy(report.sites, (s) => s.level)].map(([level, sites]) => groupRow(escapeHtml(levelLabel(level, lang)), sites)).join('');
  // a sweep of several provinces (a national one: 31) is read province by province; one region needs no table, nor a column
  const regions = byRegion(report.sites, (s) => s.region ?? null);
  const regional = regions.length > 1;
  const meta = [`${L.asOf} ${report.asOf}`, `${L.profile} ${report.profile}`, `${t.run} ${report.run}`, ...(report.sample ? [`${t.sample} ${report.sample}`] : []),
    ...(report.region ? [`${t.region} ${regionLabel(report.region, lang)}`] : [])];
  const { head, tail } = htmlFrame({ lang, title: `${t.title} · ${report.asOf}`, script: { source: TABLE_SCRIPT, hash: TABLE_SCRIPT_HASH } });
  yield `${head}
<h1>${t.title}</h1>
<p class="muted">${meta.map(escapeHtml).join(' · ')} · govsite ${escapeHtml(report.tool.version)}</p>
<h2 id="summary">${t.summary}</h2>
<div class="cards">${cards}</div>
<h3>${t.byLevel}</h3>
<table id="levels">${groupHead(t.level)}<tbody>${levelRows}</tbody></table>
${regional ? `<h3>${t.byRegion}</h3>\n<table id="regions">${groupHead(t.region)}<tbody>${regions.map(([region, sites]) => groupRow(`<a href="#list" data-region="${escapeHtml(regionKey(region))}">${escapeHtml(regionLabel(region, lang))}</a>`, sites)).join('')}</tbody></table>\n` : ''}<h2 id="charts">${t.charts}</h2>
${scoreChart(report, lang)}
${rulesChart(report, lang)}
${freshnessGrid(report, lang)}
<h2 id="list">${t.table}</h2>
<div class="controls"><input id="filter" type="search" placeholder="${t.filter}"><select id="verdict-filter"><option value="">${t.all}</option>${VERDICTS.map((v) => `<option value="${v}">${L[v]}</option>`).join('')}</select>${regional
  ? `<select id="region-filter"><option value="">${t.allRegions}</option>${regions.map(([region]) => `<option value="${escapeHtml(regionKey(region))}">${escapeHtml(regionLabel(region, lang))}</option>`).join('')}</select>` : ''}</div>
<div class="lazy" style="contain-intrinsic-size:auto ${40 + 36 * report.sites.length}px"><table id="sites"><thead><tr><th>${t.site}</th>${regional ? `<th>${t.region}</th>` : ''}<th>${t.level}</th><th>${t.verdict}</th><th data-type="number">${L.score}</th><th>${t.health}</th><th>${t.vetoes}</th><th data-type="number">${t.problems}</th><th data-type="number">${t.deadLinks}</th></tr></thead>
<tbody>`;
  yield* separated(report.sites, '\n', (s) => siteRow(s, lang, regional));
  yield '</tbody></table></div>\n';
  yield* separated(report.sites, '\n', (s) => siteSection(s, lang));
  yield tail;
}

/** a region as the site table's filter names it: `-` for none said (an empty value is every region) */
const regionKey = (region: string | null) => region ?? '-';

const anchor = (id: string) => `site-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function siteRow(s: SiteReport, lang: Lang, regional: boolean): string {
  const L = LABELS[lang];
  return `<tr data-verdict="${s.verdict}"${regional ? ` data-region="${escapeHtml(regionKey(s.region ?? null))}"` : ''}><td><a href="#${anchor(s.id)}">${escapeHtml(s.name ?? s.id)}</a> <span class="muted">${escapeHtml(s.id)}</span></td>${regional ? `<td>${escapeHtml(regionLabel(s.region ?? null, lang))}</td>` : ''}<td>${escapeHtml(levelLabel(s.level, lang))}</td>`
    + `<td class="${s.verdict}">${L[s.verdict]}</td><td data-sort="${s.score ?? ''}">${s.score ?? '—'}</td><td>${L[s.health]}</td><td>${s.vetoes.map((v) => escapeHtml(ruleTitle(v, lang))).join('、')}</td>`
    + `<td>${s.findings.length}</td><td>${s.stats.deadLinks}</td></tr>`;
}

function siteSection(s: SiteReport, lang: Lang): string {
  const t = T[lang];
  const L = LABELS[lang];
  const findings = s.findings.length
    ? `<table class="findings"><thead><tr><th>${t.rule}</th><th>${t.evidence}</th><th>${t.page}</th><th>${t.firstSeen}</th></tr></thead><tbody>${s.findings.map((f) =>
      `<tr id="${escapeHtml(f.id)}"><td>${escapeHtml(ruleTitle(f.rule, lang))}<br><span class="muted">${escapeHtml(f.id)}</span></td><td class="evidence">${evidenceOf(f, lang).map(([k, v]) => `${escapeHtml(k)}: ${evidenceLink(v)}`).join('<br>')}</td><td class="evidence">${evidenceLink(f.url)}</td><td>${escapeHtml(f.firstSeen)}</td></tr>`).join('')}</tbody></table>`
    : `<p>${t.none}</p>`;
  const deductions = s.deductions.length
    ? `<p>${t.deductions}: ${s.deductions.map((d) => `${escapeHtml(ruleTitle(d.rule, lang))} −${d.points}${d.count > 1 ? ` (${d.count})` : ''}`).join('；')}</p>` : '';
  const columns = s.columns.length
    ? `<h4>${t.columns}</h4><table class="columns"><thead><tr><th>${t.column}</th><th>${t.category}</th><th>${t.lastUpdate}</th><th>${t.items}</th></tr></thead><tbody>${s.columns.map((c) =>
      `<tr><td>${evidenceLink(c.url, c.name)}</td><td>${escapeHtml(categoryLabel(c.category, lang))}</td><td>${c.list === 'script' ? t.scripted : c.list === 'not-crawled' ? t.notCrawled : c.empty ? t.empty : escapeHtml(c.lastUpdate ?? '—')}</td><td>${c.items}</td></tr>`).join('')}</tbody></table>` : '';
  const l = s.letters;
  const gone = unjudgedNote(s, lang);
  const note = registryNote(s, lang);
  const probes = s.probes.count ? `${s.probes.count} / ${s.probes.failed} (${((s.probes.failRate ?? 0) * 100).toFixed(1)} %)` : t.noProbes;
  return `<section class="site" id="${anchor(s.id)}">
<h2>${escapeHtml(s.name ?? s.id)} <span class="muted">${escapeHtml(s.id)}</span></h2>
<p>${evidenceLink(s.url)} · ${escapeHtml(levelLabel(s.level, lang))} · <span class="${s.verdict}">${L[s.verdict]}</span>${s.score !== null ? ` · ${L.score} ${s.score}` : ''} · ${L[s.health]}${s.certificate ? ` · <span class="unqualified">${t.certificate}: ${escapeHtml(s.certificate)}</span>` : ''}</p>
${gone ? `<p class="not-assessed">${escapeHtml(gone.label)}: ${escapeHtml(gone.detail)}</p>` : ''}${note ? `<p class="not-assessed">${escapeHtml(note)}</p>` : ''}${s.vetoes.length ? `<p class="unqualified">${L.veto}: ${s.vetoes.map((v) => escapeHtml(ruleTitle(v, lang))).join('、')}</p>` : ''}${deductions}
${s.notAssessed.length ? `<p class="muted">${t.notAssessedRules}: ${s.notAssessed.map((r) => escapeHtml(ruleTitle(r, lang))).join('、')}</p>` : ''}
<h4>${t.findings}</h4>${findings}${columns}
<p>${t.letters}: ${t.lettersLine(l)} · ${t.probes}: ${probes}</p>
<p><a href="#list">${t.back}</a></p>
</section>`;
}
