import { EventEmitter } from 'node:events';
import { NO_LINKS } from '../extract/links.js';
import type { Db } from '../store/db.js';
import { Fetches, type EarlierAnswer, type FetchPurpose, type FetchRecord, type Validators } from '../store/fetches.js';
import { Frontier, type FrontierEntry } from '../store/frontier.js';
import { Links, storesLinkSet } from '../store/links.js';
import { PageFactsTable } from '../store/page-facts.js';
import { markSiteFinished, markSiteMerged, markSiteStarted } from '../store/runs.js';
import type { StoredSite } from '../store/sites.js';
import { WriteBatch } from '../store/write-batch.js';
import { AnalysisPool, type PoolSize } from './analysis-pool.js';
import { Fetcher, type FetcherOptions } from './fetcher.js';
import { neverAsked } from './never-asked.js';
import { followKey, NOTHING_TO_FOLLOW, readFollowLine, type FollowList } from './follow-list.js';
import { analysedBytes, isAnalysedType, partBytes } from './content-types.js';
import { analyseAnswer, checkTarget, isSoft404, probePath, type CheckedTarget } from './link-check.js';
import { verdictFor, type FetchOutcome, type HttpResponse, type LinkVerdict } from './outcome.js';
import { storedBody, type StoredBody } from './page-analysis.js';
import { RecentSet } from './recent-set.js';
import type { RegisteredSites } from './registered-sites.js';
import { readStoredCopy, type CopyRead } from './stored-copy.js';
import type { PageRole } from './priorities.js';
import { RobotsCache } from './robots.js';
import { looksLikePage, normaliseUrl, SiteScope } from './scope.js';

/**
 * Sites crawled at once for a global concurrency: a site fetches at most its per-host limit of pages
 * at a time and waits at the end of each wave (a BFS level) for its slowest page, so three sites a
 * global slot keep the slots busy (40 sites × 500 pages at concurrency 16: 9.8 s with 16 sites at
 * once, 7.7–8.5 s with 48; a 1,000-host sweep at 32 is the same with 64 or 128).
 */
export const sitesInFlight = (concurrency: number): number => 3 * concurrency;

/** hosts whose faulty certificates share one issuer before a crawl through a proxy says it may be the proxy's */
const INTERCEPTION_HOSTS = 5;

/** The default longest Crawl-delay honoured, in seconds (see CrawlOptions.maxCrawlDelayMs): 300 pages in 2.5 hours. */
export const MAX_CRAWL_DELAY_S = 30;

export interface CrawlOptions extends FetcherOptions {
  maxPages: number;
  maxDepth: number;
  ignoreRobots: boolean;
  /**
   * the longest robots.txt Crawl-delay waited for between two requests to a host: a longer one paces
   * the host at this (a Crawl-delay of a day would hold a sweep of thousands of sites for a year at
   * the default page budget; one request a half-minute cannot hurt a site). As Heritrix's
   * respectCrawlDelayUpToSeconds, and Nutch's default 30 s
   */
  maxCrawlDelayMs: number;
  /** sites crawled at once (each keeps its hosts' connection limits) */
  siteConcurrency: number;
  /** worker threads that decode and parse pages (0: in the main thread) */
  workers: PoolSize;
}

export interface FetchEvent {
  siteId: string;
  url: string;
  purpose: FetchPurpose;
  status: number | null;
  errorCode: string | null;
  verdict: LinkVerdict;
  bytes: number;
}

export interface CrawlerEvents {
  'site-start': [siteId: string];
  'site-done': [siteId: string];
  fetch: [FetchEvent];
  warn: [message: string];
}

/** a site's navigation, repeated on every page, and more: memory stays flat however many sites run at once */
const OFFERED_PER_SITE = 2_000;

/** What the crawl keeps of a site while it is under way (dropped when it is done). */
interface SiteUnderWay {
  /** pages in its frontier, counted as they are added (the budget) */
  pages: number;
  /** the links lately offered to its frontier (role and target): spares the database the INSERT of every navigation link on every page */
  offered: RecentSet;
  /** its home page led into another site (see RegisteredSites): its crawl ends with that page's wave */
  merged: boolean;
}

/** A page fetched before: what a conditional request sends, and its stored copy as read ahead. */
interface SeenBefore {
  stored: Validators;
  copy: Promise<CopyRead | 'stale' | null>;
}

