import type { Document, Element } from 'domhandler';
import { addressKey, inDomain, isGovernmentHost, siteDomain, urlParts } from '../crawl/scope.js';
import { classifyColumn, type ColumnCategory } from './categories.js';
import { urlDate } from './dates.js';
import { DocumentIndex, rawText } from './document-index.js';

export interface Column {
  name: string;
  url: string;
  category: ColumnCategory;
  /** in the site's main navigation */
  firstLevel: boolean;
}

const NAV = /nav|menu|daohang|lanmu|channel|column|topbar|mainmenu|dh\b/i;
const FOOTER = /foot|bottom|copyright|friendlink|yqlj/i;
const NOT_COLUMN = /^(首页|网站首页|返回首页|english|无障碍|长者模式|更多|more|登录|注册|设为首页|加入收藏|关怀版|繁体|简体|手机版|网站地图)/i;

/**
 * The columns (栏目) a page links to: links in navigation containers are first-level; block headings
 * that link to a list are second-level. Names are 2–12 characters; the site's own pages only, but for
 * a service entry on another government host.
 */
export function extractColumns(doc: Document, pageUrl: string): Column[] {
  const domain = siteDomain(pageUrl);
  const index = DocumentIndex.of(doc);
  const columns = new Map<string, Column>();
  const add = (a: Element, firstLevel: boolean) => {
    const name = rawText(a).replace(/\s+/g, '').trim() || (a.attribs['title'] ?? '').trim();
    const url = index.hrefOf(a, pageUrl);
    if (!url || !/^https?:/.test(url) || name.length < 2 || name.length > 12 || NOT_COLUMN.test(name)) return;
    const host = urlParts(url)?.hostname ?? '';
    const category = classifyColumn(name);
    // a portal's 政务服务 entry usually leads to the province's service platform, another government
    // host: it is the site's service column all the same (linked, not crawled: it is another site)
    if (!inDomain(host, domain) && !(category === 'service' && isGovernmentHost(host))) return;
    // one column, one key: the menu's /xwdt/ and the block heading's www.x.gov.cn/xwdt/index.html are
    // one list, and counted twice it would be two stale columns
    const key = addressKey(url);
    const known = columns.get(key);
    if (known) {
      known.firstLevel ||= firstLevel;
      return;
    }
    columns.set(key, { name, url, category, firstLevel });
  };
  // one pass over the anchors, looking up their ancestors (selectors with [class*=…] cost more than the walk)
  const anchors = index.anchors();
  for (const a of anchors) if (inNavigation(a)) add(a, true);
  // a headline in a heading (news cards put titles in h3) is an article, not a column: its URL is dated
  for (const a of anchors) if (inHeading(a) && !urlDate(index.hrefOf(a, pageUrl) ?? '')) add(a, false);
  return [...columns.values()];
}

/** A block heading's link: inside h1–h4, or directly in a *title* / *tit* element. */
function inHeading(a: Element): boolean {
  let n = a.parent as Element | null;
  for (let depth = 0; n && n.type === 'tag' && depth < 3; n = n.parent as Element | null, depth++) {
    if (/^h[1-4]$/.test(n.tagName) || /title/i.test(n.attribs['class'] ?? '')) return true;
    if (depth === 0 && /\btit/i.test(n.attribs['class'] ?? '')) return true;
  }
  return false;
}

/** Inside a navigation container and not in the footer (footers repeat 关于本网, 网站声明 in a "nav"). */
function inNavigation(a: Element): boolean {
  let nav = false;
  for (let n = a.parent as Element | null; n && n.type === 'tag'; n = n.parent as Element | null) {
    const names = `${n.attribs['class'] ?? ''} ${n.attribs['id'] ?? ''}`;
    if (n.tagName === 'footer' || FOOTER.test(names)) return false;
    if (n.tagName === 'nav' || NAV.test(names)) nav = true;
  }
  return nav;
}
