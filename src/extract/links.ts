import type { Document, Element } from 'domhandler';
import { findOne } from 'domutils';
import { normaliseUrl, schemeOf, type LinkScheme } from '../crawl/scope.js';
import { parsedRecordSets } from './datastore.js';
import { withoutComments } from './js-code.js';
import { DocumentIndex, rawText, textOf } from './document-index.js';
import { scriptedPages } from './list-items.js';

/** One reference from a page: where it points, how (tag), and what a visitor sees of it. */
export interface PageLink {
  /** absolute for http(s), as written for javascript:, mailto:, tel: */
  target: string;
  tag: string;
  text: string;
  scheme: LinkScheme;
  /** navigable (a, area, frame): a page to crawl; otherwise a resource to check */
  navigable: boolean;
}

/** Which attribute holds the reference, and whether following it is navigation (a page) or a resource. */
const SOURCES: Record<string, { attr: string; navigable: boolean }> = {
  a: { attr: 'href', navigable: true },
  area: { attr: 'href', navigable: true },
  iframe: { attr: 'src', navigable: true },
  frame: { attr: 'src', navigable: true },
  img: { attr: 'src', navigable: false },
  script: { attr: 'src', navigable: false },
  link: { attr: 'href', navigable: false },
  source: { attr: 'src', navigable: false },
  embed: { attr: 'src', navigable: false },
  video: { attr: 'src', navigable: false },
  audio: { attr: 'src', navigable: false },
};

/** A link as stored (and as it crosses from the worker thread): [target, tag, text, scheme]. */
export type StoredLink = [target: string, tag: string, text: string, scheme: LinkScheme];

/**
 * A part of the page a script loads into it, `$('#footer').load('/inc/footer.html')`: stored as a
 * link of its own kind, 'include', and read as part of the page, as a frame is.
 */
