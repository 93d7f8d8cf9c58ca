import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CRAWL_DELAY_S, sitesInFlight } from '../src/crawl/crawler.js';
import { crawlRegistry } from '../src/crawl/run-crawl.js';
import { DEFAULT_RETRY } from '../src/crawl/retry.js';
import { DEFAULT_USER_AGENT } from '../src/crawl/http-client.js';
import { DEFAULT_WORKERS } from '../src/crawl/analysis-pool.js';
import { scoreRun } from '../src/history/score-run.js';
import { loadProfile } from '../src/score/profile.js';
import { openDb } from '../src/store/db.js';
import { watchHeapGrowth } from '../src/heap-growth.js';
import { FILE_NAMES, FORMATS, RENDERERS } from '../src/report/index.js';
import { writeRendered } from '../src/report/rendered.js';

/**
 * Child process: one full audit (crawl, facts, checks, the report model kept as history) through a
 * proxy, as one `govsite audit` is one process, then its report files in every format; prints one
 * JSON line (the time is the audit's, the peak RSS the whole process's). A second audit of the same
 * database is a second process, as next month's audit would be.
 */
const [registry, dbFile, proxy, concurrency = '32'] = process.argv.slice(2);
const db = openDb(dbFile!);
// as the command's process does (see src/cli/main.ts)
watchHeapGrowth();
const started = performance.now();
const { run } = await crawlRegistry(db, {
  registry: registry!, asOf: '2026-11-15', resume: false,
  options: { concurrency: Number(concurrency), perHost: 2, perIp: 64, delayMs: 0, timeoutMs: 15_000, maxPages: 300, maxDepth: 4, ignoreRobots: false, maxCrawlDelayMs: MAX_CRAWL_DELAY_S * 1000,
    userAgent: DEFAULT_USER_AGENT, retry: DEFAULT_RETRY, siteConcurrency: sitesInFlight(Number(concurrency)), workers: DEFAULT_WORKERS, proxy },
});
const crawled = performance.now();
const peakAfterCrawl = Math.round(process.resourceUsage().maxRSS / 1024);
const report = scoreRun(db, run.id, loadProfile('gov-2019'));
const reportMs = performance.now() - crawled;
// timed up to the WAL's last pages copied into the file, as the command waits for it when it closes the database
db.pragma('wal_checkpoint(TRUNCATE)');
const ms = performance.now() - started;
const peakAfterReport = Math.round(process.resourceUsage().maxRSS / 1024);
// the report files an inspector's `audit --out` writes, every format (untimed: the default audit prints only its summary); their peak counts
const files = mkdtempSync(join(tmpdir(), 'govsite-report-'));
for (const format of FORMATS) writeRendered(join(files, FILE_NAMES[format]), RENDERERS[format](report, { lang: 'zh' }));
rmSync(files, { recursive: true });
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const { pages } = db.prepare(`SELECT count(*) AS pages FROM fetches WHERE run_id = ? AND purpose = 'page'`).get(run.id) as { pages: number };
process.stderr.write(`  audit of ${registry}: peak RSS after crawl ${peakAfterCrawl} MB, after report ${peakAfterReport} MB, after its files in every format ${maxRssMb} MB\n`);
process.stdout.write(`${JSON.stringify({ sites: report.sites.length, pages, ms: Math.round(ms), reportMs: Math.round(reportMs), maxRssMb })}\n`);