/** What a wave's entries were answered before: its pages by entry id, its link checks by URL. */
interface WaveBefore {
  pages: Map<number, SeenBefore>;
  checks: Map<string, EarlierAnswer>;
}

/** A page read with no links to store. */
const NO_LINK_SET = { links: NO_LINKS, linkCount: 0 } as const;

/** What a page fetch leaves to store and follow. */
interface PageRead {
  soft404: boolean;
  charset: string | null;
  body: StoredBody | null;
  reused?: EarlierAnswer;
  /** the stored fetch whose links and facts these are (an unchanged page stores none of its own) */
  copyOf?: number;
  /** the page's links to store (a link set's JSON; none for a copy: they are stored with the fetch it copies), and how many */
  links: string;
  linkCount: number;
  follow: FollowList;
  /** facts to store with this fetch (none for a copy: they are stored with the fetch it copies) */
  facts: string | null;
}

/** What a page's or a check's fetch row keeps besides its answer. */
interface Kept {
  body?: StoredBody | null;
  /** the earlier answer a 304 stands for */
  reused?: EarlierAnswer | undefined;
  /** the stored fetch whose links and facts an unchanged page's are */
  copyOf?: number | null | undefined;
  /** how many links its own link set holds; null when it stores none */
  linkCount?: number | null;
}

/**
 * Walks each site's frontier breadth-first. Every fetched URL's outcome, links, new frontier entries
 * and its frontier state change are written in one transaction, so a crawl killed at any instant
 * resumes from the database without refetching what it stored and without losing anything.
 */
export class Crawler extends EventEmitter<CrawlerEvents> {
  private readonly fetcher: Fetcher;
  private readonly pool: AnalysisPool;
  private readonly robots: RobotsCache;
  private readonly frontier: Frontier;
  private readonly fetches: Fetches;
  private readonly links: Links;
  private readonly pageFacts: PageFactsTable;
  private readonly batch: WriteBatch;
  /** link checks under way, shared by every site of the run: one request per target */
  private readonly running = new Map<string, Promise<void>>();
  private readonly notFoundPages = new Map<string, Promise<string | null>>();
  private readonly warned = new Set<string>();
  private readonly underWay = new Map<string, SiteUnderWay>();
  /** `registered`: every site of the registry, the other shards' too (see RegisteredSites and knownSites) */
  constructor(private readonly db: Db, private readonly runId: number, private readonly asOf: string, private readonly options: CrawlOptions, private readonly registered: RegisteredSites) {
    super();
    this.fetcher = new Fetcher({ ...options, publicName: (hostname) => registered.registersName(hostname) });
    this.pool = new AnalysisPool(options.workers);
    this.pool.on('worker-lost', (message) => this.emit('warn', message));
    this.pool.on('unreadable', (url, message) => this.emit('warn', `${url} could not be read (${message}): it is kept as a page without HTML, its links not followed`));
    this.frontier = new Frontier(db, runId);
    this.fetches = new Fetches(db);
    this.links = new Links(db);
    this.pageFacts = new PageFactsTable(db);
    this.batch = new WriteBatch(db);
    this.robots = new RobotsCache((url) => this.fetchRobots(url), options.userAgent.split(/[\s/]/)[0]!);
  }

