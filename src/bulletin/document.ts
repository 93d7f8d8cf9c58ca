import type { PrintDocument } from '../document/blocks.js';
import { LABELS, levelLabel, ruleTitle, type Lang } from '../report/labels.js';
import type { ReportedFinding, SiteReport } from '../report/model.js';
import { shownUrl } from '../report/escape.js';
import type { Bulletin } from './model.js';
import { rateText as rate } from '../report/verdict-stats.js';
import { byRegion, regionLabel } from '../registry/region.js';

/** The main problems of a site in a few words: its vetoes, else its largest deductions. */
function mainProblems(s: SiteReport, lang: Lang): string {
  const list = s.vetoes.length ? s.vetoes : [...s.deductions].sort((a, b) => b.points - a.points).slice(0, 3).map((d) => d.rule);
  return list.map((r) => ruleTitle(r, lang)).join(lang === 'zh' ? '、' : ', ');
}

export function bulletinDocument(b: Bulletin, lang: Lang, office: string): PrintDocument {
  const zh = lang === 'zh';
  const L = LABELS[lang];
  const q = b.quarter;
  const title = zh ? `${q.year}年第${q.q}季度${b.region ?? ''}政府网站检查情况通报` : `Government website inspection bulletin, ${q.label}${b.region ? `, ${regionLabel(b.region, lang)}` : ''}`;
  const name = (s: SiteReport) => `${s.name ?? s.id}（${s.id}）`;
  const problems = (findings: readonly ReportedFinding[]) => findings.map((f) => `${ruleTitle(f.rule, lang)}（${f.id}）`).join(zh ? '；' : '; ') || '—';
  const comparison = b.previous
    ? zh
      ? `上季度（${b.previous.quarter.label}）检查${b.previous.stats.checked}个网站，合格率${rate(b.previous.stats)}；本季度合格率${rate(b.stats)}。`
      : `Last quarter (${b.previous.quarter.label}): ${b.previous.stats.checked} sites checked, ${rate(b.previous.stats)} qualified; this quarter ${rate(b.stats)}.`
    : zh ? `上季度（${q.year}Q${q.q === 1 ? 4 : q.q - 1}）无检查数据，无法比较。` : 'No run in the previous quarter: nothing to compare with.';
  // a site govsite could not assess is neither qualified nor failed: named, left out of the rate, for a check by hand;
  // one whose home page says it has closed or moved, or leads into another registered site, is named apart, for the registry to follow
  const unread = b.notAssessed.filter((s) => !s.closed && !s.mergedInto);
  // a sweep of several provinces is read province by province: a table of them, and the unqualified sites listed by region
  const regional = b.byRegion.length > 1;
  const closed = b.notAssessed.filter((s) => s.closed);
  const merged = b.notAssessed.filter((s) => !s.closed && s.mergedInto);
  // into a site the registry does not hold (its parent domain's): the page it landed on
  const into = (s: SiteReport) => {
    const m = s.mergedInto!;
    return `${name(s)} → ${m.id === null ? m.landing : `${m.name ?? m.id}（${m.id}）`}`;
  };
  // with what stopped the reading of its home page, where the run said (ENOTFOUND: a lapsed name; EPROXYDENIED: this office's proxy)
  const why = (s: SiteReport) => (s.homeStatus ? `${s.name ?? s.id}（${s.id}${zh ? '，' : ', '}${s.homeStatus}）` : name(s));
  const notAssessed = (unread.length === 0 ? '' : zh
    ? `另有${unread.length}个网站未能自动评估，不计入合格率，需人工核查：${unread.map(why).join('、')}。`
    : ` ${unread.length} could not be assessed and are left out of the rate, to be checked by hand: ${unread.map(why).join(', ')}.`)
    + (closed.length === 0 ? '' : zh
      ? `${closed.length}个网站首页公告已关停或迁移，不计入合格率，请核实后调整网站名录：${closed.map(name).join('、')}。`
      : ` ${closed.length} say on their home page that they have closed or moved, and are left out of the rate (to check, and take out of the registry): ${closed.map(name).join(', ')}.`)
    + (merged.length === 0 ? '' : zh
      ? `${merged.length}个网站首页跳转至名录中的其他网站或上级域名的网站，视为已整合，不计入合格率，请核实后调整网站名录：${merged.map(into).join('、')}。`
      : ` ${merged.length} lead into another site of the registry or their parent domain's (merged into it), and are left out of the rate (to check, and take out of the registry): ${merged.map(into).join(', ')}.`);
  return {
    lang, title,
    blocks: [
      { kind: 'title', text: title },
      { kind: 'paragraph', text: zh
        ? `${office}于本季度（${q.start}至${q.end}）开展${b.runs.length}次检查（监测时间点：${b.runs.map((r) => r.asOf).join('、')}），共检查政府网站${b.stats.checked}个，合格${b.stats.qualified}个，合格率${rate(b.stats)}。${notAssessed}评分标准：${b.profile}。`
        : `${office} ran ${b.runs.length} check(s) this quarter (${q.start} to ${q.end}; as of ${b.runs.map((r) => r.asOf).join(', ')}): ${b.stats.checked} sites checked, ${b.stats.qualified} qualified (${rate(b.stats)}).${notAssessed} Profile ${b.profile}.` },
      { kind: 'heading', text: zh ? '一、总体情况' : '1. Overview' },
      { kind: 'table', header: zh ? ['级别', '检查数', '合格数', '合格率'] : ['level', 'checked', 'qualified', 'rate'],
        rows: b.byLevel.map((l) => [levelLabel(l.level, lang), String(l.stats.checked), String(l.stats.qualified), rate(l.stats)]) },
      // a paragraph between the two tables: Word and LibreOffice join tables that touch into one
      ...(regional ? [{ kind: 'paragraph' as const, text: zh ? '分地区检查情况：' : 'By region:' }, { kind: 'table' as const, header: zh ? ['地区', '检查数', '合格数', '合格率'] : ['region', 'checked', 'qualified', 'rate'],
        rows: b.byRegion.map((r) => [regionLabel(r.region, lang), String(r.stats.checked), String(r.stats.qualified), rate(r.stats)]) }] : []),
      { kind: 'paragraph', text: (['active', 'sleeping', 'zombie', 'down'] as const).map((h) => `${L[h]} ${b.byHealth[h]}`).join(zh ? '，' : ', ') + (zh ? '。' : '.') },
      { kind: 'paragraph', text: comparison },
      { kind: 'heading', text: zh ? '二、不合格网站名单' : '2. Unqualified sites' },
      b.unqualified.length
        ? { kind: 'table', header: [...(regional ? [zh ? '地区' : 'region'] : []), ...(zh ? ['网站', '级别', '网址', '主要问题'] : ['site', 'level', 'address', 'main problems'])],
          rows: byRegion(b.unqualified, (s) => (regional ? s.region ?? null : null)).flatMap(([region, sites]) =>
            sites.map((s) => [...(regional ? [regionLabel(region, lang)] : []), name(s), levelLabel(s.level, lang), shownUrl(s.url), mainProblems(s, lang)])) }
        : { kind: 'paragraph', text: zh ? '本季度无不合格网站。' : 'No site was unqualified this quarter.' },
      { kind: 'heading', text: zh ? '三、常见问题' : '3. Most common problems' },
      { kind: 'table', header: zh ? ['问题', '涉及网站数'] : ['problem', 'sites'], rows: b.commonProblems.slice(0, 10).map((p) => [ruleTitle(p.rule, lang), String(p.sites)]) },
      { kind: 'heading', text: zh ? '四、整改不到位的网站' : '4. Problems notified before and still open' },
      b.stillOpen.length
        ? { kind: 'table', header: zh ? ['网站', '通知依据的检查', '仍存在的问题', '无法核实的问题', '首次发现'] : ['site', 'notified after the check of', 'still open', 'not verifiable', 'first seen'],
          rows: b.stillOpen.map((o) => [name(o.site), o.since.asOf, problems(o.findings), problems(o.unverified), [...o.findings, ...o.unverified].reduce((min, f) => (f.firstSeen < min ? f.firstSeen : min), '9999')]) }
        : { kind: 'paragraph', text: b.notified
          ? zh ? `此前通知整改的${b.notified}个网站，所通知的问题均已整改。` : `The ${b.notified} site(s) notified before have fixed every notified problem.`
          : zh ? '此前无不合格的检查记录，无需复查。' : 'No earlier check found a site unqualified: nothing to follow up.' },
      { kind: 'paragraph', text: zh ? '请不合格网站的主办单位在15个工作日内完成整改并报送整改情况。' : 'Owners of unqualified sites: rectify within 15 working days and report back.' },
      { kind: 'paragraph', text: office, align: 'right' },
    ],
  };
}
