import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { parsedRecordSets, recordSetScripts } from './datastore.js';
import { findOne } from 'domutils';
import { normaliseUrl } from '../crawl/scope.js';
import { withoutComments } from './js-code.js';
import { DocumentIndex, rawText, textOf } from './document-index.js';
import { findDates, scanDates, shownDateWithout, toLocalDate, urlDate, type DateScan, type LocalDate, type UrlDate } from './dates.js';
import { perDocument } from './per-document.js';
import { Visibility } from './visibility.js';

export interface ListItem {
  title: string;
  href: string;
  /** the date the row shows (a list without shown dates is dated from its articles' pages) */
  date: LocalDate | null;
  /** the date inside the article URL, when it has one */
  urlDate: LocalDate | null;
  /** the shown date and the URL date disagree (evidence for a back-dated or forged entry) */
  dateConflict: boolean;
  /** the row showed no year ("11-02"): its date depends on the as-of date */
  yearless?: true;
  /**
   * the row shows other dates besides this one (a deadline, an event's day): which is the publish
   * date is uncertain, so a date that looks forged is not evidence enough (set only on such dates)
   */
  otherDates?: true;
}

export interface ItemList {
  name: string;
  items: ListItem[];
}

const ROW_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'p']);
const MIN_TITLE = 4;
/** "更多>>", "查看更多 »", "more": the first runs taken whole (a lookahead and its backreference), as a title of 60,000 '>' took 3 s to fail */
const MORE = /^(?:更多|查看更多|more)?(?=(\s*))\1(?=([>»]*))\2(?=(\s*))\3(?:更多|more)?\s*[>»]*$/i;
/** an undated list must look like article titles, not a menu */
const MIN_UNDATED_TITLE = 8;

/**
 * The lists of a page: rows (li, tr, dd, p) holding a link with a title, grouped by their container.
 * A row's date is read from the row's text outside the title; lists rendered by script from an
 * embedded XML record set are read too. `charset`: the page's, which its record sets' links are
 * written in too (see parseHtml).
 */
export function extractLists(doc: Document, pageUrl: string, asOf: LocalDate, charset: string | null = null): ItemList[] {
  const lists = listsOf(doc, pageUrl, asOf, Visibility.of(doc));
  for (const [i, records] of parsedRecordSets(doc, charset).entries()) {
    if (records === null) continue;
    const name = recordSetName(doc, i);
    // the records' links resolve against the page's base URL, as the page's own do
    for (const list of listsOf(records, DocumentIndex.of(doc).baseUrl(pageUrl), asOf, new Visibility(records))) lists.push({ name: name || list.name, items: list.items });
  }
  return lists;
}

