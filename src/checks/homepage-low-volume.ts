import { daysBetween } from '../extract/dates.js';
import { defineCheck, findings } from './types.js';

/** Deduction 发布解读: fewer than 10 new home-page items in 14 days (a silent home page is homepage-not-updated's veto). */
export const homepageLowVolume = defineCheck({
  meta: { id: 'homepage-low-volume', title: { zh: '首页更新量不足', en: 'Few home page updates' }, indicator: { zh: '发布解读 · 首页更新量', en: 'Publishing · home page volume' }, requires: ['home', 'homeItems', 'homeUrl'] },
  defaultOptions: { items: 10, days: 14 },
  run({ home, homeItems, homeUrl }, { asOf, options }) {
    const recent = new Set(homeItems.filter((i) => i.date! <= asOf && daysBetween(i.date!, asOf) <= options.days).map((i) => i.href)).size;
    // a list the home page fills by script is not counted: too few readable items is no evidence of too few
    if (recent < options.items && home.scriptedList) return { kind: 'not-assessed', reason: `${recent} new items could be read; the home page also fills a list by script` };
    // none at all is the veto's finding, not also this one
    return findings(recent > 0 && recent < options.items ? [{ rule: 'homepage-low-volume', url: homeUrl, count: recent }] : []);
  },
});
