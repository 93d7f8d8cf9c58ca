import type { StoredLink } from '../extract/links.js';
import { addressKey } from './scope.js';

/** what a link to a site's home page says */
const HOME_LINK = /^(?:网站首页|首页|返回首页|回到首页|主页|网站主页)$/;

/**
 * A portal registered at one of its inner pages (of the 206 rows of county-portals.csv below a
 * host's root, most give a 走进/概况 page, www.beijing.gov.cn/renwen/bjgk/): read as the home page,
 * it carries none of the news, and the site fails homepage-not-updated. The root its own 首页 link
 * leads to, when the registered address `at` is below its host's root (a root that is a stub in front
 * of /col/col1/index.html is a home page, whatever that page's 首页 says) and `registeredThere`
 * (another site at that root) is false; else null. The report says so and the site is audited as
 * registered all the same: a department's site at a path of its portal links 首页 to the portal
 * too, and a sample registry may not hold the portal.
 */
export function innerPageRoot(at: string, links: readonly StoredLink[], registeredThere: (root: string) => boolean): string | null {
  const root = `${new URL(at).origin}/`;
  if (!belowRoot(at) || registeredThere(root)) return null;
  const home = addressKey(root);
  return links.some(([target, , text]) => addressKey(target) === home && HOME_LINK.test(text.replace(/\s+/g, ''))) ? root : null;
}

/** A registered address below its host's root (not the root, nor a default document there): one that may be an inner page. */
export const belowRoot = (url: string): boolean => addressKey(url) !== addressKey(`${new URL(url).origin}/`);
