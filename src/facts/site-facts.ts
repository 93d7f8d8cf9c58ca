import { classifyColumn, type ColumnCategory } from '../extract/categories.js';
import { addressKey } from '../crawl/scope.js';
import type { LocalDate } from '../extract/dates.js';
import type { Letter } from '../extract/letters.js';
import type { ListItem } from '../extract/list-items.js';
import { EMBEDDING_TAGS } from '../extract/links.js';
import type { Mailbox } from '../extract/mailboxes.js';
import type { PageFacts } from '../extract/page.js';
import { similarity, TWIN_SIMILARITY } from '../extract/minhash.js';
import { statement, type Db } from '../store/db.js';
import { lastVerdicts, type LinkStatus } from '../store/link-status.js';
import { mergedInto, type MergedInto } from '../store/runs.js';
import type { StoredSite } from '../store/sites.js';
import { pageFactsOf } from '../store/page-facts.js';
import { letterStats, type LetterStats } from './letter-stats.js';

export interface ColumnFacts {
  name: string;
  url: string;
  category: ColumnCategory;
  /** the registry's own window for this column, in days (it beats the profile's category window) */
  overrideDays: number | null;
  firstLevel: boolean;
  /** its list page was crawled and read */
  seen: boolean;
  /** its list page was crawled but fills its list by script: not read, so neither empty nor stale as far as govsite knows */
  scripted: boolean;
  items: number;
  /** its list's dated items, its further pages' included (each href once) */
  datedItems: { href: string; date: LocalDate }[];
  lastUpdate: LocalDate | null;
  empty: boolean;
}

export interface MailboxFacts extends Mailbox {
  url: string;
  /** the link was checked and found broken */
  dead: boolean;
  /** its page was crawled and read (one on another host only when the registry names it the site's mailbox) */
  read: boolean;
  /** its page lists its letters by script (none of them in its HTML): how many were answered is unknown */
  scripted: boolean;
}

/** A letter with the page it was read on: a list row that opens the letter by script has no page of its own to cite. */
export interface SeenLetter extends Letter {
  page: string;
}

/** Everything the checks know of one site in one run, assembled from stored page facts. */
export interface SiteFacts {
  siteId: string;
  homeUrl: string;
  home: PageFacts | null;
  /** the home page's dated list items, its frames' included */
  homeItems: ListItem[];
  columns: ColumnFacts[];
  mailboxes: MailboxFacts[];
  letters: SeenLetter[];
  letterStats: LetterStats;
  guides: { url: string; title: string; present: string[]; missing: string[]; attachments: { target: string; text: string; verdict: string | null }[] }[];
  spam: { url: string; terms: string[]; hiddenLinks: { href: string; text: string }[] }[];
  twins: { pages: [string, string]; similarity: number }[];
  articles: { url: string; publishDate: LocalDate | null }[];
  /** every list row the site published, page by page (letter lists left out: a letter's date is the citizen's) */
  pageItems: { page: string; items: ListItem[] }[];
  /** its home page led into another registered site: merged into it, and nothing of it read (see RegisteredSites) */
  mergedInto: MergedInto | null;
}

/** A mailbox that asks a visitor to log in first (401, 403 to an anonymous robot) is a working channel: citizens write once logged in. */
const LOGIN_FIRST = new Set(['401', '403']);
const isDead = (v: LinkStatus | undefined): boolean => v?.verdict === 'broken' && !LOGIN_FIRST.has(v.status);

/** Columns that are lists by nature: with no item at all they are "open skylights" (开天窗). */
const LIST_CATEGORIES = new Set<ColumnCategory>(['news', 'notice', 'policy', 'personnel-plan', 'survey', 'interview']);


