import { isIP } from 'node:net';

/**
 * An address only a local network reaches: `localhost`, and IP literals in the loopback, private,
 * shared (carrier NAT) and link-local ranges (IPv4 and IPv6). A public site's link to one (an office
 * system at http://192.168.1.10:8080/oa/, a test server at localhost) opens for no visitor from
 * outside — and asking for it would aim the crawl at the inspector's own network.
 */
export function isIntranetHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const kind = isIP(host);
  if (kind === 4) {
    const [a, b] = host.split('.').map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (kind === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    if (mapped) return isIntranetHost(mapped[1]!);
    return host === '::1' || host === '::' || /^f[cd]/.test(host) || /^fe[89ab]/.test(host);
  }
  return false;
}

/** What an intranet address can start with: a name ending in localhost, an IP literal (a digit, or `[`). Asked of every link checked, so looked at before any URL is parsed. */
const MAYBE_INTRANET = /^https?:\/\/(?:[^/@]*@)?(?:\d|\[|[^/:]*localhost)/i;

/** A link from a page on a public host to an intranet address (see isIntranetHost); a site that is itself on one links freely. */
export function intranetLink(target: string, fromPage: string | null): boolean {
  if (fromPage === null || !MAYBE_INTRANET.test(target)) return false;
  const [to, from] = [URL.parse(target), URL.parse(fromPage)];
  return to !== null && from !== null && isIntranetHost(to.hostname) && !isIntranetHost(from.hostname);
}
