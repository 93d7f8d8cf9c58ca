import { hash } from 'node:crypto';
import type { Document, Element } from 'domhandler';
import { normaliseUrl } from '../crawl/scope.js';
import { publishDates } from './article.js';
import { closedNotice } from './closed-notice.js';
import { extractColumns, type Column } from './columns.js';
import type { LocalDate } from './dates.js';
import { extractIdentifiers, hasErrorReportEntry, hasSearch, hasVisitorCounter, type Identifiers } from './footer.js';
import { extractGuide, type GuideFacts } from './guides.js';
import { breadcrumb, extractLists, extractPagination, type ItemList } from './list-items.js';
import { extractLetterPage, extractLetterRows, showsStatuses, type Letter } from './letters.js';
import { extractMailboxes, type Mailbox } from './mailboxes.js';
import { parseHtml } from './parse-html.js';
import { minhash } from './minhash.js';
import { fillsListByScript } from './scripted-list.js';
import { extractSpam, type SpamFacts } from './spam.js';
import { Visibility } from './visibility.js';
import { DocumentIndex, findTag, textOf } from './document-index.js';

/**
 * The extractors' version: raised whenever they read a page differently (a fix), so that facts an
 * earlier version stored are not confirmed for an unchanged page (no conditional request): the page
 * is fetched in full and read afresh, once. Raise it once per release of extractor fixes; what a
 * version covers is in the history (`git log -L '/EXTRACTOR_VERSION =/,+1:src/extract/page.ts'`
 * lists the raises).
 */
export const EXTRACTOR_VERSION = 6;

/** What the extractors see on one page: the `govsite extract` contract of SPEC §6, plus what checks need. */
export interface PageFacts {
  url: string;
  charset: string | null;
  title: string;
  publishDate: LocalDate | null;
  /** shows "nothing here" (暂无信息, 正在建设中) to a visitor and lists no item */
  empty: boolean;
  /**
   * fills a list in the browser by script (see scripted-list.ts): what it lists is unknown. Said of
   * pages that list nothing in their HTML, and of home pages (where columns are read) whatever else they list
   */
  scriptedList: boolean;
  links: { href: string; text: string; imageOnly: boolean; hidden: boolean }[];
  lists: ItemList[];
  consultation: Mailbox[];
  identifiers: Identifiers;
  search: boolean;
  errorReportEntry: boolean;
  visitorCounter: boolean;
  spam: SpamFacts;
  guide: GuideFacts;
  letters: Letter[];
  /** beyond the contract. The navigation's columns; null where not read (the crawl reads them on home pages only: the checks take a site's columns from its home page, and every page repeats them) */
  columns: Column[] | null;
  breadcrumb: string[];
  /** links to the further pages of this page's list */
  pagination: string[];
  /** MinHash of the article body, for twin reports; null when the page is no article */
  fingerprint: number[] | null;
  /**
   * Digest of an article's or a guide's text (its content container's, else the page's): two
   * addresses with the same one are one page (a redirect, a tracking query, an index.html beside its
   * folder), not twin reports or two guides. Null for other pages; absent in facts stored before it.
   */
  signature?: string | null;
  /** a list date had no year, so these facts hold for this as-of date only */
  asOfDependent: boolean;
  /** beyond the contract. The page is only a notice that the site has closed or moved: its sentence (see closed-notice.ts); absent in facts stored before it */
  closedNotice?: string | null;
}

const EMPTY_MESSAGE = /暂无信息|暂无数据|暂无内容|暂无记录|正在建设中|栏目建设中|建设中[，,。.!！]?$|没有相关信息|没有记录/;
const IMG = new Set(['img']);

/** '#id', '.class' or a tag name, looked up in the index */
function matching(doc: Document, selector: string): readonly Element[] {
  const index = DocumentIndex.of(doc);
  if (selector.startsWith('#')) return index.withId(selector.slice(1));
  if (selector.startsWith('.')) return index.withClass(selector.slice(1));
  return index.tag(selector);
}

