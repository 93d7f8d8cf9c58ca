import type { Document } from 'domhandler';
import { findDates, urlDate, type LocalDate } from './dates.js';
import { DocumentIndex } from './document-index.js';

export interface PublishDates {
  /** the page's publish date: its meta tag, else the date after 发布时间 / 发布日期, else its URL's */
  publishDate: LocalDate | null;
  meta: LocalDate | null;
  shown: LocalDate | null;
  url: LocalDate | null;
}

/**
 * Meta tags that name the publish date, most specific first. Not Hanweb's Maketime: that is when the
 * page was last generated (a template change regenerates every page), and read as the publish date
 * it made a 2016 article look published in 2019 — against its /art/2016/… URL, a forged-date veto.
 */
const META_NAMES = ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'publish_date', 'dc.date'];
const DATE = String.raw`\s*[:：]\s*([^\s<]{0,4}\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})`;
/**
 * What else an article's info bar shows beside its date, as fields: 来源： source, 作者： author,
 * 浏览次数： / 点击： / 阅读： views, 【字号】. The colon keeps prose out (数据来源于…, 截至…来源于).
 */
const INFO_BAR = String.raw`(?:(?:来源|作者|浏览次数|浏览量|浏览|点击数|点击量|点击|阅读次数|阅读量|阅读)\s*[:：]|【\s*(?:字号|字体|打印))`;
const BARE_DATE = String.raw`(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})`;
/**
 * Labels of a shown date, in the order they are believed: the publish date; a bare 时间 / 日期 that
 * is no other date's (成文日期 written, 印发 issued, 施行 / 实施 / 生效 in force, a deadline, an
 * event's start or end); an unlabelled date in the info bar, before or after its 来源 / 作者 / 浏览
 * (`2026-11-02 10:30 来源：县政府办`, `来源：县政府办 2026-11-02`); the date written (a 信息公开 page
 * shows 成文日期 before 发布日期).
 */
const SHOWN = [
  new RegExp(`(?:发布时间|发布日期|发表时间)${DATE}`),
  new RegExp(`(?<![文发行施效止名始束])(?:时间|日期)${DATE}`),
  new RegExp(`${BARE_DATE}日?\\s*(?:\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*[|｜丨]?\\s*${INFO_BAR}`),
  new RegExp(`(?:来源|作者)\\s*[:：]\\s*[^\\s\\d:：]{1,20}\\s+${BARE_DATE}`),
  new RegExp(`成文日期${DATE}`),
];

/** Every date an article gives for itself, and the one that counts. */
export function publishDates(doc: Document, pageUrl: string, text: string): PublishDates {
  const byName = new Map<string, LocalDate | null>();
  for (const el of DocumentIndex.of(doc).tag('meta')) {
    const name = (el.attribs['name'] ?? el.attribs['property'] ?? '').toLowerCase();
    if (META_NAMES.includes(name) && !byName.has(name)) byName.set(name, findDates(el.attribs['content'] ?? '')[0] ?? null);
  }
  const meta = META_NAMES.map((n) => byName.get(n)).find((d) => d) ?? null;
  const m = SHOWN.map((label) => label.exec(text)).find((found) => found);
  const shown = m ? findDates(m[1]!)[0] ?? null : null;
  const fromUrl = urlDate(pageUrl);
  const url = fromUrl?.precision === 'day' ? fromUrl.date : null;
  return { publishDate: meta ?? shown ?? url, meta, shown, url };
}
