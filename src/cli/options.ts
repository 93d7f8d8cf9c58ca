import { Option } from 'commander';
import { DEFAULT_USER_AGENT, REQUEST_TIMEOUT_MS } from '../crawl/http-client.js';
import { DEFAULT_RETRY } from '../crawl/retry.js';
import { DEFAULT_WORKERS } from '../crawl/analysis-pool.js';
import { MAX_CRAWL_DELAY_S, sitesInFlight, type CrawlOptions } from '../crawl/crawler.js';
import { DEFAULT_DB_FILE } from '../store/db.js';
import { UsageError } from '../errors.js';
import { proxyUrl } from '../crawl/proxy-route.js';
import { chinaDate } from '../extract/dates.js';

/** Shared options (SPEC §8), declared once and attached to every command that takes them. */
export const dbOption = () => new Option('--db <file>', 'SQLite database file').default(DEFAULT_DB_FILE);
export const asOfOption = () => new Option('--as-of <date>', 'monitoring point YYYY-MM-DD (default: today in China, UTC+8)');
export const regionOption = () => new Option('--region <name>', 'only the sites of this region (a province: 云南 or 云南省; see the README\'s registry format)');
export const shardOption = () => new Option('--shard <K/N>', 'crawl only part K of N of the registry (a stable split by site id; one database per shard)');

/** Pages known to be up, asked when a request gets no answer, to tell this machine's network going down from a site's (see NetworkControls). */
export const controlOption = (what: string) => new Option('--control <url...>', `URLs known to be up (an office's own portal, www.gov.cn), ${what}`);

/** --control's URLs: absolute http(s). */
export function parseControls(values: readonly string[] | undefined): string[] {
  return (values ?? []).map((value) => {
    if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) throw new UsageError(`--control must be an http(s) URL, got "${value}"`);
    return value;
  });
}

export function crawlOptions(): Option[] {
  return [
    new Option('--concurrency <n>', 'requests at once across all hosts').default('16'),
    new Option('--per-host <n>', 'connections at once per host').default('2'),
    new Option('--per-ip <n>', 'requests at once per resolved IP (shared platform hosts)').default('8'),
    new Option('--delay <ms>', 'minimum pause between requests to one host').default('0'),
    new Option('--timeout <ms>', 'per-request time limit').default(String(REQUEST_TIMEOUT_MS)),
    new Option('--max-pages <n>', 'page budget per site').default('300'),
    new Option('--max-depth <n>', 'link depth from the home page').default('4'),
    new Option('--retries <n>', 'retries on network errors, 5xx and 429').default(String(DEFAULT_RETRY.retries)),
    new Option('--ignore-robots', 'do not honour robots.txt (authorised inspections only)'),
    new Option('--max-crawl-delay <s>', "longest robots.txt Crawl-delay honoured; a longer one paces the host at this").default(String(MAX_CRAWL_DELAY_S)),
    new Option('--proxy <url>', 'HTTP proxy (default: HTTP_PROXY / HTTPS_PROXY / NO_PROXY)'),
    controlOption('asked when a request gets no answer: when none answers either, this machine\'s network is down, and the crawl waits for it (up to 30 minutes) instead of recording the failure'),
    new Option('--user-agent <ua>', 'User-Agent with a contact URL').default(DEFAULT_USER_AGENT),
    new Option('--workers <n>', 'threads that decode and parse pages (0: none; default: one, and one more whenever every worker is busy, up to one per core or the container\'s CPU limit)'),
  ];
}

export interface RawCrawlOptions {
  concurrency: string; perHost: string; perIp: string; delay: string; timeout: string; maxPages: string; maxDepth: string;
  retries: string; ignoreRobots?: boolean; maxCrawlDelay: string; proxy?: string; control?: string[]; userAgent: string; workers?: string;
}

export function toCrawlOptions(raw: RawCrawlOptions): CrawlOptions {
  const concurrency = positiveInt(raw.concurrency, '--concurrency');
  return {
    concurrency,
    perHost: positiveInt(raw.perHost, '--per-host'),
    perIp: positiveInt(raw.perIp, '--per-ip'),
    delayMs: positiveInt(raw.delay, '--delay', 0),
    timeoutMs: positiveInt(raw.timeout, '--timeout'),
    maxPages: positiveInt(raw.maxPages, '--max-pages'),
    maxDepth: positiveInt(raw.maxDepth, '--max-depth', 0),
    ignoreRobots: Boolean(raw.ignoreRobots),
    maxCrawlDelayMs: positiveInt(raw.maxCrawlDelay, '--max-crawl-delay') * 1000,
    proxy: raw.proxy === undefined ? undefined : proxyUrl(raw.proxy, '--proxy'),
    controls: parseControls(raw.control),
    userAgent: userAgentOf(raw.userAgent),
    retry: { ...DEFAULT_RETRY, retries: positiveInt(raw.retries, '--retries', 0) },
    siteConcurrency: sitesInFlight(concurrency),
    workers: raw.workers === undefined ? DEFAULT_WORKERS : positiveInt(raw.workers, '--workers', 0),
  };
}

/** `--user-agent` as given; a blank one names no one a site's webmaster could ask (robots.txt would read it as `*`). */
export function userAgentOf(value: string): string {
  if (!value.trim()) throw new UsageError('--user-agent must name who crawls, with a contact URL (the default says govsite and its project page)');
  return value;
}

/** A comma-separated choice of several: `--format html,md`. */
export function parseList<T extends string>(value: string, allowed: readonly T[], name: string): T[] {
  const items = value.split(',').map((f) => f.trim()).filter(Boolean);
  for (const f of items) if (!(allowed as readonly string[]).includes(f)) throw new UsageError(`${name} "${f}" is not one of ${allowed.join(', ')}`);
  return items as T[];
}

export function positiveInt(value: string, name: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

export function parseAsOf(value: string | undefined): string {
  // today where the sites are
  if (value === undefined) return chinaDate(Date.now());
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m && new Date(`${value}T00:00:00Z`);
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${value}"`);
  return value;
}