  async crawl(sites: readonly StoredSite[]): Promise<void> {
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next < sites.length) await this.crawlSite(sites[next++]!);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.options.siteConcurrency, sites.length) }, worker));
    } catch (error) {
      // the run stops here (a proxy refusing it, a database error): what was answered is kept, the requests cut off are not recorded, and no site starts
      failed = true;
      this.batch.stop(error as Error);
      throw error;
    } finally {
      this.batch.flush();
      await Promise.all([this.fetcher.close(), this.pool.close()]);
    }
  }

  private async crawlSite(site: StoredSite): Promise<void> {
    this.emit('site-start', site.id);
    markSiteStarted(this.db, this.runId, site.id);
    const scope = new SiteScope(site.url, site.mailboxes, (hostname) => this.registered.ownedElsewhere(hostname, site.id));
    // resumed: the home page already answered, perhaps from where the site has moved
    const home = this.fetches.storedInRun(this.runId, normaliseUrl(site.url, site.url)!, 'page');
    const merged = home?.finalUrl ? this.registered.mergedInto(site, home.finalUrl) !== null : false;
    if (home?.finalUrl && !merged) scope.alsoAt(home.finalUrl);
    const seed = (url: string, role: PageRole) => ({ siteId: site.id, url: normaliseUrl(url, url)!, kind: 'page' as const, external: false, depth: 0, referrer: null, role });
    this.frontier.add([seed(site.url, 'home'), ...site.mailboxes.map((m) => seed(m, 'mailbox'))]);
    const underWay: SiteUnderWay = { pages: this.frontier.pageCount(site.id), offered: new RecentSet(OFFERED_PER_SITE), merged };
    this.underWay.set(site.id, underWay);
    for (;;) {
      // a merged site is not crawled past its home page's wave (the home page's role comes first)
      if (underWay.merged) {
        await this.batch.write(() => this.frontier.skipQueued(site.id, 'merged'));
        break;
      }
      // wave by wave (most urgent role first, then breadth-first): each URL gets its role and depth
      // whatever the timing, so limits and a resumed crawl decide exactly as an uninterrupted one
      const wave = this.frontier.nextWave(site.id);
      if (wave.length > 0) {
        const before = this.answeredBefore(wave);
        await Promise.all(wave.map((e) => this.batch.track(() => this.visit(site, scope, e, before))));
        continue;
      }
      // inconclusive answers (a single timeout, a 429 after retries) get exactly one more try; a page
      // that answers then is a page like any other, and the links it adds are crawled in more waves
      const recheck = this.frontier.toRecheck(site.id);
      if (recheck.length === 0) break;
      const before = this.answeredBefore(recheck);
      await Promise.all(recheck.map((e) => this.batch.track(() => this.onlyOnce(`recheck ${e.url}`,
        () => (e.kind === 'check' ? this.check(site, e, 2, before.checks.get(e.url)) : this.fetchPage(site, scope, e, 2, before.pages.get(e.id) ?? null))))));
    }
    this.underWay.delete(site.id);
    markSiteFinished(this.db, this.runId, site.id);
    this.emit('site-done', site.id);
  }

  /**
   * The pages of a wave (or of the re-checks) fetched before: their validators, and their stored
   * copies, which a worker reads while the conditional requests go out (a 304 needs its copy's links
   * to follow); and its link checks answered before with validators.
   */
  private answeredBefore(wave: readonly FrontierEntry[]): WaveBefore {
    const pages = wave.filter((e) => e.kind === 'page');
    const validators = pages.length > 0 ? this.fetches.validatorsOf(pages.map((e) => e.url)) : new Map<string, Validators>();
    const seen = pages.flatMap((e) => {
      const stored = validators.get(e.url);
      return stored ? [{ entry: e, stored }] : [];
    });
    const out: WaveBefore = { pages: new Map(), checks: this.checkedBefore(wave) };
    if (seen.length === 0) return out;
    const copies = this.pool.readCopies(this.db, seen.map(({ entry, stored }) => ({ copyOf: stored.copyOf, storedAsOf: stored.asOf, asOf: this.asOf, role: entry.role })));
    seen.forEach(({ entry, stored }, i) => out.pages.set(entry.id, { stored, copy: copies.then((c) => c[i]!) }));
    return out;
  }

  /**
   * The wave's internal link targets (asked by GET) that answered with validators before: an
   * attachment or an image unchanged since is a bodiless 304, not its bytes again — nor, past the
   * unread rest a connection survives, a connection closed for each. Not a page (HTML): its body
   * says whether it is a soft 404, and a check keeps none to reuse.
   */
  private checkedBefore(wave: readonly FrontierEntry[]): Map<string, EarlierAnswer> {
    const urls = wave.filter((e) => e.kind === 'check' && !e.external).map((e) => e.url);
    const earlier = urls.length > 0 ? this.fetches.checkValidatorsOf(urls) : new Map<string, EarlierAnswer>();
    for (const [url, answer] of earlier) if (isAnalysedType(answer.contentType)) earlier.delete(url);
    return earlier;
  }

  /** `before`: what the wave found of its entries' earlier fetches. */
  private async visit(site: StoredSite, scope: SiteScope, entry: FrontierEntry, before: WaveBefore): Promise<void> {
    if (!entry.external && !this.options.ignoreRobots) {
      const rules = await this.robots.for(entry.url);
      if (rules.crawlDelay) this.applyCrawlDelay(entry.url, rules.crawlDelay);
      if (!rules.isAllowed(entry.url)) {
        // the report can only say the home page was not read: the warning says why, and what an inspector may do
        if (entry.role === 'home') this.warnOnce(`robots home ${entry.url}`, `robots.txt of ${new URL(entry.url).host} disallows its home page ${entry.url}: site ${site.id} is not read, and not assessed (--ignore-robots is for authorised inspections only)`);
        await this.batch.write(() => this.frontier.markSkipped(entry.id, 'robots'));
        return;
      }
    }
    if (entry.kind === 'check') {
      // the entry that checks its target is marked done with the check's answer; another that waited for it, or found it checked, here
      let checked = false;
      await this.onlyOnce(entry.url, async () => {
        if (this.fetches.checkedInRun(this.runId, entry.url)) return;
        await this.check(site, entry, 1, before.checks.get(entry.url));
        checked = true;
      });
      if (!checked) await this.batch.write(() => this.frontier.markDone(entry.id));
      return;
    }
    await this.fetchPage(site, scope, entry, 1, before.pages.get(entry.id) ?? null);
  }

  /** Runs `work` once per key at a time; a second caller waits for the first one's result. */
  private async onlyOnce(key: string, work: () => Promise<void>): Promise<void> {
    let running = this.running.get(key);
    if (!running) {
      running = work().finally(() => this.running.delete(key));
      this.running.set(key, running);
    }
    await running;
  }

  private notFoundProbe(site: StoredSite) {
    return (origin: string) => this.notFoundPage(site, origin);
  }

  /** `earlier`: the target's earlier answer, asked for conditionally (see checkedBefore). */
  private async check(site: StoredSite, entry: FrontierEntry, attempt: number, earlier?: EarlierAnswer): Promise<void> {
    // a link no visitor can open (a local file, a malformed or intranet address) ends without a request
    const refused = neverAsked(entry.url, entry.referrer);
    const checked = refused
      ? { outcome: refused, soft404: false, method: 'GET' as const, page: null }
      : await checkTarget(entry.url, entry.external, this.fetcher, this.pool, this.notFoundProbe(site), { recheck: attempt > 1, referrer: entry.referrer, headers: conditionalHeaders(earlier) });
    await this.batch.write(() => this.record(site, entry, 'check', checked, attempt, { reused: earlier && unchanged(checked.outcome) ? earlier : undefined }));
  }

  private async fetchPage(site: StoredSite, scope: SiteScope, entry: FrontierEntry, attempt: number, seenBefore: SeenBefore | null): Promise<void> {
    // a portal's address is often a stub (meta refresh, script) in front of its real home page
    const home = entry.role === 'home';
    const outcome = await this.fetcher.fetch(entry.url, { method: 'GET', headers: conditionalHeaders(seenBefore?.stored), bodyBytes: entry.role === 'frame' ? partBytes : analysedBytes },
      { stubs: home, recheck: attempt > 1, upgradeOnTimeout: home, referrer: entry.referrer });
    const answered = seenBefore && unchanged(outcome) ? await this.readUnchanged(entry, seenBefore) : await this.readAnswer(site, entry, outcome);
    // a site whose address now leads into another registered site (or its parent domain's) was merged
    // into it: that page is the other site's, neither read nor followed as this one's; one that leads
    // elsewhere (a new domain) is crawled there
    const merger = home && outcome.ok ? this.registered.mergedInto(site, outcome.finalUrl) : null;
    const read = merger ? { ...answered, copyOf: undefined, ...NO_LINK_SET, follow: NOTHING_TO_FOLLOW, facts: null } : answered;
    if (merger) this.underWay.get(site.id)!.merged = true;
    else if (home && outcome.ok) scope.alsoAt(outcome.finalUrl);
    await this.batch.write(() => {
      if (merger) markSiteMerged(this.db, this.runId, site.id, merger.into);
      const checked = { outcome, soft404: read.soft404, method: 'GET' as const, page: null, charset: read.charset };
      const fetchId = this.record(site, entry, 'page', checked, attempt, { body: read.body, reused: read.reused, copyOf: read.copyOf, linkCount: storesLinkSet(read.links) ? read.linkCount : null });
      this.links.record(fetchId, read.links);
      this.follow(site, scope, entry, read.follow);
      if (read.facts) this.pageFacts.record(fetchId, this.runId, site.id, entry.url, read.facts);
    });
  }

  /** A fresh answer: analysed on a worker thread; only a real page (200, not a soft 404) is followed. */
  private async readAnswer(site: StoredSite, entry: FrontierEntry, outcome: FetchOutcome): Promise<PageRead> {
    const page = await analyseAnswer(this.pool, outcome, true, { asOf: this.asOf, role: entry.role });
    const soft404 = await isSoft404(entry.url, outcome, page, this.notFoundProbe(site));
    const served = page !== null && outcome.ok && outcome.status === 200 && !soft404;
    return { soft404, charset: page?.charset ?? null, body: page?.body ?? null, links: served ? page.links : NO_LINKS, linkCount: served ? page.linkCount : 0, follow: served ? page.follow : NOTHING_TO_FOLLOW, facts: served ? page.facts : null };
  }

  /**
   * A 304: the stored copy is the page. Its facts and links are reused unless they do not hold for
   * this visit (see readStoredCopy); then the stored text is analysed again.
   */
  private async readUnchanged(entry: FrontierEntry, { stored, copy: readAhead }: SeenBefore): Promise<PageRead> {
    const base = { soft404: false, charset: stored.charset, body: null, reused: stored };
    const copy = (await readAhead) ?? readStoredCopy(this.db, { copyOf: stored.copyOf, storedAsOf: stored.asOf, asOf: this.asOf, role: entry.role });
    // a copy the worker found stale is not read again here: it is analysed again at once
    if (copy && copy !== 'stale') return { ...base, copyOf: stored.copyOf, ...NO_LINK_SET, follow: copy.follow, facts: null };
    const finalUrl = stored.finalUrl ?? entry.url;
    const page = await this.pool.analyse({ bytes: Buffer.from(this.fetches.bodyText(stored.bodyHash)), contentType: 'text/html; charset=utf-8', url: finalUrl, links: true, factsAsOf: this.asOf, role: entry.role, storeBody: false, servedAs: stored.charset });
    if (!page) return { ...base, ...NO_LINK_SET, follow: NOTHING_TO_FOLLOW, facts: null };
    return { ...base, links: page.links, linkCount: page.linkCount, follow: page.follow, facts: stored.status === 200 ? page.facts : null };
  }

  /**
   * Links → new frontier entries. In-scope pages are crawled: those the rules look at
   * (columns, mailboxes, letters, …) whatever their depth, up to twice the budget; the rest within the
   * depth limit and the budget. Everything else is checked.
   */
  private follow(site: StoredSite, scope: SiteScope, entry: FrontierEntry, follow: FollowList): void {
    if (follow === NOTHING_TO_FOLLOW) return;
    const underWay = this.underWay.get(site.id)!;
    const fromOwnPage = scope.reach(entry.url) === 'site';
    let pages = underWay.pages;
    for (const line of follow.split('\n')) {
      const key = followKey(line);
      if (underWay.offered.has(key)) continue;
      const { target, role, navigable } = readFollowLine(line);
      // a link that is no web address (a local file, a malformed one) is checked, never crawled
      const url = /^https?:/i.test(target) ? URL.parse(target) : null;
      const reach = url === null ? null : scope.reach(url);
      const internal = reach !== null;
      const directed = role !== 'page';
      // on a registered mailbox's host that is not the site's own (a provincial letters platform, the
      // city's portal) only the mailbox's letters and further list pages, and mailboxes the site's own
      // pages link to, are the site's: not the platform's other areas' mailboxes, nor the portal's news
      // (a district whose mailbox is on www.cq.gov.cn crawled the municipal portal as its own pages);
      // and another site's registered mailbox is that site's, wherever it is (the district's, to the city)
      const mine = (reach === 'site' || role === 'letters' || role === 'letter' || (role === 'mailbox' && fromOwnPage)) && !this.registered.mailboxElsewhere(target, site.id);
      // a part of the home page (a frame, a script that writes into it) is read whatever its address looks like
      const crawlable = url !== null && internal && mine && navigable && (role === 'frame' || looksLikePage(url)) &&
        (directed ? pages < 2 * this.options.maxPages : entry.depth + 1 <= this.options.maxDepth && pages < this.options.maxPages);
      const changed = this.frontier.add([{ siteId: site.id, url: target, kind: crawlable ? 'page' : 'check', external: !internal, depth: entry.depth + 1, referrer: entry.url, role: crawlable ? role : 'page' }]);
      if (crawlable) pages += changed;
      underWay.offered.add(key);
    }
    underWay.pages = pages;
  }

  /** One outcome of a page or a link check → the fetches table, with what it keeps (see Kept). */
  private record(site: StoredSite, entry: FrontierEntry, purpose: 'page' | 'check', checked: CheckedTarget & { charset?: string | null }, attempt: number,
    { body = null, reused, copyOf = null, linkCount = null }: Kept = {}): number {
    const { soft404 } = checked;
    const outcome = confirmed(checked.outcome, entry.url, reused);
    const verdict = verdictFor(outcome, soft404, attempt);
    const fetchId = this.fetches.record(fetchRow({
      runId: this.runId, siteId: site.id, url: entry.url, purpose, method: checked.method, attempt, verdict, soft404,
      charset: checked.page?.charset ?? checked.charset ?? null, depth: entry.depth, referrer: entry.referrer, body, copyOf, linkCount,
    }, outcome, reused));
    this.frontier.markDone(entry.id);
    if (outcome.certificate) this.warnOfInterception(outcome.certificate);
    this.emit('fetch', { siteId: site.id, url: entry.url, purpose, status: outcome.ok ? outcome.status : null, errorCode: outcome.ok ? null : outcome.code, verdict, bytes: outcome.ok ? outcome.body.length : 0 });
    return fetchId;
  }

  /**
   * robots.txt through the same polite fetcher, asked for conditionally when an earlier run stored it
   * (a 304 reads the rules from that copy); stored, so a resumed run does not ask again.
   */
  private async fetchRobots(url: string): Promise<FetchOutcome> {
    const stored = this.fetches.storedInRun(this.runId, url, 'robots');
    if (stored?.status != null) {
      const body = stored.bodyHash ? Buffer.from(this.fetches.bodyText(stored.bodyHash)) : Buffer.alloc(0);
      return { ok: true, status: stored.status, finalUrl: url, redirects: [], headers: {}, body, truncated: false, ms: 0 };
    }
    const before = this.fetches.validatorsOf([url]).get(url);
    const outcome = await this.fetcher.fetch(url, { method: 'GET', headers: conditionalHeaders(before) });
    if (before && unchanged(outcome)) {
      await this.batch.write(() => this.recordAux(url, 'robots', outcome, null, '', before));
      return { ...confirmed(outcome, url, before), body: Buffer.from(this.fetches.bodyText(before.bodyHash)) };
    }
    const body = outcome.ok && outcome.status === 200 ? storedBody(outcome.body.toString('utf8')) : null;
    await this.batch.write(() => this.recordAux(url, 'robots', outcome, body));
    return outcome;
  }

  /** The fingerprint of what an origin serves for a path that cannot exist, if that is a 200 page. */
  private notFoundPage(site: StoredSite, origin: string): Promise<string | null> {
    let known = this.notFoundPages.get(origin);
    if (!known) {
      known = this.probeNotFound(site, probePath(origin));
      this.notFoundPages.set(origin, known);
    }
    return known;
  }

  private async probeNotFound(site: StoredSite, url: string): Promise<string | null> {
    const stored = this.fetches.storedInRun(this.runId, url, 'soft404-probe');
    if (stored) {
      if (stored.status !== 200 || !stored.bodyHash) return null;
      return (await this.pool.analyse({ bytes: Buffer.from(this.fetches.bodyText(stored.bodyHash)), contentType: 'text/html; charset=utf-8', url, links: false, storeBody: false }))?.fingerprint ?? null;
    }
    const outcome = await this.fetcher.fetch(url, { method: 'GET' });
    const page = outcome.ok && outcome.status === 200 ? await analyseAnswer(this.pool, outcome, false) : null;
    await this.batch.write(() => this.recordAux(url, 'soft404-probe', outcome, page?.body ?? null, site.id));
    return page?.fingerprint ?? null;
  }

  /** robots.txt or a soft-404 probe → the fetches table; `reused` is the earlier answer a 304 stands for. */
  private recordAux(url: string, purpose: FetchPurpose, answer: FetchOutcome, body: StoredBody | null, siteId = '', reused?: EarlierAnswer): void {
    const outcome = confirmed(answer, url, reused);
    this.fetches.record(fetchRow({
      runId: this.runId, siteId, url, purpose, method: 'GET', attempt: 1, verdict: outcome.ok ? 'ok' : 'broken', soft404: false,
      charset: null, depth: null, referrer: null, body, copyOf: null, linkCount: null,
    }, outcome, reused));
  }

  private applyCrawlDelay(url: string, seconds: number): void {
    const host = new URL(url).host;
    const ms = Math.min(seconds * 1000, this.options.maxCrawlDelayMs);
    this.fetcher.politeness.setDelay(Fetcher.originKey(url), ms);
    const capped = ms < seconds * 1000 ? ', the longest --max-crawl-delay allows' : '';
    this.warnOnce(`crawl-delay ${host}`, `robots.txt of ${host} sets Crawl-delay: ${seconds}; pacing that host at one request per ${ms / 1000} s${capped} (--ignore-robots is for authorised inspections only)`);
  }

  /**
   * Many hosts' certificates failing with one issuer, through a proxy: most likely the proxy inspects
   * HTTPS with a CA Node was not given, and every fault is the proxy's (see CertificateFaults).
   */
  private warnOfInterception(fault: string): void {
    const common = this.warned.has('interception') ? null : this.fetcher.interceptingIssuer(INTERCEPTION_HOSTS);
    if (common) this.warnOnce('interception', `the certificates of ${common.origins} HTTPS hosts so far fail verification (${fault}), all issued by "${common.issuer}": if that is your proxy inspecting HTTPS, give its CA to Node (NODE_EXTRA_CA_CERTS=/path/ca.pem) and crawl again — else every HTTPS site is reported with a certificate fault that is the proxy's`);
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.emit('warn', message);
  }
}

