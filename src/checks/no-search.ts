import { defineCheck, findings } from './types.js';

/** Deduction 功能设计: the home page offers no site search. */
export const noSearch = defineCheck({
  meta: { id: 'no-search', title: { zh: '无站内搜索', en: 'No site search' }, indicator: { zh: '功能设计 · 站内搜索', en: 'Function · site search' }, requires: ['home', 'homeUrl'] },
  defaultOptions: {},
  run({ home, homeUrl }) {
    return findings(home.search ? [] : [{ rule: 'no-search', url: homeUrl }]);
  },
});
