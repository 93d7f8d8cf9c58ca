import { defineCheck, findings } from './types.js';

/** Deduction 发布解读: "twin reports", near-identical articles with only dates, numbers or names changed (2 per pair). */
export const duplicateArticle = defineCheck({
  meta: { id: 'duplicate-article', title: { zh: '双胞胎稿件', en: 'Twin reports' }, indicator: { zh: '发布解读 · 内容重复', en: 'Publishing · duplicated articles' }, requires: ['home', 'twins'] },
  defaultOptions: {},
  run({ twins }) {
    return findings(twins.map((t) => ({ rule: 'duplicate-article', url: t.pages[0], pages: t.pages, similarity: t.similarity })));
  },
});
