/** What belongs to a site, and URL normalisation: one URL, one spelling, so the frontier dedupes. */

import { ownCopy } from '../own-copy.js';
import { withoutSessionIds } from './session-ids.js';

/**
 * `file`: a file on its author's computer (`file:///C:/…`, `D:\\办事指南\\表.doc`), pasted from a word
 * processor; `malformed`: a web address no browser can parse (`http://www.x gov.cn/`). No visitor
 * can open either.
 */
export type LinkScheme = 'http' | 'javascript' | 'mailto' | 'tel' | 'file' | 'malformed' | 'other';

/** A link the run gives a verdict: a web address, asked; a local file or a malformed address, broken without asking (see neverAsked). */
export const hasVerdict = (scheme: string): boolean => scheme === 'http' || scheme === 'file' || scheme === 'malformed';

/**
 * An address without its scheme, a leading `www.` or a default document (`index.html`,
 * `default.aspx`, …): one place however a page or a registry spells it.
 */
export function addressKey(url: string): string {
  return url.replace(/^https?:\/\/(?:www\.)?/i, '//').replace(/\/(?:index|default)\.(?:s?html?|jsp|aspx?|php)$/i, '/');
}

/** base → href → resolved; forgotten wholesale past a size */
const resolved = new Map<string, Map<string, string | null>>();
let resolvedCount = 0;
const RESOLVED_MAX = 20_000;

/**
 * Absolute, fragment-free, default port dropped, session ids cut; null for what cannot be a URL. Memoised: every
 * extractor resolves the same navigation links of every page of a site.
 */
export function normaliseUrl(href: string, base: string): string | null {
  const scope = resolutionScope(href, base);
  let forBase = resolved.get(scope);
  if (!forBase) {
    if (resolvedCount >= RESOLVED_MAX) {
      resolved.clear();
      resolvedCount = 0;
    }
    resolved.set(scope, (forBase = new Map()));
  }
  let url = forBase.get(href);
  if (url === undefined) {
    url = resolve(href, base);
    forBase.set(ownCopy(href), url);
    resolvedCount++;
  }
  return url;
}

/**
 * The part of the base an href's resolution depends on, so pages of one site share the memo: nothing
 * for an absolute http(s) URL, the origin for a root-relative path, the directory for a relative
 * path; the whole base for the rest (a query, a fragment, an empty or scheme-relative href).
 */
