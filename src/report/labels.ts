import { ALL_CHECKS } from '../checks/index.js';

export type Lang = 'zh' | 'en';

/** Report chrome in both languages; rule titles come from the checks themselves. */
export const LABELS = {
  zh: { qualified: '合格', unqualified: '不合格', 'not-assessed': '未评估', active: '活跃', sleeping: '睡眠', zombie: '僵尸', down: '无法访问', score: '得分', sites: '个网站', total: '合计', veto: '否决', noProblems: '未发现问题', homeUnread: '首页无法读取，未能评估', closed: '首页称网站已关停或迁移，未予评估', asOf: '监测时间点', profile: '评分标准' },
  en: { qualified: 'qualified', unqualified: 'unqualified', 'not-assessed': 'not assessed', active: 'active', sleeping: 'sleeping', zombie: 'zombie', down: 'down', score: 'score', sites: 'sites', total: 'total', veto: 'veto', noProblems: 'no problems found', homeUnread: 'the home page could not be read: not assessed', closed: 'the home page says the site has closed or moved: not assessed', asOf: 'as of', profile: 'profile' },
} as const;

/** rule ids and the finer finding ids the checks declare, with their titles */
const TITLES = new Map(ALL_CHECKS.flatMap((c) => [[c.meta.id, c.meta.title] as const, ...Object.entries(c.meta.findings ?? {})]));

export function ruleTitle(rule: string, lang: Lang): string {
  return TITLES.get(rule)?.[lang] ?? rule;
}

export const levelLabel = (level: string | null, lang: Lang): string =>
  level === null ? '—' : lang === 'zh' ? ({ province: '省级', city: '市级', county: '县级', town: '乡镇', department: '部门' } as Record<string, string>)[level] ?? level : level;