function listsOf(doc: Document, pageUrl: string, asOf: LocalDate, visibility: Visibility): ItemList[] {
  const index = DocumentIndex.of(doc);
  const candidates: { text: string; title: string; href: string; row: Element }[] = [];
  const anchors = index.anchors();
  const linkCounts = countLinks(anchors);
  const repeats = repeatsAmongSiblings();
  const titlesInRow = new Map<Element, string[]>();
  for (const a of anchors) {
    if (visibility.isHidden(a)) continue;
    const text = textOf(a);
    const titleAttribute = a.attribs['title'];
    // textOf's texts are collapsed already
    const title = titleAttribute && titleAttribute.length > text.length ? titleAttribute.replace(/\s+/g, ' ').trim() : headingIn(a) ?? text;
    if (title.length < MIN_TITLE || MORE.test(title)) continue;
    const href = index.hrefOf(a, pageUrl);
    if (!href || !/^https?:/.test(href)) continue;
    const row = rowOf(a, linkCounts, repeats);
    if (!row || !row.parent) continue;
    candidates.push({ text, title, href, row });
    const titles = titlesInRow.get(row);
    if (titles) titles.push(text);
    else titlesInRow.set(row, [text]);
  }
  const groups = new Map<Element, { items: ListItem[]; hrefs: Set<string> }>();
  const rows = new Map<Element, RowDates>();
  for (const { text, title, href, row } of candidates) {
    // the row read once for its dates, however many anchors share it
    let dates = rows.get(row);
    if (!dates) rows.set(row, (dates = rowDates(row, visibility, titlesInRow.get(row)!)));
    const dateShown = dates.paired ? { date: dates.paired[dates.next++]!, yearless: false } : dates.digitless ? null : shownDateWithout(dates.scan, text, asOf) ?? splitDateOf(row, dates);
    const shown = dateShown?.date ?? null;
    const yearless = dateShown?.yearless === true;
    // the URL's date is read here only against a shown one; an undated row gets its own once its group is a list (most are menus)
    const fromUrl = shown !== null ? urlDate(href) : null;
    const dateConflict = shown !== null && fromUrl !== null && (fromUrl.precision === 'day' ? shown !== fromUrl.date : shown.slice(0, 7) !== fromUrl.date.slice(0, 7));
    // only a date that may look forged (later than the as-of date, or off its URL's) is read for others: few are
    const otherDates = !dates.paired && shown !== null && (shown > asOf || dateConflict) && findDates(dates.scan.text.replace(text, ' ')).length > 1;
    const item: ListItem = {
      title, href,
      date: shown,
      urlDate: dayOf(fromUrl),
      dateConflict,
      ...(yearless ? { yearless: true as const } : {}),
      ...(otherDates ? { otherDates: true as const } : {}),
    };
    const container = row.parent as Element;
    let group = groups.get(container);
    if (!group) groups.set(container, (group = { items: [], hrefs: new Set() }));
    // a set, not a search of the items: a list of thousands of rows is read in linear time
    if (!group.hrefs.has(href)) {
      group.hrefs.add(href);
      group.items.push(item);
    }
  }
  const lists: ItemList[] = [];
  const headings = new Map<Element, string | null>();
  for (const [container, { items }] of groups) {
    const dated = items.filter((i) => i.date !== null).length;
    const isList = dated > 0 ? items.length >= 1 && dated * 2 >= items.length : items.length >= 3 && items.every((i) => i.title.length >= MIN_UNDATED_TITLE);
    if (!isList) continue;
    for (const i of items) if (i.date === null) i.urlDate = dayOf(urlDate(i.href));
    lists.push({ name: listName(doc, container, headings), items });
  }
  return lists;
}

/** A URL that names only the month (/202309/) dates nothing by itself. */
const dayOf = (d: UrlDate | null): LocalDate | null => (d?.precision === 'day' ? d.date : null);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A card-like link (date, heading and summary in one anchor) is titled by its heading. */
function headingIn(a: Element): string | null {
  const heading = findOne((el) => HEADINGS.has(el.tagName), a.children);
  const text = heading ? textOf(heading) : '';
  return text.length >= MIN_TITLE ? text : null;
}

/** A digitless row's scan: never read (see RowDates.digitless). */
const NO_SCAN: DateScan = { text: '', first: null, dateless: true, separated: false };

/** How a row dates its titles: by pairing, or by its text outside each title. */
interface RowDates {
  scan: DateScan;
  /** no digit in it: no date shown, split or whole (most menus' rows) */
  digitless: boolean;
  /** the row's full dates when they pair with its titles one to one, in order; null otherwise */
  paired: LocalDate[] | null;
  /** the next title's index in `paired` */
  next: number;
  /** the date the row shows split in two elements (see splitDate), once looked for */
  split?: LocalDate | null;
}

