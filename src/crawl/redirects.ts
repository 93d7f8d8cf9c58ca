import type { FetchOutcome, Redirect } from './outcome.js';

export const MAX_REDIRECTS = 10;

/**
 * Follows redirects by hand so the chain is recorded, capped, and a loop is reported as
 * EREDIRECTLOOP instead of being followed forever. `hop` fetches one URL (with its retries).
 * `metaRefresh`: a `<meta http-equiv="refresh">` stub is followed too (a site's home page only: a
 * dead link's "not found, back to the home page in 3 s" stub must stay what it says it is).
 */
export async function followRedirects(url: string, hop: (url: string) => Promise<FetchOutcome>, { maxRedirects = MAX_REDIRECTS, metaRefresh: refreshes = false } = {}): Promise<FetchOutcome> {
  const chain: Redirect[] = [];
  const seen = new Set<string>([url]);
  let current = url;
  let total = 0;
  for (;;) {
    const outcome = await hop(current);
    total += outcome.ms;
    const location = outcome.ok && outcome.status >= 300 && outcome.status < 400 ? outcome.headers['location'] : refreshes ? metaRefresh(outcome, current) : undefined;
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
    if (seen.has(next)) {
      return { ok: false, code: 'EREDIRECTLOOP', message: `redirect loop back to ${next}`, finalUrl: next, redirects: chain, ms: total };
    }
    if (chain.length >= maxRedirects) {
      return { ok: false, code: 'EMAXREDIRECTS', message: `more than ${maxRedirects} redirects`, finalUrl: next, redirects: chain, ms: total };
    }
    seen.add(next);
    current = next;
  }
}

/** A refresh at most this many seconds away sends a visitor on (a stub page); a longer one reloads a page that is read. */
const MAX_REFRESH_SECONDS = 5;
const REFRESH_TAG = /<meta\b[^>]*http-equiv\s*=\s*["']?refresh\b[^>]*>/i;
const REFRESH_CONTENT = /content\s*=\s*(["'])\s*(\d+(?:\.\d+)?)\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'">]*)/i;

/**
 * Where a 200 HTML page sends a visitor by `<meta http-equiv="refresh" content="0;url=…">` in its
 * first 4 KB: many portals' addresses are such a stub in front of the real home page (/col/col1/…),
 * which a browser shows and an audit must read. Not a refresh without a URL, to the page itself, or
 * further away than MAX_REFRESH_SECONDS.
 */
export function metaRefresh(outcome: FetchOutcome, url: string): string | undefined {
  if (!outcome.ok || outcome.status !== 200 || !/html|^$/i.test(outcome.headers['content-type'] ?? '')) return undefined;
  return refreshTarget(outcome.body.subarray(0, 4096).toString('latin1'), url);
}

/** The page a refresh stub's HTML sends a visitor to (see metaRefresh). */
export function refreshTarget(html: string, url: string): string | undefined {
  const tag = REFRESH_TAG.exec(html.slice(0, 4096))?.[0];
  const m = tag ? REFRESH_CONTENT.exec(tag) : null;
  if (!m || Number(m[2]) > MAX_REFRESH_SECONDS || !m[3]!.trim()) return undefined;
  try {
    const target = new URL(m[3]!.trim(), url).href.replace(/#.*$/, '');
    return target === url.replace(/#.*$/, '') ? undefined : target;
  } catch {
    return undefined;
  }
}