/** What a request for a stored copy sends: its validators, so an unchanged answer is a bodiless 304. */
function conditionalHeaders(stored: EarlierAnswer | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (stored?.etag) headers['if-none-match'] = stored.etag;
  if (stored?.lastModified) headers['if-modified-since'] = stored.lastModified;
  return headers;
}

/** A conditional request's answer that the earlier answer it named still holds. */
const unchanged = (outcome: FetchOutcome): outcome is HttpResponse => outcome.ok && outcome.status === 304;

/** A 304 is recorded as the answer it confirms: the stored copy's status, final URL and type. */
function confirmed<T extends FetchOutcome>(outcome: T, url: string, reused: EarlierAnswer | undefined): T {
  return reused && outcome.ok
    ? { ...outcome, status: reused.status, finalUrl: reused.finalUrl ?? url, headers: { ...outcome.headers, 'content-type': reused.contentType ?? 'text/html' } }
    : outcome;
}

/** What was asked, and why, of a fetch row: the rest is its answer's (see fetchRow). */
type Asked = Pick<FetchRecord, 'runId' | 'siteId' | 'url' | 'purpose' | 'method' | 'attempt' | 'verdict' | 'soft404' | 'charset' | 'depth' | 'referrer' | 'body' | 'copyOf' | 'linkCount'>;

