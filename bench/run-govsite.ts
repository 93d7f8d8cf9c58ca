import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_CRAWL_DELAY_S, sitesInFlight } from '../src/crawl/crawler.js';
import { crawlRegistry } from '../src/crawl/run-crawl.js';
import { DEFAULT_RETRY } from '../src/crawl/retry.js';
import { DEFAULT_USER_AGENT } from '../src/crawl/http-client.js';
import { DEFAULT_WORKERS } from '../src/crawl/analysis-pool.js';
import { openDb } from '../src/store/db.js';
import { watchHeapGrowth } from '../src/heap-growth.js';

/** Child process: crawls the given origins with govsite, storing everything; prints one JSON line of figures. */
const [originsJson, concurrencyArg, perHostArg, runs = '1'] = process.argv.slice(2);
const origins = JSON.parse(originsJson!) as string[];
const concurrency = Number(concurrencyArg);
const dir = join(tmpdir(), `govsite-bench-${process.pid}`);
const registry = join(`${dir}.csv`);
writeFileSync(registry, ['id,url', ...origins.map((o, i) => `site${i},${o}/`)].join('\n'));
const db = openDb(`${dir}.db`);
// as the command's process does (see src/cli/main.ts)
watchHeapGrowth();
const results = [];
for (let r = 0; r < Number(runs); r++) {
  const started = performance.now();
  const loop = performance.eventLoopUtilization();
  const { run } = await crawlRegistry(db, {
    registry, asOf: '2026-11-15', resume: false,
    options: { concurrency, perHost: Number(perHostArg), perIp: concurrency, delayMs: 0, timeoutMs: 15_000, maxPages: 100_000, maxDepth: 10_000,
      ignoreRobots: false, maxCrawlDelayMs: MAX_CRAWL_DELAY_S * 1000, userAgent: DEFAULT_USER_AGENT, retry: DEFAULT_RETRY, siteConcurrency: sitesInFlight(concurrency), workers: DEFAULT_WORKERS },
  });
  // timed up to what a command waits for when it closes its database, the WAL's last pages copied into
  // the file: left out, a larger checkpoint interval looked faster only because its work came after the run
  db.pragma('wal_checkpoint(TRUNCATE)');
  const ms = performance.now() - started;
  // the main thread's busy time (network, decoding, SQLite): a second run is bound by it while the analysis worker idles
  const mainBusyMs = performance.eventLoopUtilization(loop).active;
  const counts = db.prepare(`SELECT sum(purpose = 'page') AS pages, count(DISTINCT url) AS urls, sum(not_modified) AS notModified FROM fetches WHERE run_id = ? AND purpose IN ('page', 'check')`).get(run.id) as { pages: number; urls: number; notModified: number };
  results.push({ ...counts, ms, mainBusyMs });
}
db.close();
// the bench's own files: a run of the bench leaves nothing behind
for (const file of [registry, `${dir}.db`, `${dir}.db-wal`, `${dir}.db-shm`]) rmSync(file, { force: true });
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ runs: results, maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