function resolutionScope(href: string, base: string): string {
  if (/^https?:\/\//i.test(href)) return '';
  const c0 = href.charCodeAt(0);
  const { origin, directory } = baseParts(base);
  if (origin === null) return base;
  if (c0 === 0x2f) { // '/'
    const c1 = href.charCodeAt(1);
    return c1 === 0x2f || c1 === 0x5c ? base : origin; // '//' and '/\\' are scheme-relative
  }
  if (Number.isNaN(c0) || c0 === 0x3f || c0 === 0x23 || c0 === 0x5c || c0 <= 0x20 || /^[a-z][a-z0-9+.-]*:/i.test(href)) return base; // '', ?, #, \\, space, other schemes
  return directory;
}

/**
 * The base's origin and directory, cut once per base: a page's links all resolve against one, and
 * the same string each time is hashed once by the memo's map, not once per link.
 */
let lastBase = '';
let lastParts: { origin: string | null; directory: string } = { origin: null, directory: '' };
function baseParts(base: string): { origin: string | null; directory: string } {
  if (base !== lastBase) {
    const authority = base.indexOf('/', base.indexOf('//') + 2);
    const end = base.search(/[?#]/);
    lastParts = authority < 0 ? { origin: null, directory: base } : { origin: base.slice(0, authority), directory: base.slice(0, base.lastIndexOf('/', end < 0 ? base.length : end) + 1) };
    lastBase = base;
  }
  return lastParts;
}

function resolve(href: string, base: string): string | null {
  // the first '#' begins the fragment wherever it stands: cut before parsing, not by the hash setter (which serialises the URL again)
  const trimmed = href.trim();
  const fragment = trimmed.indexOf('#');
  const u = URL.parse(fragment < 0 ? trimmed : trimmed.slice(0, fragment), base);
  return u === null ? null : withoutSessionIds(u.href);
}

const PARTS = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::\d*)?([^?#]*)/i;

/** Host name and path of an absolute URL, read without building a URL object (extractors ask for every link). */
export function urlParts(url: string): { hostname: string; pathname: string } | null {
  const m = PARTS.exec(url);
  if (m) return { hostname: m[1]!.toLowerCase(), pathname: m[2] || '/' };
  try {
    const u = new URL(url);
    return { hostname: u.hostname, pathname: u.pathname };
  } catch {
    return null;
  }
}

/** A URL's host name as a connection takes it: an IPv6 address without its brackets. */
export const bareHostname = (url: URL): string => url.hostname.replace(/^\[|\]$/g, '');

/** A host under gov.cn (or .gov): a government site, whatever its department or level. */
export function isGovernmentHost(hostname: string): boolean {
  return /(?:^|\.)gov(?:\.cn)?\.?$/i.test(hostname);
}

/** A site's domain, as its pages name it: the host name without www. */
export function siteDomain(url: string): string {
  return (urlParts(url)?.hostname ?? '').replace(/^www\./, '');
}

/** On the domain or one of its subdomains (www.x.gov.cn and a.x.gov.cn are x.gov.cn's; notx.gov.cn is not). */
export function inDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

export function schemeOf(href: string): LinkScheme {
  // most hrefs start with '/' or '.', or with http(s):// as written: no match to build
  const c0 = href.charCodeAt(0);
  if (c0 === 0x2f || c0 === 0x2e || href.startsWith('http://') || href.startsWith('https://')) return 'http';
  const m = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!m) return 'http'; // relative
  const s = m[1]!.toLowerCase();
  if (s === 'http' || s === 'https') return 'http';
  if (s === 'javascript' || s === 'mailto' || s === 'tel') return s;
  // a drive letter is no scheme: C:\… and D:/… are paths on the author's own computer
  if (s === 'file' || s.length === 1) return 'file';
  return 'other';
}

/**
 * A site is its origin's host and port plus its subdomains — but for those another registered site
 * is on (`elsewhere`, see RegisteredSites.ownedElsewhere) — and the hosts of its registered mailboxes.
 */
export class SiteScope {
  /** the registry's address, and the one its home page answers at when that is elsewhere (a site that moved) */
  private readonly homes: { host: string; port: string; domain: string }[] = [];
  private readonly extraOrigins: Set<string>;

  constructor(url: string, mailboxes: readonly string[] = [], private readonly elsewhere: (hostname: string) => boolean = () => false) {
    this.alsoAt(url);
    this.extraOrigins = new Set(mailboxes.map((m) => new URL(m).host));
  }

  /**
   * The site also lives where its home page ended up (redirected to a new domain or port): its pages
   * there are the site's pages, not external links.
   */
  alsoAt(url: string): void {
    const u = new URL(url);
    if (this.homes.some((h) => h.host === u.hostname && h.port === u.port)) return;
    const domain = siteDomain(url);
    // www.gov.cn's "subdomains" are every government site in the country: a suffix has none of its own
    this.homes.push({ host: u.hostname, port: u.port, domain: isIp(u.hostname) || PUBLIC_SUFFIX.test(domain) ? '' : domain });
  }

  /** `site`: on the site's own hosts; `mailbox`: on a registered mailbox's host that is not one of them (see Crawler.follow); else null. */
  reach(url: string | URL): 'site' | 'mailbox' | null {
    const u = typeof url === 'string' ? new URL(url) : url;
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (this.homes.some((h) => u.port === h.port && u.hostname === h.host)) return 'site';
    if (this.homes.some((h) => u.port === h.port && h.domain !== '' && inDomain(u.hostname, h.domain)) && !this.elsewhere(u.hostname)) return 'site';
    return this.extraOrigins.has(u.host) ? 'mailbox' : null;
  }
}

/** Domains under which others register (gov.cn, com.cn, …): no site's own domain. */
const PUBLIC_SUFFIX = /^(?:[a-z]+|(?:gov|com|net|org|edu|ac|mil)\.cn)$/i;

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[');
}

const NON_PAGE = /\.(pdf|docx?|xlsx?|pptx?|wps|et|zip|rar|7z|gz|tar|jpe?g|png|gif|bmp|webp|svg|ico|swf|flv|mp[34]|avi|wmv|mov|exe|apk|css|js|txt|xml|json)$/i;

/** Attachments and media are checked, not crawled as pages. */
export function looksLikePage(url: string | URL): boolean {
  return !NON_PAGE.test((typeof url === 'string' ? new URL(url) : url).pathname);
}
