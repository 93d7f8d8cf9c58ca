import { defineCheck, findings } from './types.js';

/** Deduction 办事服务: a service guide missing element categories (1 per guide; ≥ 5 hollow guides is services-not-practical's veto). */
export const guideMissingElements = defineCheck({
  meta: { id: 'guide-missing-elements', title: { zh: '办事指南要素缺失', en: 'Service guide incomplete' }, indicator: { zh: '办事服务 · 办事指南', en: 'Services · guides' }, requires: ['home', 'guides'] },
  defaultOptions: {},
  run({ guides }) {
    return findings(guides.filter((g) => g.missing.length > 0).map((g) => ({ rule: 'guide-missing-elements', url: g.url, title: g.title, missing: g.missing })));
  },
});
