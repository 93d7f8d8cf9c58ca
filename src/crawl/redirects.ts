import type { FetchOutcome, Redirect } from './outcome.js';

export const MAX_REDIRECTS = 10;

/**
 * Follows redirects by hand so the chain is recorded, capped, and a loop is reported as
 * EREDIRECTLOOP instead of being followed forever. `hop` fetches one URL (with its retries).
 */
export async function followRedirects(url: string, hop: (url: string) => Promise<FetchOutcome>, maxRedirects = MAX_REDIRECTS): Promise<FetchOutcome> {
  const chain: Redirect[] = [];
  const seen = new Set<string>([url]);
  let current = url;
  let total = 0;
  for (;;) {
    const outcome = await hop(current);
    total += outcome.ms;
    const location = outcome.ok && outcome.status >= 300 && outcome.status < 400 ? outcome.headers['location'] : undefined;
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
