import { defineCheck, findings } from './types.js';

/**
 * Deduction 功能设计: a broken link, 1 point on the home page and 0.1 elsewhere (profile rates). A
 * guide's form or attachment is attachment-broken's: one problem is not counted by two rules (SPEC §3.2).
 */
export const deadLink = defineCheck({
  meta: { id: 'dead-link', title: { zh: '链接不可用', en: 'Dead link' }, indicator: { zh: '功能设计 · 链接可用性', en: 'Function · link availability' }, requires: ['home', 'brokenLinks', 'guides', 'homeUrl'] },
  defaultOptions: {},
  run({ brokenLinks, guides }) {
    // one finding per target and page: the same dead target on two pages is two broken links to fix
    const seen = new Set(guides.flatMap((g) => g.attachments.map((a) => `${g.url} ${a.target}`)));
    return findings(brokenLinks.filter((b) => {
      const key = `${b.fromUrl} ${b.target}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).map((b) => ({ rule: 'dead-link', url: b.fromUrl, class: b.onHomepage ? 'homepage' : 'other', target: b.target, status: b.status, ...(b.soft404 ? { soft404: true } : {}), onHomepage: b.onHomepage, text: b.text })));
  },
});
