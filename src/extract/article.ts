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

const META_NAMES = ['pubdate', 'publishdate', 'firstpublishedtime', 'article:published_time', 'publish_date', 'dc.date', 'maketime'];
const SHOWN = /(?:发布时间|发布日期|发表时间|成文日期|时间|日期)\s*[:：]\s*([^\s<]{0,4}\s*\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/;

/** Every date an article gives for itself, and the one that counts. */
export function publishDates(doc: Document, pageUrl: string, text: string): PublishDates {
  let meta: LocalDate | null = null;
  for (const el of DocumentIndex.of(doc).tag('meta')) {
    const name = (el.attribs['name'] ?? el.attribs['property'] ?? '').toLowerCase();
    if (meta === null && META_NAMES.includes(name)) meta = findDates(el.attribs['content'] ?? '')[0] ?? null;
  }
  const m = SHOWN.exec(text);
  const shown = m ? findDates(m[1]!)[0] ?? null : null;
  const fromUrl = urlDate(pageUrl);
  const url = fromUrl?.precision === 'day' ? fromUrl.date : null;
  return { publishDate: meta ?? shown ?? url, meta, shown, url };
}