export function loadSiteFacts(db: Db, runId: number, site: StoredSite, asOf: LocalDate, verdicts: ReadonlyMap<string, LinkStatus> = lastVerdicts(db, runId)): SiteFacts {
  const merged = mergedInto(db, runId, site);
  // a merged site's pages are none of its own: its crawl stopped at its home page, the other site's
  const pages = merged ? new Map<string, PageFacts>() : pageFactsOf(db, runId, site.id);
  const home = pages.get(site.url) ?? null;
  // what a home page shows in its frames (a news list in an <iframe>, a frameset) is on the home page
  const homeParts = home ? framesOf(db, runId, site.url).map((url) => pages.get(url)).filter((p): p is PageFacts => p !== undefined) : [];
  const homeItems = [home, ...homeParts].flatMap((p) => p?.lists ?? []).flatMap((l) => l.items).filter((i) => i.date !== null);

  const paginated = paginationByFolder(pages.keys());
  const pageKeys = [...pages.entries()].map(([url, p]) => [addressKey(url), p] as const);
  // a frameset's menu frame names the columns as the home page itself would
  const columns = [...new Map([home, ...homeParts].flatMap((p) => p?.columns ?? []).map((c) => [addressKey(c.url), c])).values()].map((c): ColumnFacts => {
    const override = site.columns[c.name];
    const category = typeof override === 'string' ? (override as ColumnCategory) : c.category ?? classifyColumn(c.name);
    const overrideDays = typeof override === 'number' ? override : null;
    // its list at any of its addresses (the menu's /xwdt/ or the heading's /xwdt/index.html), and its further pages
    const ownPages = new Set([addressKey(c.url), ...(paginated.get(c.url.replace(/[^/]*$/, '')) ?? []).map(addressKey)]);
    const listPages = pageKeys.filter(([key]) => ownPages.has(key)).map(([, p]) => p);
    const items = dedupeItems(listPages.flatMap((p) => mainList(p)));
    const datedItems = items.filter((i) => i.date !== null).map((i) => ({ href: i.href, date: i.date! }));
    const dated = datedItems.map((i) => i.date);
    // a list whose rows carry no date is dated by the newest of its articles that were crawled
    const fromArticles = items.map((i) => pages.get(i.href)?.publishDate ?? null).filter((d): d is string => d !== null);
    const lastUpdate = [...(dated.length ? dated : fromArticles)].sort().pop() ?? null;
    const scripted = items.length === 0 && listPages.some((p) => p.scriptedList);
    const seen = listPages.length > 0 && !scripted;
    return {
      name: c.name, url: c.url, category, overrideDays, firstLevel: c.firstLevel, seen, scripted,
      items: items.length, datedItems, lastUpdate, empty: seen && (listPages[0]!.empty || (items.length === 0 && LIST_CATEGORIES.has(category))),
    };
  });

  const mailboxes = new Map<string, MailboxFacts>();
  for (const [url, p] of pages) {
    for (const m of p.consultation) {
      const key = `${m.label}|${m.href}`;
      if (!mailboxes.has(key)) mailboxes.set(key, { ...m, url, dead: !m.imageOnly && isDead(verdicts.get(m.href)), read: pages.has(m.href), scripted: pages.get(m.href)?.scriptedList === true });
    }
  }

  const letters = mergeLetters([...pages.entries()].flatMap(([page, p]) => p.letters.map((l) => ({ ...l, page }))));
  const distinct = onePerPage([...pages.entries()]);
  const articles = distinct.filter(([, p]) => p.fingerprint !== null);
  const twins: SiteFacts['twins'] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const [a, pa] = articles[i]!;
      const [b, pb] = articles[j]!;
      const s = similarity(pa.fingerprint!, pb.fingerprint!);
      if (s >= TWIN_SIMILARITY) twins.push({ pages: [a, b], similarity: s });
    }
  }

  return {
    siteId: site.id,
    homeUrl: site.url,
    home: home && homeParts.length > 0 ? withFrames(home, homeParts) : home,
    homeItems,
    columns,
    mailboxes: [...mailboxes.values()],
    letters,
    letterStats: letterStats(letters, asOf),
    guides: distinct.filter(([, p]) => p.guide.present.length + p.guide.missing.length > 0)
      .map(([url, p]) => ({ url, title: p.title, ...p.guide, attachments: attachmentsOf(db, runId, url, verdicts) })),
    spam: distinct.filter(([, p]) => p.spam.terms.length > 0 || p.spam.hiddenLinks.length > 0).map(([url, p]) => ({ url, ...p.spam })),
    twins,
    articles: distinct.filter(([, p]) => p.letters.length === 0).map(([url, p]) => ({ url, publishDate: p.publishDate })),
    // a page's rows as its lists hold them, not copied one by one with their page: a national report reads millions
    pageItems: [...pages.entries()].filter(([, p]) => p.letters.length === 0 && p.lists.length > 0).map(([page, p]) => ({ page, items: p.lists.length === 1 ? p.lists[0]!.items : p.lists.flatMap((l) => l.items) })),
    mergedInto: merged,
  };
}

