import { belowRoot, innerPageRoot } from '../crawl/inner-page.js';
import type { RegisteredSites } from '../crawl/registered-sites.js';
import type { StoredLink } from '../extract/links.js';
import type { Db } from '../store/db.js';
import { linkSetOf } from '../store/links.js';
import type { StoredSite } from '../store/sites.js';

/**
 * The root a site's registered address is an inner page of, its home page's own 首页 link says (see
 * innerPageRoot): the report says so beside the site, for the registry to be checked before a notice
 * goes out on what an intro page lacks. Null when it is not one, or its home page was not read.
 */
export function innerPageOf(db: Db, runId: number, site: StoredSite, registered: RegisteredSites): string | null {
  if (!belowRoot(site.url)) return null;
  const links = JSON.parse(linkSetOf(db, runId, site.id, site.url)) as StoredLink[];
  return innerPageRoot(site.url, links, (root) => registered.registeredElsewhere(root, site.id));
}
