import { setFlagsFromString } from 'node:v8';

/** Past this resident size a command's process stops letting V8 grow its heaps at V8's own pace. */
export const TIGHT_ABOVE_MB = 384;

/** A full collection then lets an old generation grow to (1 + this / 100) × what survived it. */
const TIGHT_GROWING_PERCENT = 100;

const HEAP_GROWTH_FLAG = '--heap-growing-percent';

/**
 * Keeps a long command's memory (a sweep's crawl, a national report) near what it uses. Under Node's default heap limit (a quarter of the
 * machine's memory, at most 4 GB; V8's top factor applies from 2 GB), V8 lets an old generation grow
 * up to 4× what survived its last full collection. A crawl's main thread keeps 30–55 MB alive, but pages in flight outlive two scavenges
 * and die in the old generation: its heap swelled to ~200 MB between full collections, and a sweep
 * of portal-weight pages over HTTPS peaked at 482 / 515–520 / 549 MB RSS at 300 / 1,000 / 3,208
 * hosts. Growth to 2× holds those at 427 / 426–436 / 450 MB, for ~2.5 times as many full
 * collections (+150–220 ms of main thread in a 1,000-host sweep of light pages, ~2 %): so only a
 * process that passes TIGHT_ABOVE_MB pays for it, from then on (a light sweep of 3,208 hosts
 * crawls within ~310–335 MB). The watch is the whole command's (src/cli/main.ts): a probe's too.
 * V8 reads the flag at every collection, so setting it while running takes effect (its heap limit,
 * read once at start, would not). A value given to Node at start is left as it is.
 * Returns what stops the watch.
 */
export function watchHeapGrowth({ rssMb = () => process.memoryUsage.rss() / 2 ** 20, tighten = tightenHeapGrowth, everyMs = 1000 } = {}): () => void {
  if (growthChosen()) return () => {};
  const timer = setInterval(() => {
    if (rssMb() <= TIGHT_ABOVE_MB) return;
    tighten();
    clearInterval(timer);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Tightens at once. A report is one synchronous pass (minutes for a national run), during which no
 * timer of the watch runs: scoring 14,000 sites (~140 MB alive, each site's facts read and dropped
 * in turn) swelled the heap to 790 MB RSS as a crawl's did; tightened from its start, 526 MB, its
 * time unchanged (22.1 against 22.9 s).
 */
export function tightenHeapGrowth(): void {
  if (!growthChosen()) setFlagsFromString(`${HEAP_GROWTH_FLAG}=${TIGHT_GROWING_PERCENT}`);
}

/** A growth given to Node at start (on its command line or in NODE_OPTIONS) is left as it is. */
const growthChosen = (): boolean => [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((a) => a.replaceAll('_', '-').includes(HEAP_GROWTH_FLAG));
