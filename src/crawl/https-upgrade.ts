import { unanswered } from './controls.js';
import type { FetchOutcome } from './outcome.js';

/**
 * Browsers ask an `http://` address over HTTPS when plain HTTP gets no answer (Chrome's
 * HTTPS-Upgrades, and the like in Firefox and Safari): a site that closed port 80 when it moved to
 * HTTPS — as many government sites did — still opens for a visitor from its old `http://` links and
 * its registry address, which the crawl had as a site down and dead links. Asked again at `https://`
 * (default ports only) when the `http://` request was refused or reset (through a proxy, its 502),
 * or, for a home page, timed out; the answer is recorded as browsers show it, a 307 to the
 * `https://` address. When HTTPS gets no answer either, the `http://` failure stands.
 */
export async function withHttpsUpgrade(url: string, fetchFrom: (url: string) => Promise<FetchOutcome>, { proxied, onTimeout }: { proxied: boolean; onTimeout: boolean }): Promise<FetchOutcome> {
  const outcome = await fetchFrom(url);
  const secure = upgradeOf(url, outcome, proxied, onTimeout);
  if (secure === null) return outcome;
  const upgraded = await fetchFrom(secure);
  // no answer over HTTPS either (through a proxy, its 502 or 504 for the tunnel): the http:// failure stands
  return upgraded.ok && !unanswered(upgraded, proxied) ? { ...upgraded, redirects: [{ url, status: 307 }, ...upgraded.redirects] } : outcome;
}

function upgradeOf(url: string, outcome: FetchOutcome, proxied: boolean, onTimeout: boolean): string | null {
  if (!url.startsWith('http://')) return null;
  const noAnswer = outcome.ok
    ? proxied && outcome.status === 502
    : outcome.code === 'ECONNREFUSED' || outcome.code === 'ECONNRESET' || (onTimeout && outcome.code === 'ETIMEDOUT');
  if (!noAnswer) return null;
  const u = new URL(url);
  if (u.port !== '') return null;
  u.protocol = 'https:';
  return u.href;
}
