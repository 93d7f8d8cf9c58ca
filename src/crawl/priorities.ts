import { classifyColumn } from '../extract/categories.js';
import { addDays, type LocalDate } from '../extract/dates.js';
import type { PageFacts } from '../extract/page.js';

/**
 * What a page is to the rules: it decides how soon the crawl fetches it (SPEC §3 looks at these first).
 * A frame is a page the home page embeds (a frameset's frames, an iframe, a part a script loads into it): part of the home page.
 */
export type PageRole = 'home' | 'frame' | 'column' | 'mailbox' | 'letters' | 'letter' | 'article' | 'guide' | 'page';

/**
 * Lower is sooner: home page, its frames and column lists, mailboxes, the further pages of their
 * letter lists (`letters`) and letters, articles of dateless columns, guides, the rest.
 */
export const ROLE_PRIORITY: Record<PageRole, number> = { home: 0, frame: 1, column: 1, mailbox: 2, letters: 2, letter: 2, article: 3, guide: 4, page: 9 };

/** Pages whose navigation names the site's columns: the home page, and the frames it shows (a frameset's menu frame). */
export const readsColumns = (role: PageRole): boolean => role === 'home' || role === 'frame';

/** Pagination is followed while a list still shows items this recent (the longest update window). */
export const LONGEST_WINDOW_DAYS = 365;

export interface LinkRole {
  url: string;
  role: PageRole;
}

/**
 * The roles a page's facts give to the pages it links to: the home page (and its frames) names the columns; a column
 * list names its next page (while its items are recent enough), its newest article when it shows no
 * dates, and its guides; consultation entries are mailboxes, whose rows are letters of the last year.
 */
export function linkRoles(facts: PageFacts, role: PageRole, asOf: LocalDate): LinkRole[] {
  const out: LinkRole[] = [];
  if (readsColumns(role)) for (const c of facts.columns ?? []) out.push({ url: c.url, role: 'column' });
  for (const m of facts.consultation) if (!m.imageOnly && /^https?:/.test(m.href)) out.push({ url: m.href, role: 'mailbox' });
  // the rest concerns column lists and mailboxes only (most pages are neither)
  if (role !== 'column' && role !== 'mailbox' && role !== 'letters') return out;
  const since = addDays(asOf, -LONGEST_WINDOW_DAYS);
  if (role === 'column') {
    const main = [...facts.lists].sort((a, b) => b.items.length - a.items.length)[0]?.items ?? [];
    const dates = main.map((i) => i.date).filter((d): d is string => d !== null).sort();
    if (dates.length === 0 && main[0]) out.push({ url: main[0].href, role: 'article' });
    if (dates.length === 0 || dates[0]! >= since) for (const url of facts.pagination) out.push({ url, role: 'column' });
    const name = facts.breadcrumb[facts.breadcrumb.length - 1] ?? facts.title;
    if (classifyColumn(name) === 'service') for (const i of main) out.push({ url: i.href, role: 'guide' });
  }
  if (role === 'mailbox' || role === 'letters') {
    const recent = facts.letters.filter((l) => l.href && (l.asked === null || l.asked >= since));
    for (const l of recent) out.push({ url: l.href!, role: 'letter' });
    if (recent.length > 0) for (const url of facts.pagination) out.push({ url, role: 'letters' });
  }
  return out;
}
