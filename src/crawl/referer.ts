/**
 * The Referer a browser sends when a visitor follows a link from `referrer` to `target`, under its
 * default policy (strict-origin-when-cross-origin): the page's address on its own origin, only its
 * origin on another, nothing from HTTPS to HTTP. Sites that refuse requests from other pages
 * (hotlink protection, 防盗链: nginx's valid_referers without `none`) answer a link's attachment or
 * image with 403 to a request without one; a visitor clicking the link gets the file.
 */
export function refererHeader(referrer: string | null, target: string): Record<string, string> {
  if (referrer === null) return {};
  const from = new URL(referrer);
  const to = new URL(target);
  if (from.origin === to.origin) return { referer: referrer };
  if (from.protocol === 'https:' && to.protocol === 'http:') return {};
  return { referer: `${from.origin}/` };
}
