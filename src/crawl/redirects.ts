import { decodeHtml } from '../extract/decode.js';
import { withoutComments } from '../extract/js-code.js';
import { scriptedUrls } from '../extract/links.js';
import type { RequestOptions } from './http-client.js';
import type { FetchOutcome, Redirect } from './outcome.js';

export const MAX_REDIRECTS = 10;

/**
 * Follows redirects by hand so the chain is recorded, capped, and a loop is reported as
 * EREDIRECTLOOP instead of being followed forever. `hop` fetches one URL (with its retries).
 * `stubs`: a stub page (a `<meta http-equiv="refresh">`, or a script that only sets the location) is
 * followed too (a site's home page only: a dead link's "not found, back to the home page in 3 s" stub
 * must stay what it says it is).
 */
export async function followRedirects(url: string, hop: (url: string, cookie?: string) => Promise<FetchOutcome>, { maxRedirects = MAX_REDIRECTS, stubs = false } = {}): Promise<FetchOutcome> {
  const chain: Redirect[] = [];
  const jar = new CookieJar();
  const seen = new Set<string>([`${url}\n`]);
  let current = url;
  let total = 0;
  for (;;) {
    const outcome = await hop(current, jar.cookieFor(current));
    total += outcome.ms;
    if (outcome.ok) jar.keep(current, outcome.headers['set-cookie']);
    const location = outcome.ok && outcome.status >= 300 && outcome.status < 400 ? outcome.headers['location'] : stubs ? stubRedirect(outcome, current) : undefined;
    if (!outcome.ok || location === undefined || outcome.status === 304) {
      return { ...outcome, finalUrl: current, redirects: chain, ms: total };
    }
    chain.push({ url: current, status: outcome.status });
    let next: string;
    try {
      next = new URL(location, current).href.replace(/#.*$/, '');
    } catch {
      return { ok: false, code: 'EBADREDIRECT', message: `unparseable Location "${location}"`, finalUrl: current, redirects: chain, ms: total };
    }
    // back to a URL with the cookies it just set is a cookie check (a WAF's, a session's), no loop; back with nothing new is
    const state = `${next}\n${jar.cookieFor(next) ?? ''}`;
    if (seen.has(state)) {
      return { ok: false, code: 'EREDIRECTLOOP', message: `redirect loop back to ${next}`, finalUrl: next, redirects: chain, ms: total };
    }
    if (chain.length >= maxRedirects) {
      return { ok: false, code: 'EMAXREDIRECTS', message: `more than ${maxRedirects} redirects`, finalUrl: next, redirects: chain, ms: total };
    }
    seen.add(state);
    current = next;
  }
}

/** A request carrying the cookies its redirect chain set. */
export function withCookie(request: RequestOptions, cookie: string | undefined): RequestOptions {
  return cookie ? { ...request, headers: { ...request.headers, cookie } } : request;
}

/**
 * The cookies a redirect chain sets, sent back along it as a browser would: a server that answers
 * a first visit with "302 to the same page, Set-Cookie" opens to the second. Kept per host for one
 * chain only (nothing is remembered across pages), with no attributes honoured but the host.
 */
class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  /** `setCookie`: the Set-Cookie headers, one per line (see flattenHeaders) */
  keep(url: string, setCookie: string | undefined): void {
    if (!setCookie) return;
    const host = new URL(url).host;
    let cookies = this.byHost.get(host);
    if (!cookies) this.byHost.set(host, (cookies = new Map()));
    for (const line of setCookie.split('\n')) {
      const pair = line.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  cookieFor(url: string): string | undefined {
    // most chains set no cookie: no URL parsed on the crawl's path for them
    if (this.byHost.size === 0) return undefined;
    const cookies = this.byHost.get(new URL(url).host);
    return cookies?.size ? [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }
}

/** A refresh at most this many seconds away sends a visitor on (a stub page); a longer one reloads a page that is read. */
const MAX_REFRESH_SECONDS = 5;
const REFRESH_TAG = /^<meta\b[^>]*http-equiv\s*=\s*["']?refresh\b/i;
const CONTENT = /content\s*=\s*(["'])([^>]*?)\1/i;
/** a refresh's value, in a meta tag's content or the HTTP header browsers follow alike: `0; url=/portal/` */
const REFRESH = /^\s*(\d+(?:\.\d+)?)\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)/i;
/** a page this short whose scripts only send the visitor on is a stub */
const SCRIPT_STUB_CHARS = 2048;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * Where a 200 HTML page that is a stub sends a visitor: many portals' addresses are one in front of
 * the real home page (/col/col1/…), which a browser shows and an audit must read. A stub is a
 * `Refresh` header or a `<meta http-equiv="refresh" content="0;url=…">` anywhere in the page, as a
 * browser acts on it wherever it stands (not without a URL, nor further away than
 * MAX_REFRESH_SECONDS), or a page of under 2 KB with no link whose scripts set one location and
 * decide nothing (a mobile check picks a site, not a page to read), or an entrance page (see
 * entranceLink). Never the page itself.
 */
export function stubRedirect(outcome: FetchOutcome, url: string): string | undefined {
  if (!outcome.ok || outcome.status !== 200 || !/html|^$/i.test(outcome.headers['content-type'] ?? '')) return undefined;
  const page = readable(outcome.body.toString('latin1'));
  const refresh = REFRESH.exec(outcome.headers['refresh'] ?? CONTENT.exec(refreshTag(page) ?? '')?.[2] ?? '');
  const written = refresh ? (Number(refresh[1]) <= MAX_REFRESH_SECONDS ? refresh[2]!.trim() : '') : scriptedLocation(page.html) ?? entranceOf(outcome);
  if (!written) return undefined;
  try {
    const target = new URL(written, url).href.replace(/#.*$/, '');
    return target === url.replace(/#.*$/, '') ? undefined : target;
  } catch {
    return undefined;
  }
}

/** A page's HTML as a browser acts on it, and its lower-case copy (latin1 keeps every index). */
interface Readable {
  html: string;
  lower: string;
}

/**
 * The first `<meta http-equiv="refresh">`: each `<meta` cut at the `>` that ends it and tried alone,
 * and the search goes on after that `>` (a `<meta` before it is inside this tag, as a browser's
 * tokenizer reads it), so a hostile page of `<meta` without `>` is read once, not once a tag.
 */
function refreshTag({ html, lower }: Readable): string | undefined {
  for (let at = lower.indexOf('<meta'); at >= 0; ) {
    const end = lower.indexOf('>', at);
    if (end < 0) return undefined;
    const tag = html.slice(at, end + 1);
    if (REFRESH_TAG.test(tag)) return tag;
    at = lower.indexOf('<meta', end + 1);
  }
  return undefined;
}

/**
 * The HTML a browser acts on for a refresh: comments left out (an old redirect commented out is a
 * common sight) and `<noscript>` (raw text to a browser that runs scripts). An unclosed one hides
 * the rest. One pass: each kind's next opening is looked for again only once passed, so a page of
 * many comments is read once; the lower-case copy is cut alike.
 */
function readable(text: string): Readable {
  const lower = text.toLowerCase();
  const kept: [number, number][] = [];
  let from = 0;
  let comment = lower.indexOf('<!--');
  let noscript = lower.indexOf('<noscript');
  for (;;) {
    if (comment >= 0 && comment < from) comment = lower.indexOf('<!--', from);
    if (noscript >= 0 && noscript < from) noscript = lower.indexOf('<noscript', from);
    const start = comment < 0 ? noscript : noscript < 0 ? comment : Math.min(comment, noscript);
    const end = start < 0 ? -1 : lower.indexOf(start === comment ? '-->' : '</noscript', start + 4);
    kept.push([from, start < 0 ? text.length : start]);
    if (start < 0 || end < 0) break;
    from = end + (start === comment ? 3 : 10);
  }
  const cut = (s: string) => kept.map(([a, b]) => s.slice(a, b)).join(' ');
  return { html: cut(text), lower: cut(lower) };
}

function scriptedLocation(html: string): string | undefined {
  if (html.length > SCRIPT_STUB_CHARS || /<a\s/i.test(html)) return undefined;
  // an old location a template has commented out is not where the page sends a visitor
  const scripts = withoutComments([...html.matchAll(SCRIPT)].map((m) => m[1]!).join('\n'));
  if (/\bif\s*\(|navigator\./.test(scripts)) return undefined;
  const targets = new Set(scriptedUrls(scripts, false));
  return targets.size === 1 ? [...targets][0] : undefined;
}

/** an entrance page's size, its links (its entrance, the ICP and badge links of its footer) and its words at most */
const ENTRANCE_BYTES = 16_384;
const ENTRANCE_LINKS = 8;
const ENTRANCE_TEXT = 300;
const ANCHOR = /<a\b([^>]*)>([\s\S]*?)<\/a>/gi;
const HREF = /\bhref\s*=\s*(?:(["'])([^"']*)\1|([^\s>]+))/i;
const ATTRIBUTE_WORDS = /\b(?:alt|title)\s*=\s*["']([^"']*)/i;
/** what an entrance link says (its text, or its picture's alt or title): 进入网站, 点击进入, 进入首页>> */
const ENTER = /^(?:点击)?进入(?:本站|网站|首页|主页|门户|门户网站|政府网站)?(?:>>|»|→)?$/;

/**
 * An entrance page (引导页): a picture, a few words and one link that says 进入网站 — a visitor clicks it
 * to reach the home page, which is what is read. Judged as the home page, it had no dated item and no
 * column: a site whose home page was "not updated", wrongly.
 */
function entranceOf(outcome: FetchOutcome & { ok: true }): string | undefined {
  // its words are read in its charset (the refresh and script scans need only ASCII)
  return outcome.body.length > ENTRANCE_BYTES ? undefined : entranceLink(readable(decodeHtml(outcome.body, outcome.headers['content-type']).text).html);
}

function entranceLink(html: string): string | undefined {
  const anchors = [...html.matchAll(ANCHOR)];
  if (anchors.length === 0 || anchors.length > ENTRANCE_LINKS) return undefined;
  const words = html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/&nbsp;|\s+/g, '');
  if (words.length > ENTRANCE_TEXT) return undefined;
  // what a link says: its words, else its picture's alt or title, else its own title
  const said = (attributes: string, inner: string) => (inner.replace(/<[^>]*>/g, '').replace(/&nbsp;|\s+/g, '') || ATTRIBUTE_WORDS.exec(inner)?.[1] || ATTRIBUTE_WORDS.exec(attributes)?.[1] || '').replace(/\s+/g, '');
  const entrances = anchors.filter(([, attributes, inner]) => ENTER.test(said(attributes!, inner!)));
  if (entrances.length !== 1) return undefined;
  const href = HREF.exec(entrances[0]![1]!);
  const target = href ? (href[2] ?? href[3])!.trim() : '';
  // an entrance opened by script (javascript:void(0) and an onclick) is not followed: no address to ask
  return target === '' || /^(?:javascript|mailto|tel):|^#/i.test(target) ? undefined : target;
}
