import { LinkChecker } from 'linkinator';
import { performance } from 'node:perf_hooks';

/**
 * Child process: linkinator crawls the same origins, all at once (its roots share one queue at the full
 * concurrency, as govsite's sites share its crawl); prints one JSON line of figures.
 */
const [originsJson, concurrencyArg] = process.argv.slice(2);
const origins = JSON.parse(originsJson!) as string[];
const started = performance.now();
const loop = performance.eventLoopUtilization();
let pages = 0;
const checker = new LinkChecker();
checker.on('pagestart', () => pages++);
const result = await checker.check({ path: origins.map((o) => `${o}/`), recurse: true, concurrency: Number(concurrencyArg), timeout: 15_000 });
const ms = performance.now() - started;
// the main thread's busy time (linkinator has no other thread): what bounds a crawl, against govsite's
const mainBusyMs = performance.eventLoopUtilization(loop).active;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ runs: [{ pages, urls: result.links.length, ms, mainBusyMs }], maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