/**
 * A fetch row: what was asked, and what the answer (confirmed: see confirmed()) gives it, whatever was
 * asked and why; `reused`: the earlier answer a 304 stands for. One literal, not a spread of two: built
 * by spreading the answer's fields into the rest, the row cost a 40 × 500 second crawl 15 % of its pages/s.
 */
function fetchRow(asked: Asked, outcome: FetchOutcome, reused: EarlierAnswer | undefined): FetchRecord {
  const h = outcome.ok ? outcome.headers : {};
  return {
    runId: asked.runId, siteId: asked.siteId, url: asked.url, purpose: asked.purpose, method: asked.method, attempt: asked.attempt,
    finalUrl: outcome.finalUrl, status: outcome.ok ? outcome.status : null, errorCode: outcome.ok ? null : outcome.code, errorMessage: outcome.ok ? null : outcome.message,
    redirects: outcome.redirects, verdict: asked.verdict, soft404: asked.soft404, notModified: reused !== undefined, ms: outcome.ms, bytes: outcome.ok ? outcome.body.length : 0,
    contentType: h['content-type'] ?? null, charset: asked.charset, etag: h['etag'] ?? reused?.etag ?? null, lastModified: h['last-modified'] ?? reused?.lastModified ?? null,
    depth: asked.depth, referrer: asked.referrer, body: asked.body, bodyHash: reused?.bodyHash ?? null, copyOf: asked.copyOf ?? null, certificate: outcome.certificate ?? null,
    linkCount: asked.linkCount ?? null,
  };
}
