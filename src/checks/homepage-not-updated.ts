import { daysBetween } from '../extract/dates.js';
import { defineCheck, findings } from './types.js';

/**
 * Veto: no dated item on the home page within 14 days. A navigation-only home page (no dated item
 * at all) is judged by its columns' newest items instead. Low volume belongs to homepage-low-volume.
 */
export const homepageNotUpdated = defineCheck({
  meta: { id: 'homepage-not-updated', title: { zh: '首页长期未更新', en: 'Home page not updated' },
    indicator: { zh: '单项否决 · 首页栏目信息超过2周未更新', en: 'Veto · no home page update in 2 weeks' }, requires: ['home', 'homeItems', 'columns', 'homeUrl'] },
  defaultOptions: { days: 14 },
  run({ home, homeItems, columns, homeUrl }, { asOf, options }) {
    if (!home) return { kind: 'not-assessed', reason: 'the home page was not fetched' };
    const dated = homeItems.map((i) => i.date!).filter((d) => d <= asOf);
    // a home page with no dates of its own is navigation only: its second-level pages count
    const pool = dated.length > 0 ? dated : columns.map((c) => c.lastUpdate).filter((d): d is string => d !== null && d <= asOf);
    const lastUpdate = pool.sort().pop() ?? null;
    if (lastUpdate !== null && daysBetween(lastUpdate, asOf) <= options.days) return findings([]);
    return findings([{ rule: 'homepage-not-updated', url: homeUrl, lastUpdate }]);
  },
});