const INCLUDE = /(?:\$|jQuery)\(\s*(['"])[^'"]+\1\s*\)\s*\.load\(\s*(['"])([^'"\s]+)[^'"]*\2/g;
const INCLUDE_TAG = 'include';

/** Link tags whose target is shown inside the page: frames, iframes and the parts a script loads into it. */
export const EMBEDDING_TAGS: ReadonlySet<string> = new Set(['frame', 'iframe', INCLUDE_TAG]);

/** Following it is navigation (a page to crawl), by the tag that holds it. */
export function navigates(tag: string): boolean {
  return tag === INCLUDE_TAG || (SOURCES[tag]?.navigable ?? false);
}

/** The link set of a page without links (or whose links are not followed). */
export const NO_LINKS = '[]';

/** A page's links as stored (their JSON is its link set): each distinct (target, tag, text) once, in page order. */
export function storedLinks(links: readonly PageLink[]): StoredLink[] {
  const seen = new Set<string>();
  const rows: StoredLink[] = [];
  for (const l of links) {
    const key = `${l.target}\n${l.tag}\n${l.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push([l.target, l.tag, l.text, l.scheme]);
  }
  return rows;
}

const IGNORED_LINK_RELS = /\b(preconnect|dns-prefetch|canonical|alternate|manifest)\b/i;

/** location.href = '…', window.location = '…', location.replace('…') / assign('…'); with `window.open('…')` when opening counts */
const LOCATION = /\b(window\.open|location\.(?:assign|replace)|location(?:\.href)?\s*=)\s*\(?\s*(['"])([^'"]+)\2/g;

/** The URLs a script sends a visitor to, written out; a link's window.open counts when `opens`. */
export function scriptedUrls(code: string, opens: boolean): string[] {
  return [...code.matchAll(LOCATION)].filter((m) => opens || !m[1]!.startsWith('window.open')).map((m) => m[3]!.trim());
}

/**
 * Where a link that leads nowhere by its href (javascript:, '#', none) takes a visitor by script:
 * `href="javascript:void(0)" onclick="window.open('/xzxx/')"` is how many old sites open their
 * mailbox. Null for any other link, or a script whose URL is not written out.
 */
export function scriptedTarget(el: Element, base: string): string | null {
  const href = (el.attribs['href'] ?? '').trim();
  if (href !== '' && !href.startsWith('#') && schemeOf(href) !== 'javascript') return null;
  const [written] = scriptedUrls(`${href} ${el.attribs['onclick'] ?? ''}`, true);
  return written && schemeOf(written) === 'http' ? normaliseUrl(written, base) : null;
}

/**
 * Every link, image, script and stylesheet reference of a parsed page, resolved against <base href>,
 * including the links of lists the page renders by script from embedded XML record sets.
 */
export function extractLinks(doc: Document, pageUrl: string, charset: string | null = null): PageLink[] {
  const index = DocumentIndex.of(doc);
  const elements = index.all.filter((el) => el.tagName in SOURCES);
  const base = index.baseUrl(pageUrl);
  const out = referencesOf(elements, base);
  // a pager that a script writes: its pages are links a visitor clicks (a saved page may hold them written out already)
  const written = new Set(out.map((l) => l.target));
  for (const target of scriptedPages(doc, pageUrl)) if (!written.has(target)) out.push({ target, tag: 'a', text: '', scheme: 'http', navigable: true });
  for (const el of elements) {
    if (el.tagName !== 'script' || el.attribs['src'] !== undefined) continue;
    const code = rawText(el);
    // an include a template has commented out is not loaded: its menu is not the page's
    if (!code.includes('.load(')) continue;
    for (const m of withoutComments(code).matchAll(INCLUDE)) {
      const target = normaliseUrl(m[3]!, base);
      if (target && schemeOf(target) === 'http') out.push({ target, tag: INCLUDE_TAG, text: '', scheme: 'http', navigable: true });
    }
  }
  if (elements.some(isRecordSetScript)) {
    for (const records of parsedRecordSets(doc, charset)) if (records) out.push(...referencesOf(DocumentIndex.of(records).all, base));
  }
  return out;
}

function isRecordSetScript(el: Element): boolean {
  return el.tagName === 'script' && (el.attribs['type'] === 'text/xml' || el.attribs['language'] === 'xml');
}

/** One walk over the elements that can carry a reference (a plain DOM walk: several times faster than a selector). */
function referencesOf(elements: readonly Element[], base: string): PageLink[] {
  const out: PageLink[] = [];
  for (const el of elements) {
    const tag = el.tagName;
    const source = SOURCES[tag];
    if (!source) continue;
    const { attr, navigable } = source;
    const attrs = el.attribs;
    const raw = (attrs[attr] ?? '').trim();
    if (raw !== '' && !raw.startsWith('#') && !(tag === 'link' && IGNORED_LINK_RELS.test(attrs['rel'] ?? ''))) {
      const written = schemeOf(raw);
      const resolved = written === 'http' ? normaliseUrl(raw, base) : raw;
      // a web address no URL parser reads is kept as written: a link no visitor can open
      const [target, scheme] = resolved === null ? [raw, 'malformed' as const] : [resolved, written];
      out.push({ target, tag, text: navigable ? visibleLabel(el) : (attrs['alt'] ?? '').trim(), scheme, navigable });
    }
    // a link that opens its page by script is followed and checked like the link it stands for
    const scripted = tag === 'a' || tag === 'area' ? scriptedTarget(el, base) : null;
    if (scripted) out.push({ target: scripted, tag, text: visibleLabel(el), scheme: 'http', navigable });
    if (attrs['srcset']) {
      for (const candidate of attrs['srcset'].split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        const target = url ? normaliseUrl(url, base) : null;
        if (target) out.push({ target, tag, text: '', scheme: 'http', navigable: false });
      }
    }
  }
  return out;
}

/** What a visitor reads as the link: its text, else its image's alt, else its title. */
function visibleLabel(el: Element): string {
  const text = textOf(el);
  if (text) return text.slice(0, 200);
  const img = findOne((n) => n.tagName === 'img', el.children);
  return (img?.attribs['alt'] ?? el.attribs['title'] ?? '').trim().slice(0, 200);
}
