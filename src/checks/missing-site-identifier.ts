import { defineCheck, findings } from './types.js';

/** Deduction 功能设计: the footer lacks 网站标识码, ICP备案, 公安备案 or the 党政机关 badge (1 point each). */
export const missingSiteIdentifier = defineCheck({
  meta: { id: 'missing-site-identifier', title: { zh: '页脚标识缺失', en: 'Footer identifier missing' }, indicator: { zh: '功能设计 · 网站标识', en: 'Function · site identifiers' }, requires: ['home', 'homeUrl'] },
  defaultOptions: {},
  run({ home, homeUrl }) {
    const { siteId, icp, police, badge } = home.identifiers;
    const missing = [siteId ? null : '网站标识码', icp ? null : 'ICP备案', police ? null : '公安备案', badge ? null : '党政机关标识'].filter((m): m is string => m !== null);
    return findings(missing.map((m) => ({ rule: 'missing-site-identifier', url: homeUrl, missing: [m] })));
  },
});