const CONTENT = ['#zoom', '.TRS_Editor', '#UCAP-CONTENT', '.pages_content', '.article-content', '.content', '#content', 'article', '.article', '.view'];

/**
 * The visible text of a document (Visibility reads it once per document; <head> is not shown). Not
 * only its <body>: a stray </body> or </html> in a template ends the body for the parser, not for a
 * browser, and the footer after it (www.gov.cn's gazette pages) is on the page all the same.
 */
export function bodyText(doc: Document): string {
  return Visibility.of(doc).visibleText(doc);
}

export function extractPage(html: string, url: string, asOf: LocalDate, charset: string | null = null): PageFacts {
  return extractFromDocument(parseHtml(html, charset), url, asOf, charset);
}

/**
 * `withLinks: false` leaves `links` empty: the crawl stores a page's links in their own table;
 * `withColumns: false` leaves `columns` null.
 */
export function extractFromDocument(doc: Document, url: string, asOf: LocalDate, charset: string | null, { withLinks = true, withColumns = true } = {}): PageFacts {
  const visibility = Visibility.of(doc);
  const index = DocumentIndex.of(doc);
  const text = bodyText(doc);
  const titleEl = index.first('title');
  const title = titleEl ? textOf(titleEl) : '';
  const lists = extractLists(doc, url, asOf, charset);
  const dates = publishDates(doc, url, text);
  const letter = extractLetterPage(doc, url, text);
  const letters = letter ? [letter] : showsStatuses(doc, text) ? extractLetterRows(doc, url) : [];
  const hasItems = lists.some((l) => l.items.length > 0);
  const isArticle = dates.publishDate !== null && !hasItems;
  const guide = extractGuide(title, text);
  const main = isArticle || guide ? mainText(doc, visibility) : null;
  return {
    url,
    charset,
    title,
    publishDate: dates.publishDate,
    empty: !hasItems && EMPTY_MESSAGE.test(text),
    scriptedList: (withColumns || !hasItems) && fillsListByScript(doc),
    links: withLinks ? pageLinks(doc, url, visibility) : [],
    lists,
    consultation: extractMailboxes(doc, url),
    identifiers: extractIdentifiers(doc, text),
    search: hasSearch(doc),
    errorReportEntry: hasErrorReportEntry(doc, text),
    visitorCounter: hasVisitorCounter(text),
    spam: extractSpam(doc, url, text, visibility),
    guide: guide ?? { present: [], missing: [] },
    letters,
    columns: withColumns ? extractColumns(doc, url) : null,
    breadcrumb: breadcrumb(doc),
    pagination: extractPagination(doc, url),
    fingerprint: isArticle && main !== null ? minhash(main) : null,
    signature: isArticle || guide ? hash('sha1', main ?? text).slice(0, 16) : null,
    asOfDependent: lists.some((l) => l.items.some((i) => i.yearless)),
    closedNotice: closedNotice(text, index.anchors().length),
  };
}

function pageLinks(doc: Document, url: string, visibility: Visibility): PageFacts['links'] {
  const index = DocumentIndex.of(doc);
  const base = index.baseUrl(url);
  return index.anchors().map((a) => {
    const raw = a.attribs['href']!.trim();
    const text = textOf(a);
    const img = findTag(a, IMG);
    return {
      href: /^https?:|^\/|^\.|^[\w-]+(\.|\/|$)/i.test(raw) ? normaliseUrl(raw, base) ?? raw : raw,
      text: text || (img?.attribs['alt'] ?? '').trim(),
      imageOnly: text === '' && img !== null,
      hidden: visibility.isHidden(a),
    };
  });
}

/** The visible text of the page's body: its first content container (in the order CMSs nest them) with some text. */
function mainText(doc: Document, visibility: Visibility): string | null {
  for (const selector of CONTENT) {
    for (const el of matching(doc, selector)) {
      const text = visibility.visibleText(el);
      if (text.length >= 50) return text;
    }
  }
  return null;
}
