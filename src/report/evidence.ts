import type { Finding } from '../checks/types.js';
import { categoryLabel, type Lang } from './labels.js';
import { statusText } from './status-text.js';

/** SPEC §5 evidence fields, named for a reader. */
const FIELDS: Record<string, { zh: string; en: string }> = {
  target: { zh: '链接', en: 'link' }, status: { zh: '状态', en: 'status' }, text: { zh: '文字', en: 'text' }, onHomepage: { zh: '首页', en: 'on home page' },
  column: { zh: '栏目', en: 'column' }, category: { zh: '类别', en: 'category' }, lastUpdate: { zh: '最近更新', en: 'last update' }, limitDays: { zh: '时限（天）', en: 'limit (days)' },
  label: { zh: '入口', en: 'entry' }, href: { zh: '链接', en: 'link' }, title: { zh: '标题', en: 'title' }, asked: { zh: '来信日期', en: 'asked' },
  daysOpen: { zh: '未回复天数', en: 'days open' }, count: { zh: '数量', en: 'count' }, share: { zh: '占比', en: 'share' }, sample: { zh: '示例', en: 'sample' },
  pages: { zh: '页面', en: 'pages' }, similarity: { zh: '相似度', en: 'similarity' }, terms: { zh: '词语', en: 'terms' }, hidden: { zh: '隐藏', en: 'hidden' },
  targets: { zh: '指向', en: 'targets' }, date: { zh: '日期', en: 'date' }, reason: { zh: '原因', en: 'reason' }, missing: { zh: '缺少', en: 'missing' },
  unchangedSince: { zh: '首页内容未变化起始日', en: 'unchanged since' },
  silentNewsOrNotices: { zh: '动态要闻及一级通知公告政策文件未按时更新栏目数', en: 'silent news and first-level notice/policy columns' },
  stale: { zh: '应更新未更新栏目数', en: 'stale columns' }, empty: { zh: '空白栏目数', en: 'empty columns' }, columns: { zh: '涉及栏目', en: 'columns' },
  sampleUrl: { zh: '示例来信', en: 'sample letter' }, medianWorkingDays: { zh: '答复用时中位数（工作日）', en: 'median reply time (working days)' }, letters: { zh: '来信数', en: 'letters' },
  probes: { zh: '探测次数', en: 'probes' }, failed: { zh: '失败次数', en: 'failed' }, failRate: { zh: '失败率', en: 'fail rate' }, days: { zh: '天数', en: 'days' },
  asOf: { zh: '监测时间点', en: 'as-of date' }, readOn: { zh: '抓取日期', en: 'read on' }, urlDate: { zh: '链接地址中的日期', en: 'date in its URL' }, page: { zh: '所在页面', en: 'shown on' },
};
/** A forged date's reason (a code: see serious-error) in words. */
const REASONS: Record<string, { zh: string; en: string }> = {
  'after-as-of': { zh: '晚于监测时间点', en: 'later than the as-of date' },
  'after-read': { zh: '晚于抓取该网站之日', en: 'later than the day the site was read' },
  'url-date': { zh: '与链接地址中的日期相差一年以上', en: 'over a year from the date in its URL' },
};
/** Evidence values that are codes, in words; a code without words (a reason stored by an earlier version: a sentence) as it is. */
const WORDS: Record<string, (code: string, lang: Lang, finding: Finding) => string> = {
  status: (code, lang, finding) => statusText(code, finding['soft404'] === true, lang),
  category: (code, lang) => categoryLabel(code, lang),
  reason: (code, lang) => REASONS[code]?.[lang] ?? code,
};
/** not shown as a pair: the finding's frame, and a soft 404, which its status's words say */
const NOT_EVIDENCE = new Set(['rule', 'url', 'id', 'firstSeen', 'class', 'soft404']);

/** The observed values of a finding as label/value pairs (plain text: every renderer escapes for its format). */
export function evidenceOf(finding: Finding, lang: Lang): [string, string][] {
  return Object.entries(finding).filter(([k]) => !NOT_EVIDENCE.has(k))
    .map(([k, v]) => [FIELDS[k]?.[lang] ?? k, typeof v === 'string' && Object.hasOwn(WORDS, k) ? WORDS[k]!(v, lang, finding) : valueText(v, lang)]);
}

export function evidenceText(finding: Finding, lang: Lang): string {
  return evidenceOf(finding, lang).map(([k, v]) => `${k}${lang === 'zh' ? '：' : ': '}${v}`).join(lang === 'zh' ? '；' : '; ');
}

function valueText(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => valueText(x, lang)).join(lang === 'zh' ? '、' : ', ');
  return String(v);
}
