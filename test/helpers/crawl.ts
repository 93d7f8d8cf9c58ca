import { Crawler, MAX_CRAWL_DELAY_S, type CrawlOptions } from '../../src/crawl/crawler.js';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import { DEFAULT_RETRY } from '../../src/crawl/retry.js';
import type { Db } from '../../src/store/db.js';
import { writeTmp } from './tmp.js';

export const TEST_CRAWL: CrawlOptions = {
  concurrency: 16, perHost: 2, perIp: 64, delayMs: 0, timeoutMs: 5000, maxPages: 300, maxDepth: 6,
  ignoreRobots: false, maxCrawlDelayMs: MAX_CRAWL_DELAY_S * 1000, userAgent: 'govsite-test/1.0 (+http://127.0.0.1/contact)', siteConcurrency: 8, workers: 1,
  retry: { ...DEFAULT_RETRY, baseDelayMs: 50 },
};

/** Crawls a registry of `id,url[,mailbox]` rows in-process; returns the run id, the crawler it used and the warnings it gave. */
export async function crawlTestSites(db: Db, sites: { id: string; url: string; mailbox?: string }[], options: Partial<CrawlOptions> = {}, asOf = '2026-11-15') {
  const csv = ['id,url,mailbox', ...sites.map((s) => `${s.id},${s.url},${s.mailbox ?? ''}`)].join('\n');
  let crawler: Crawler | undefined;
  const warnings: string[] = [];
  const result = await crawlRegistry(db, {
    registry: writeTmp('registry.csv', csv), asOf, resume: false, options: { ...TEST_CRAWL, ...options },
    onStart: (c) => {
      crawler = c;
      c.on('warn', (message) => warnings.push(message));
    },
  });
  expectKeysHold(db);
  return { runId: result.run.id, crawler: crawler!, warnings };
}

/** The crawl writes with foreign keys unchecked (see run-crawl.ts): every row it stored must still have its parent. */
export function expectKeysHold(db: Db): void {
  const orphans = db.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0) throw new Error(`rows without their parent: ${JSON.stringify(orphans.slice(0, 5))}`);
}

type Row = Record<string, unknown>;
export const rows = (db: Db, sql: string, ...params: unknown[]): Row[] => db.prepare(sql).all(...params) as Row[];

/** A run's fetches whose link_count is not the length of their own link set (null where they store none): none, when it holds. */
export const miscountedLinks = (db: Db, runId: number): Row[] =>
  rows(db, `SELECT f.id, f.link_count AS counted, json_array_length(l.links) AS stored FROM fetches f LEFT JOIN link_sets l ON l.fetch_id = f.id WHERE f.run_id = ? AND f.link_count IS NOT json_array_length(l.links)`, runId);
