import { setFlagsFromString } from 'node:v8';

/** Past this resident size a crawl's process stops letting V8 grow its heaps at V8's own pace. */
export const TIGHT_ABOVE_MB = 384;

/** A full collection then lets an old generation grow to (1 + this / 100) × what survived it. */
const TIGHT_GROWING_PERCENT = 100;

const HEAP_GROWTH_FLAG = '--heap-growing-percent';

/**
 * Keeps a long crawl's memory near what it uses. Under Node's default heap limit (a quarter of the
 * machine's memory, at most 4 GB; V8's top factor applies from 2 GB), V8 lets an old generation grow
 * up to 4× what survived its last full collection. A crawl's main thread keeps 30–55 MB alive, but pages in flight outlive two scavenges
 * and die in the old generation: its heap swelled to ~200 MB between full collections, and a sweep
 * of portal-weight pages over HTTPS peaked at 482 / 515–520 / 549 MB RSS at 300 / 1,000 / 3,208
 * hosts. Growth to 2× holds those at 427 / 426–436 / 450 MB, for ~2.5 times as many full
 * collections (+150–220 ms of main thread in a 1,000-host sweep of light pages, ~2 %): so only a
 * process that passes TIGHT_ABOVE_MB pays for it, from then on (a light sweep of 3,208 hosts
 * crawls within ~310–335 MB).
 * V8 reads the flag at every collection, so setting it while running takes effect (its heap limit,
 * read once at start, would not). A value given to Node at start is left as it is.
 * Returns what stops the watch.
 */
export function watchHeapGrowth({ rssMb = () => process.memoryUsage.rss() / 2 ** 20, tighten = () => setFlagsFromString(`${HEAP_GROWTH_FLAG}=${TIGHT_GROWING_PERCENT}`), everyMs = 1000 } = {}): () => void {
  const chosen = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((a) => a.replaceAll('_', '-').includes(HEAP_GROWTH_FLAG));
  if (chosen) return () => {};
  const timer = setInterval(() => {
    if (rssMb() <= TIGHT_ABOVE_MB) return;
    tighten();
    clearInterval(timer);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
