import { isGovernmentHost, urlParts } from '../crawl/scope.js';
import { addDays, daysBetween, urlDate } from '../extract/dates.js';
import { defineCheck, findings, type Finding } from './types.js';

/**
 * Veto: injected spam or hidden links (spam-injection), and forged publish dates (forged-date: a date
 * after the as-of date — more than `futureDays` after it — or an article date more than a year from
 * its URL's date). Wrong characters and reactionary content need a person: not detected.
 *
 * A crawl that ran after its as-of date (dated back to the monitoring point, resumed days later)
 * saw what the site published since: there a date is forged only after the day the site was read.
 *
 * Spam words, shown or hidden, are evidence enough. Hidden links to other hosts without them count
 * only in numbers (`hiddenLinks`, default 3, [D]): real pages hide one or two for a share widget's
 * pop-up (bshare.cn), a CMS credit (hanweb.com) or the error-report platform's link, an injected
 * link block hides many. Links to government hosts (a hidden menu of sister sites) never count.
 */
export const seriousError = defineCheck({
  meta: { id: 'serious-error', title: { zh: '严重错误', en: 'Serious error' }, indicator: { zh: '单项否决 · 严重表述错误、暗链、虚假日期', en: 'Veto · injected spam, hidden links, forged dates' }, requires: ['home', 'spam', 'pageItems', 'articles', 'readOn'],
    findings: { 'spam-injection': { zh: '暗链或垃圾信息', en: 'Injected spam or hidden links' }, 'forged-date': { zh: '发布日期可疑', en: 'Forged date' } } },
  // futureDays [D]: a crawl that runs past midnight sees the next day's items; a date that far after the as-of date is no evidence
  defaultOptions: { contradictionDays: 365, hiddenLinks: 3, futureDays: 1 },
  run({ spam, pageItems, articles, readOn }, { asOf, options }) {
    const out: Finding[] = [];
    const latest = readOn !== null && readOn > asOf ? readOn : asOf;
    // the reason as data (a renderer words it in the report's language), with the date it goes by
    const after: Record<string, string> = latest === asOf ? { reason: 'after-as-of', asOf } : { reason: 'after-read', readOn: latest };
    // dates compared as their YYYY-MM-DD text: a national report reads a million list rows
    const limit = addDays(latest, options.futureDays);
    const future = (date: string) => date > limit;
    const apart = (a: string, b: string) => a !== b && Math.abs(daysBetween(a, b)) > options.contradictionDays;
    for (const s of spam) {
      const suspicious = s.hiddenLinks.filter((l) => !isGovernmentHost(urlParts(l.href)?.hostname ?? ''));
      if (s.terms.length > 0 || suspicious.length >= options.hiddenLinks) out.push({ rule: 'spam-injection', url: s.url, terms: s.terms, hidden: s.hiddenLinks.length > 0, targets: s.hiddenLinks.map((l) => l.href) });
    }
    const seen = new Set<string>();
    const forged = (url: string, date: string, why: Record<string, string>, page?: string) => {
      if (seen.has(`${url} ${date}`)) return;
      seen.add(`${url} ${date}`);
      out.push({ rule: 'forged-date', url, date, ...why, ...(page ? { page } : {}) });
    };
    for (const { page, items } of pageItems) {
      for (const i of items) {
        // a row that shows several dates (a deadline, an event) does not say which one was forged
        if (i.otherDates) continue;
        if (i.date && future(i.date)) forged(i.href, i.date, after, page);
        else if (i.date && i.urlDate && apart(i.urlDate, i.date)) forged(i.href, i.date, { reason: 'url-date', urlDate: i.urlDate }, page);
      }
    }
    for (const a of articles) {
      if (!a.publishDate) continue;
      const fromUrl = urlDate(a.url);
      if (future(a.publishDate)) forged(a.url, a.publishDate, after);
      else if (fromUrl?.precision === 'day' && apart(fromUrl.date, a.publishDate)) forged(a.url, a.publishDate, { reason: 'url-date', urlDate: fromUrl.date });
    }
    return findings(out);
  },
});
