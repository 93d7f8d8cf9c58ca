import { ALL_CHECKS } from '../checks/index.js';
import type { SiteReport } from './model.js';
import { statusText } from './status-text.js';

export type Lang = 'zh' | 'en';

/** Report chrome in both languages; rule titles come from the checks themselves. */
export const LABELS = {
  zh: { qualified: '合格', unqualified: '不合格', 'not-assessed': '未评估', active: '活跃', sleeping: '睡眠', zombie: '僵尸', down: '无法访问', score: '得分', sites: '个网站', total: '合计', rate: '合格率', veto: '否决', noProblems: '未发现问题', homeUnread: '首页无法读取，未能评估', closed: '首页称网站已关停或迁移，未予评估', merged: '首页跳转至名录中的另一网站，视为已整合，未予评估', mergedUp: '首页跳转至上级域名的网站，视为已整合，未予评估', asOf: '监测时间点', profile: '评分标准' },
  en: { qualified: 'qualified', unqualified: 'unqualified', 'not-assessed': 'not assessed', active: 'active', sleeping: 'sleeping', zombie: 'zombie', down: 'down', score: 'score', sites: 'sites', total: 'total', rate: 'qualified rate', veto: 'veto', noProblems: 'no problems found', homeUnread: 'the home page could not be read: not assessed', closed: 'the home page says the site has closed or moved: not assessed', merged: 'the home page leads into another site of the registry: merged, not assessed', mergedUp: 'the home page leads into its parent domain\'s site: merged, not assessed', asOf: 'as of', profile: 'profile' },
} as const;

/** rule ids and the finer finding ids the checks declare, with their titles */
const TITLES = new Map(ALL_CHECKS.flatMap((c) => [[c.meta.id, c.meta.title] as const, ...Object.entries(c.meta.findings ?? {})]));

export function ruleTitle(rule: string, lang: Lang): string {
  return TITLES.get(rule)?.[lang] ?? rule;
}

export const levelLabel = (level: string | null, lang: Lang): string =>
  level === null ? '—' : lang === 'zh' ? ({ province: '省级', city: '市级', county: '县级', town: '乡镇', department: '部门' } as Record<string, string>)[level] ?? level : level;

/** A column's category (SPEC §4) as a Chinese reader knows it; its id in English. */
export const categoryLabel = (category: string, lang: Lang): string => (lang === 'zh' ? CATEGORIES_ZH[category] ?? category : category);
const CATEGORIES_ZH: Record<string, string> = {
  news: '动态要闻', notice: '通知公告', policy: '政策文件', 'personnel-plan': '人事/规划计划', consultation: '政务咨询', survey: '调查征集',
  interview: '在线访谈', service: '办事服务', static: '概况信息', other: '其他',
};

/**
 * Why a site is not judged at all — its home page says it closed or moved, leads into another
 * registered site, or could not be read — with the evidence (plain text, to be escaped by the
 * renderer); else null.
 */
export function unjudgedNote(s: Pick<SiteReport, 'closed' | 'mergedInto' | 'homeStatus'>, lang: Lang): { label: string; detail: string } | null {
  if (s.closed) return { label: LABELS[lang].closed, detail: s.closed };
  // ENOTFOUND (a lapsed domain), a 404, this machine's proxy refusing it: each asks something else of an inspector
  if (s.homeStatus) return { label: LABELS[lang].homeUnread, detail: statusText(s.homeStatus, false, lang) };
  const m = s.mergedInto;
  if (!m) return null;
  // a site the registry does not hold (its parent domain's) is named by the page it landed on
  const site = m.id === null ? '' : lang === 'zh' ? `${m.name ?? m.id}（${m.id}） ` : `${m.name ?? m.id} (${m.id}) `;
  return { label: LABELS[lang][m.id === null ? 'mergedUp' : 'merged'], detail: `${site}${m.landing ?? ''}`.trim() };
}

/** A caution on the registry: its address for the site is an inner page of the site at a root (see innerPageOf). */
export function registryNote(s: Pick<SiteReport, 'innerPageOf'>, lang: Lang): string | null {
  if (!s.innerPageOf) return null;
  return lang === 'zh' ? `登记地址为网站内页（其“首页”链接指向 ${s.innerPageOf}），请核对网站名录` : `the registered address is an inner page (its 首页 link leads to ${s.innerPageOf}): check the registry`;
}
