/** Column categories of SPEC §4, with the names that give them away. */
export type ColumnCategory = 'news' | 'notice' | 'policy' | 'personnel-plan' | 'consultation' | 'survey' | 'interview' | 'service' | 'static' | 'other';

/** The words of a consultation channel (SPEC §4), in a column's name or on a mailbox entry. */
export const CONSULTATION = /信箱|咨询|留言|问政|写信|12345/;

// order matters: the first category whose pattern matches wins (政策解读 is policy, not news)
const RULES: readonly [ColumnCategory, RegExp][] = [
  ['consultation', CONSULTATION],
  ['survey', /征集|调查|意见征求|问卷/],
  ['interview', /访谈|直播/],
  // portals name their services 为民服务 / 为企服务 / 服务 (www.gov.cn, Shanxi) or 一网通办; a 街道办事处 is an office, not a service
  ['service', /办事(?!处)|服务指南|政务服务|表格下载|便民服务|为民服务|为企服务|一网通办|我要办|^服务$/],
  ['policy', /政策|法规|规范性文件|政府文件|部门文件|文件资料|文件/],
  ['notice', /通知|公告|公示|通告/],
  ['personnel-plan', /(?<!军)人事|任免|招录|招聘|规划|计划|总结/],
  ['news', /要闻|动态|新闻|图片新闻|工作进展|资讯|头条|联播/],
  ['static', /机构职能|领导简介|领导信息|领导之窗|概况|简介|职能|机构设置/],
];

/** Consultation channels that are not consultation: petitions and discipline reports. */
export const NOT_CONSULTATION = /信访|纪检|举报|监督|投诉/;

export function classifyColumn(name: string, breadcrumb: readonly string[] = []): ColumnCategory {
  for (const text of [name, ...[...breadcrumb].reverse()]) {
    for (const [category, pattern] of RULES) {
      if (pattern.test(text) && !(category === 'consultation' && NOT_CONSULTATION.test(text))) return category;
    }
  }
  return 'other';
}
