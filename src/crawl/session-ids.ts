/**
 * Session ids a server writes into its links for a visitor that keeps no cookie, as a crawler does:
 * Tomcat's and other Java servers' `;jsessionid=…` (Struts and JSP tags write it into every link
 * they make), PHP's `PHPSESSID=…` in the query, ASP.NET's cookieless `/(S(…))/` segment. Every visit
 * without one starts a new session, so one page would be a new URL on every page that links to it:
 * the site crawled again under each session until its page budget, and a dead link counted once per
 * session. Cut, as Nutch's and Heritrix's normalisers cut them: the page is the same without them.
 * Only names that are never anything but a session (not `sid`, which sites also use for a site id).
 */
const HINT = /sessi|\/\([a-z]\(/i;
const PATH_SESSION = /;jsessionid=[^;/?#]*/gi;
const COOKIELESS_SEGMENT = /\/\((?:[a-z]\([^()/?#]*\))+\)(?=\/)/gi;
const QUERY_SESSION = /^(?:jsessionid|phpsessid)(?:=|$)/i;

/** The URL (absolute, serialised, fragment-free) without the session ids its server wrote into it. */
export function withoutSessionIds(url: string): string {
  if (!HINT.test(url)) return url;
  const q = url.indexOf('?');
  const path = (q < 0 ? url : url.slice(0, q)).replace(PATH_SESSION, '').replace(COOKIELESS_SEGMENT, '');
  if (q < 0) return path;
  const params = url.slice(q + 1).split('&');
  const kept = params.filter((p) => !QUERY_SESSION.test(p));
  if (kept.length === params.length) return `${path}?${url.slice(q + 1)}`;
  return kept.length > 0 ? `${path}?${kept.join('&')}` : path;
}
