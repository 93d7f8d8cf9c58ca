import { daysBetween } from '../extract/dates.js';
import { unchangedSince } from '../facts/home-observations.js';
import { defineCheck, findings } from './types.js';

/**
 * Veto: no dated item on the home page within 14 days. A navigation-only home page (no dated item
 * at all) is judged by its columns' newest items instead. Observation overrules printed dates: a
 * home page that runs and probes have seen listing the same items for more than 14 days was not
 * updated, whatever dates it shows (unchangedSince is the evidence). Low volume is homepage-low-volume's.
 * Lists filled by script are not read: with no dated item to read at all, the rule is not assessed.
 * A home page whose readable items are stale but which also fills a list by script is not assessed
 * when its columns were updated within the window (that list may well show them); with every
 * readable date stale, the veto stands.
 */
export const homepageNotUpdated = defineCheck({
  meta: { id: 'homepage-not-updated', title: { zh: '首页长期未更新', en: 'Home page not updated' },
    indicator: { zh: '单项否决 · 首页栏目信息超过2周未更新', en: 'Veto · no home page update in 2 weeks' }, requires: ['home', 'homeItems', 'columns', 'homeUrl', 'homeObservations'] },
  defaultOptions: { days: 14 },
  run({ home, homeItems, columns, homeUrl, homeObservations }, { asOf, options }) {
    // a site that says it has closed or moved is no longer one to judge (see closed-notice.ts)
    if (home.closedNotice) return { kind: 'not-assessed', reason: `the home page says the site has closed or moved: "${home.closedNotice}"` };
    const dated = homeItems.map((i) => i.date!).filter((d) => d <= asOf);
    // a home page with no dates of its own is navigation only: its second-level pages count
    const pool = dated.length > 0 ? dated : columns.map((c) => c.lastUpdate).filter((d): d is string => d !== null && d <= asOf);
    const lastUpdate = [...pool].sort().pop() ?? null;
    // nothing dated to read where the lists are filled by script: a browser would show them, govsite cannot
    if (lastUpdate === null && (home.scriptedList || columns.some((c) => c.scripted))) {
      return { kind: 'not-assessed', reason: 'no dated item could be read: the home page or its columns fill their lists by script' };
    }
    const since = unchangedSince(homeObservations);
    const observedUnchanged = since !== null && daysBetween(since, asOf) > options.days;
    const within = (d: string | null) => d !== null && d <= asOf && daysBetween(d, asOf) <= options.days;
    if (within(lastUpdate) && !observedUnchanged) return findings([]);
    const freshColumn = home.scriptedList && dated.length > 0 ? columns.map((c) => c.lastUpdate).filter(within).sort().pop() : undefined;
    if (freshColumn) {
      return { kind: 'not-assessed', reason: `the home page's newest readable item is ${lastUpdate}, but it also fills a list by script, and a column was updated on ${freshColumn}` };
    }
    return findings([{ rule: 'homepage-not-updated', url: homeUrl, lastUpdate, ...(observedUnchanged ? { unchangedSince: since } : {}) }]);
  },
});