/** A date split in two neighbours, as many list designs show it: a big day number beside 2026-11, or 11-02 beside 2026. */
const YEAR_MONTH = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?$/;
const DAY = /^(\d{1,2})\s*日?$/;
const MONTH_DAY = /^(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/;
const YEAR = /^(\d{4})\s*年?$/;

function splitDateOf(row: Element, dates: RowDates): { date: LocalDate; yearless: false } | null {
  if (dates.split === undefined) dates.split = splitDate(row);
  return dates.split ? { date: dates.split, yearless: false } : null;
}

/**
 * The date a row shows in two neighbouring parts, in either order: year-month and day
 * (`<span>02</span><em>2026-11</em>`), or month-day and year; in the row or in an element up to two
 * levels inside it. Read as text the parts run together ("022026-11") and no date is found: every
 * item undated, its column "not updated".
 */
function splitDate(el: Element, depth = 0): LocalDate | null {
  const found = splitIn(el);
  if (found || depth === 2) return found;
  for (const child of el.children) {
    const inside = child.type === 'tag' ? splitDate(child as Element, depth + 1) : null;
    if (inside) return inside;
  }
  return null;
}

function splitIn(el: Element): LocalDate | null {
  const parts = el.children.map(textOf).filter((t) => t !== '');
  for (let i = 0; i + 1 < parts.length; i++) {
    for (const [a, b] of [[parts[i]!, parts[i + 1]!], [parts[i + 1]!, parts[i]!]]) {
      const ym = YEAR_MONTH.exec(a);
      const d = ym ? DAY.exec(b) : null;
      if (ym && d) return toLocalDate(Number(ym[1]), Number(ym[2]), Number(d[1]));
      const md = MONTH_DAY.exec(a);
      const y = md ? YEAR.exec(b) : null;
      if (md && y) return toLocalDate(Number(y[1]), Number(md[1]), Number(md[2]));
    }
  }
  return null;
}

/**
 * A row holding several titles (a flat list: anchors and dates side by side in one container) that
 * shows exactly one full date per title, none inside a title, pairs them in order, dates before or
 * after their titles alike: read outside each title, every title got the row's first date (an old
 * item then looked back-dated against its URL — a forged-date veto). Any other row — one title, a
 * count that does not match (a date range, a department link) — is read outside each title.
 */
function rowDates(row: Element, visibility: Visibility, titles: readonly string[]): RowDates {
  // no digit in the row's whole text, none in its visible text: not read further (most menus' rows)
  if (!/\d/.test(rawText(row))) return { scan: NO_SCAN, digitless: true, paired: null, next: 0 };
  const text = visibility.visibleText(row);
  const scan = scanDates(text);
  const digitless = !/\d/.test(text);
  if (titles.length < 2 || digitless) return { scan, digitless, paired: null, next: 0 };
  const dates = findDates(text);
  // the titles are searched for dates only when the count matches (a menu of links shows none)
  const paired = dates.length === titles.length && !titles.some((t) => findDates(t).length > 0);
  return { scan, digitless, paired: paired ? dates : null, next: 0 };
}

/**
 * The row an anchor stands in: the nearest li / tr / dd / p; else the largest short element around it
 * that holds no other link and repeats (`<div class="item"><div class="tit"><a>…</a></div><div
 * class="date">…`: the item, whose date is beside the title's own div); else its parent, holding
 * other links too (a flat list).
 */
function rowOf(a: Element, linkCounts: ReadonlyMap<Element, number>, repeats: (el: Element) => boolean): Element | null {
  let n: AnyNode | null = a.parent;
  for (let depth = 0; n && n.type === 'tag' && depth < 4; depth++, n = n.parent) {
    const el = n as Element;
    if (ROW_TAGS.has(el.tagName)) return el;
  }
  const parent = a.parent && a.parent.type === 'tag' && !PAGE_TAGS.has((a.parent as Element).tagName) ? (a.parent as Element) : null;
  // an anchor straight in the page's body stands in no row: the whole page is no list row
  if (!parent) return null;
  // the row is the highest such element that repeats (a sibling of its tag and class): a list's rows
  // do, a lone link beside today's date in a page's top bar does not
  let row = parent;
  let around = parent;
  for (let depth = 0; depth < 3 && linkCounts.get(around) === 1; depth++) {
    const up = around.parent;
    if (!up || up.type !== 'tag' || PAGE_TAGS.has((up as Element).tagName) || linkCounts.get(up as Element) !== 1 || textOf(up).length > MAX_ROW_TEXT) break;
    around = up as Element;
    if (repeats(around)) row = around;
  }
  return row;
}

/**
 * Whether an element has a sibling of its tag and class: each parent's children are counted once, by
 * kind, however many of them ask (one scan of the siblings per row made a page of 20,000 one-link
 * rows, each of its own class, take 4.7 s).
 */
function repeatsAmongSiblings(): (el: Element) => boolean {
  const kinds = new Map<ParentNode, Map<string, number>>();
  // a class attribute, even empty, is not the same as none
  const kindOf = (el: Element) => `${el.tagName} ${el.attribs['class'] === undefined ? '-' : `.${el.attribs['class']}`}`;
  return (el) => {
    const parent = el.parent;
    if (!parent) return false;
    let counts = kinds.get(parent);
    if (!counts) {
      kinds.set(parent, (counts = new Map()));
      for (const c of parent.children) {
        if (c.type !== 'tag') continue;
        const kind = kindOf(c as Element);
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
    return counts.get(kindOf(el))! >= 2;
  };
}

/** A row's text beyond this is no list row but a block of content (an article with one link in it). */
const MAX_ROW_TEXT = 300;

/** How many links each element holds, for the few levels above each link a row can reach. */
function countLinks(anchors: readonly Element[]): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const a of anchors) {
    let n: AnyNode | null = a.parent;
    for (let depth = 0; n && n.type === 'tag' && depth < 5; depth++, n = n.parent) counts.set(n as Element, (counts.get(n as Element) ?? 0) + 1);
  }
  return counts;
}

const PAGE_TAGS = new Set(['body', 'html']);

/**
 * A list's heading: the nearest preceding h1–h4 or .title-like element, else the breadcrumb's last
 * step. `headings`: each element's heading, once looked for (the lists of a page share the elements
 * before them: 1,000 lists after a 20,000-element menu took 8.5 s).
 */
function listName(doc: Document, container: Element, headings = new Map<Element, string | null>()): string {
  let n: Element | null = container;
  for (let depth = 0; n && depth < 4; depth++, n = n.parent as Element | null) {
    let prev = n.prev;
    for (let k = 0; prev && k < 4; k++, prev = prev.prev) {
      if (prev.type !== 'tag') continue;
      let text = headings.get(prev as Element);
      if (text === undefined) headings.set(prev as Element, (text = headingText(prev as Element)));
      if (text) return text;
    }
  }
  return breadcrumbLeaf(doc);
}

function isHeading(el: Element): boolean {
  return /^h[1-4]$/.test(el.tagName) || /(^|\s)tit|title/i.test(el.attribs['class'] ?? '');
}

function headingText(el: Element): string | null {
  const heading = isHeading(el) ? el : findOne(isHeading, el.children);
  if (!heading) return null;
  const text = textOf(heading).replace(/(更多|more)\s*[>»]*$/i, '').trim();
  return text.length >= 2 && text.length <= 20 ? text : null;
}

/** "当前位置：首页 > 信息公开 > 信息公开年报" → 信息公开年报 */
export function breadcrumbLeaf(doc: Document): string {
  const trail = breadcrumb(doc);
  return trail[trail.length - 1] ?? '';
}

const TRAIL = Symbol('breadcrumb');

/** The page's breadcrumb trail (read once per document). */
export function breadcrumb(doc: Document): string[] {
  return perDocument(doc, TRAIL, () => readBreadcrumb(doc));
}

function readBreadcrumb(doc: Document): string[] {
  const candidates = DocumentIndex.of(doc).all.filter((el) => /crumb|position|location|dqwz|^wz$|^pos$/i.test(el.attribs['class'] ?? '') || /crumb/i.test(el.attribs['id'] ?? ''));
  for (const el of candidates) {
    const text = textOf(el);
    if (!/首页|当前位置|您现在的位置/.test(text) || text.length > 120) continue;
    return text.replace(/^.*?(当前位置|您现在的位置是?|所在位置)\s*[:：]?/, '').split(/\s*(?:>>|>|»|›|\/|→)\s*/).map((s) => s.trim()).filter(Boolean);
  }
  return [];
}

function recordSetName(doc: Document, index: number): string {
  const script = recordSetScripts(doc)[index];
  return script ? listName(doc, script) : '';
}

/** TRS's pager: createPageHTML(count, current, "index", "html") */
const CREATE_PAGE = /createPageHTML\(\s*(\d+)\s*,\s*\d+\s*,\s*["']([\w-]+)["']\s*,\s*["'](s?html?)["']/;
/** … or written out: var countPage = 2 … "index"+"_" + i + "."+"html" */
const COUNT_PAGE = /\bvar\s+countPage\s*=\s*(\d+)/;
const WRITTEN_PAGE = /([\w-]+)["']\s*\+\s*["']_["']\s*\+\s*\w+\s*\+\s*["']\.["']\s*\+\s*["'](s?html?)\b/;
/** a pager names its pages up to this many */
const MAX_SCRIPTED_PAGES = 50;

/**
 * The further pages of a list whose pager a script writes (TRS: index_1.html … from a page count):
 * links no parser sees, which a visitor clicks all the same — a mailbox's older letters are there.
 */
export function scriptedPages(doc: Document, pageUrl: string): string[] {
  const index = DocumentIndex.of(doc);
  for (const script of index.tag('script')) {
    const raw = rawText(script);
    if (!/countPage|createPageHTML/.test(raw)) continue;
    // a pager a template has commented out writes no page
    const code = withoutComments(raw);
    const created = CREATE_PAGE.exec(code);
    const counted = created ? null : COUNT_PAGE.exec(code);
    const written = counted ? WRITTEN_PAGE.exec(code) : null;
    const [count, prefix, ext] = created ? [Number(created[1]), created[2]!, created[3]!] : counted && written ? [Number(counted[1]), written[1]!, written[2]!] : [0, '', ''];
    const pages = Array.from({ length: Math.max(0, Math.min(count, MAX_SCRIPTED_PAGES) - 1) }, (_, i) => normaliseUrl(`${prefix}_${i + 1}.${ext}`, index.baseUrl(pageUrl)));
    if (pages.length > 0) return pages.filter((u): u is string => u !== null);
  }
  return [];
}

const NEXT_PAGE = /^(下一页|下页|后页|下一頁|next|>|»|›|>>)$/i;
/** what every NEXT_PAGE text holds */
const NEXT_PAGE_WORD = /[页頁>»›]|next/i;
const PAGE_URL = /\/index_\d+\.s?html?$|[?&](page|pageNo|pageIndex|pn|curpage)=\d+/i;

/** Links to the list's further pages: "下一页" and its kin, and index_N pages beside this one. */
export function extractPagination(doc: Document, pageUrl: string): string[] {
  const dir = pageUrl.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  const found = new Set<string>(scriptedPages(doc, pageUrl));
  const index = DocumentIndex.of(doc);
  for (const a of index.anchors()) {
    const href = index.hrefOf(a, pageUrl);
    if (!href || href === pageUrl || !/^https?:/.test(href)) continue;
    // the raw text is tried first: most anchors name no page, and collapsing their text costs more
    if ((NEXT_PAGE_WORD.test(rawText(a)) && NEXT_PAGE.test(textOf(a))) || (href.startsWith(dir) && PAGE_URL.test(href))) found.add(href);
  }
  return [...found];
}
