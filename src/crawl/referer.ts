/**
 * The Referer a browser sends when a visitor follows a link from `referrer` to `target`, under its
 * default policy (strict-origin-when-cross-origin): the page's address on its own origin, only its
 * origin on another, nothing from HTTPS to HTTP. Sites that refuse requests from other pages
 * (hotlink protection, 防盗链: nginx's valid_referers without `none`) answer a link's attachment or
 * image with 403 to a request without one; a visitor clicking the link gets the file.
 */
export function refererHeader(referrer: string | null, target: string): Record<string, string> {
  if (referrer === null) return {};
  const from = originOf(referrer);
  if (from === originOf(target)) return { referer: referrer };
  if (from.startsWith('https:') && target.startsWith('http:')) return {};
  return { referer: `${from}/` };
}

/** The origin of a normalised absolute URL (scheme, host, port as serialised): asked of every request, so read off the string. */
function originOf(url: string): string {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return path < 0 ? url : url.slice(0, path);
}