/**
 * The pages, each once: addresses whose main text is the same (one signature) are one page — a
 * redirect, a tracking query, an index.html beside its folder — kept at its shortest address. Else
 * one article read twice is a pair of "twin reports", and one guide two incomplete guides.
 */
function onePerPage(pages: [string, PageFacts][]): [string, PageFacts][] {
  const kept = new Map<string, string>();
  const before = (a: string, b: string) => a.length < b.length || (a.length === b.length && a < b);
  for (const [url, p] of pages) {
    if (!p.signature) continue;
    const other = kept.get(p.signature);
    if (other === undefined || before(url, other)) kept.set(p.signature, url);
  }
  return pages.filter(([url, p]) => !p.signature || kept.get(p.signature) === url);
}

/** A home page as a visitor sees it with its frames: a frame's footer, search box or 找错 entry is on the home page. */
function withFrames(home: PageFacts, frames: readonly PageFacts[]): PageFacts {
  const all = [home, ...frames];
  const first = <K extends keyof PageFacts['identifiers']>(key: K) => all.map((p) => p.identifiers[key]).find((v) => v) ?? home.identifiers[key];
  return {
    ...home,
    identifiers: { siteId: first('siteId'), icp: first('icp'), police: first('police'), badge: first('badge') },
    search: all.some((p) => p.search),
    errorReportEntry: all.some((p) => p.errorReportEntry),
  };
}

/**
 * The pages a page embeds: its frames and iframes, the parts a script loads into it, and its
 * scripts (what they write into it; crawled as pages of their own, a home page's only).
 */
function framesOf(db: Db, runId: number, pageUrl: string): string[] {
  return (statement(db, `SELECT DISTINCT target FROM page_links WHERE run_id = ? AND from_url = ? AND tag IN (SELECT value FROM json_each(?)) AND scheme = 'http'`)
    .all(runId, pageUrl, JSON.stringify([...EMBEDDING_TAGS, 'script'])) as { target: string }[]).map((r) => r.target);
}

const ATTACHMENT = /\.(docx?|xlsx?|pdf|wps|et|zip|rar|7z)$/i;

/** A guide's forms and attachments (those no visitor can open too: a local file, a malformed address), with the run's verdict on each download. */
function attachmentsOf(db: Db, runId: number, pageUrl: string, verdicts: ReadonlyMap<string, LinkStatus>) {
  const links = statement(db, `SELECT DISTINCT target, text FROM page_links WHERE run_id = ? AND from_url = ? AND scheme IN ('http', 'file', 'malformed')`).all(runId, pageUrl) as { target: string; text: string }[];
  return links.filter((l) => ATTACHMENT.test(l.target.replace(/[?#].*$/, ''))).map((l) => ({ ...l, verdict: verdicts.get(l.target)?.verdict ?? null }));
}

/** index_1.html, index_2.html … beside a column's index.html are its further pages. */
/** Pages such as /col/index_2.html, by their folder: a column's next pages sit beside its list. */
function paginationByFolder(urls: Iterable<string>): Map<string, string[]> {
  const byFolder = new Map<string, string[]>();
  for (const url of urls) {
    const m = /\/index_\d+\.s?html?$/.exec(url);
    if (!m) continue;
    const folder = url.slice(0, m.index + 1);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), url]);
  }
  return byFolder;
}

/** A list page's own list: the one with the most dated items (navigation lists have none). */
function mainList(p: PageFacts): ListItem[] {
  const sorted = [...p.lists].sort((a, b) => b.items.filter((i) => i.date).length - a.items.filter((i) => i.date).length || b.items.length - a.items.length);
  return sorted[0]?.items ?? [];
}

function dedupeItems(items: readonly ListItem[]): ListItem[] {
  return [...new Map(items.map((i) => [i.href, i])).values()];
}

/** A letter seen on its list row and on its own page is one letter: the page's details win. */
function mergeLetters(letters: readonly SeenLetter[]): SeenLetter[] {
  const byKey = new Map<string, SeenLetter>();
  for (const l of letters) {
    const key = l.href ?? `${l.title}|${l.asked}`;
    const known = byKey.get(key);
    byKey.set(key, known ? { ...known, ...Object.fromEntries(Object.entries(l).filter(([, v]) => v !== null)), title: known.title || l.title } : l);
  }
  return [...byKey.values()];
}
