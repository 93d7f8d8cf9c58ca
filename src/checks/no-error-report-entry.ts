import { defineCheck, findings } from './types.js';

/** Deduction 功能设计: the home page has no 我为政府网站找错 entry. */
export const noErrorReportEntry = defineCheck({
  meta: { id: 'no-error-report-entry', title: { zh: '无“我为政府网站找错”入口', en: 'No error-report entry' }, indicator: { zh: '功能设计 · 找错入口', en: 'Function · error-report entry' }, requires: ['home', 'homeUrl'] },
  defaultOptions: {},
  run({ home, homeUrl }) {
    return findings(home.errorReportEntry ? [] : [{ rule: 'no-error-report-entry', url: homeUrl }]);
  },
});
