import { hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { decodeHtml, utf8As } from '../extract/decode.js';
import { extractLinks, storedLinks } from '../extract/links.js';
import { parseHtml } from '../extract/parse-html.js';
import type { LocalDate } from '../extract/dates.js';
import { bodyText, extractFromDocument } from '../extract/page.js';
import { withInlineWrites, writtenHtml } from '../extract/written-html.js';
import { isScriptType } from './content-types.js';
import { followList, type FollowList } from './follow-list.js';
import { linkRoles, readsColumns, type PageRole } from './priorities.js';
import { pageFingerprint, saysNotFound } from './soft-404.js';

/**
 * A stored page body, named by a SHA-1: gzip of the decoded UTF-8 text ('gzip-utf8'), or the gzip
 * the server sent, in the page's own charset ('gzip-wire').
 */
export interface StoredBody {
  hash: string;
  gz: Uint8Array;
  format: 'gzip-utf8' | 'gzip-wire';
  charset: string | null;
}

/** What the crawl needs to know of an HTML answer: computed off the main thread when workers run. */
export interface PageAnalysis {
  charset: string;
  /** its links as stored (the link set's JSON: a string crosses threads cheaply) */
  links: string;
  /** how many links the set holds */
  linkCount: number;
  /** its links to follow, with the roles its facts give them */
  follow: FollowList;
  /** the page says it is missing (a soft 404 by its words) */
  saysNotFound: boolean;
  /** fingerprint of its visible text (a soft 404 by sameness with the host's not-found page) */
  fingerprint: string;
  body: StoredBody | null;
  /** the page's facts as JSON (a string crosses threads cheaply), when asked for; its links are stored apart */
  facts: string | null;
}

export interface AnalysisRequest {
  bytes: Uint8Array;
  contentType: string | null;
  /** the page's final URL: relative links resolve against it */
  url: string;
  /** parse links (pages that are followed); link checks only need the soft-404 signals */
  links: boolean;
  /** also run the extractors on the same document, against this as-of date */
  factsAsOf?: LocalDate;
  /** the page's role, which decides the roles of the pages it links to */
  role?: PageRole;
  /** compress the text for storage (not needed when the server's own gzip is stored) */
  storeBody?: boolean;
  /**
   * the charset the page came in, when `bytes` are a stored copy's UTF-8 text: its facts say it, and
   * its links' queries are written in it (see queryInCharset), as when it was first read
   */
  servedAs?: string | null;
}

/** Pure and CPU-bound: bytes → decoded, parsed, links, soft-404 signals, compressed body. */
export function analysePage({ bytes, contentType, url, links, factsAsOf, role = 'page', storeBody = true, servedAs = null }: AnalysisRequest): PageAnalysis {
  const decoded = decodeHtml(bytes, contentType);
  // a script that writes into the home page is read as the HTML it writes (stored as such, too)
  const script = isScriptType(contentType);
  const text = script ? writtenHtml(decoded.text) : decoded.text;
  const { charset } = decoded;
  const pageCharset = servedAs ?? charset;
  // one parse serves the links, the facts and the soft-404 fingerprint; the home page and its parts
  // with what their inline scripts write into them (a footer written by document.write)
  const parsed = parseHtml(text, pageCharset);
  const doc = readsColumns(role) ? withInlineWrites(parsed, text, pageCharset) : parsed;
  const facts = factsAsOf ? extractFromDocument(doc, url, factsAsOf, pageCharset, { withLinks: false, withColumns: readsColumns(role) }) : null;
  // no links asked for: the empty link set (NO_LINKS) and nothing to follow
  const stored = links ? storedLinks(extractLinks(doc, url, pageCharset)) : [];
  return {
    charset,
    links: JSON.stringify(stored),
    linkCount: stored.length,
    follow: followList(stored, facts ? linkRoles(facts, role, factsAsOf!) : [], role),
    facts: facts ? JSON.stringify(facts) : null,
    saysNotFound: saysNotFound(text),
    fingerprint: pageFingerprint(bodyText(doc)),
    body: storeBody ? storedBody(text, script ? null : utf8As(bytes, decoded)) : null,
  };
}

/** `utf8`: the text's UTF-8 bytes when the page's own bytes are them already (see utf8As). */
export function storedBody(text: string, utf8: Uint8Array | null = null): StoredBody {
  utf8 ??= Buffer.from(text);
  return { hash: hash('sha1', utf8), gz: gzipSync(utf8, { level: 1 }), format: 'gzip-utf8', charset: null };
}

/** The server's own gzip, kept as it came. */
export function wireBody(gzipped: Buffer, charset: string): StoredBody {
  return { hash: hash('sha1', gzipped), gz: gzipped, format: 'gzip-wire', charset };
}
