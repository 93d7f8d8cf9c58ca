import { LinkChecker } from 'linkinator';

/** Child process: linkinator crawls the same origins, one site after another at the full concurrency. */
const [originsJson, concurrencyArg] = process.argv.slice(2);
const origins = JSON.parse(originsJson!) as string[];
const started = performance.now();
let urls = 0;
let pages = 0;
for (const origin of origins) {
  const checker = new LinkChecker();
  checker.on('pagestart', () => pages++);
  const result = await checker.check({ path: `${origin}/`, recurse: true, concurrency: Number(concurrencyArg), timeout: 15_000 });
  urls += result.links.length;
}
const ms = performance.now() - started;
const usage = process.resourceUsage();
process.stdout.write(`${JSON.stringify({ runs: [{ pages, urls, ms }], maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
