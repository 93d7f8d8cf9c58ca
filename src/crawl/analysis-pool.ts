import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/db.js';
import { usableCores } from './cores.js';
import { analysePage, type AnalysisRequest, type PageAnalysis } from './page-analysis.js';
import type { CopyRead, CopyRequest } from './stored-copy.js';

/** What a worker is asked: a page to analyse, or stored copies to read from a database file. */
export type Job = { kind: 'page'; request: AnalysisRequest } | { kind: 'copies'; file: string; requests: CopyRequest[] };

/**
 * A job under way: `here` is its answer if its worker dies (on this thread, which has the bigger
 * heap), `again` if its worker was stopped as stuck on another page (a new worker's, under the
 * same watchdog: a site whose every page hangs a worker must not hang this thread).
 */
type Pending = { here: () => unknown; again: () => Promise<unknown>; resolve: (result: never) => void; reject: (e: Error) => void };

/**
 * A worker parses one page at a time and keeps nothing: a small heap makes V8 collect often instead
 * of growing (peak RSS of a 1,000-host crawl 405 → 356 MB with it; a young generation of 16 MB
 * rather than 32 took another 40 MB off a sweep of portal-weight pages at the same speed, 8 MB was
 * slower). A page too big for it kills the worker: that page is analysed on this thread instead and
 * the worker is replaced.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/**
 * How many analysis threads: a number is a fixed pool; `{ most }` starts with one worker and adds one
 * whenever every worker is busy, up to `most` (see AnalysisPool.growUpTo).
 */
export type PoolSize = number | { most: number };

/**
 * One worker, and more as the workers are kept busy: a worker on a core of its own at once, the
 * last one (a worker per core, sharing the main thread's) only while the main thread idles too.
 * Real portal pages (1.5–6.6 ms each to analyse, on the corpus) leave the main thread most of its core:
 * on 2 cores the second worker made a sweep of them 22 % faster; light pages keep the main thread
 * busy, and a second worker would only take its core from it (10 % slower). A worker analysing portal
 * pages holds ~80 MB (13 MB idle): a pool started at one per core would hold ~2.5 GB on a 32-core
 * server once each worker had read a few hundred pages (pages go to the least-loaded worker), while a
 * sweep of real servers (answers in 0.1–2 s) keeps one worker a fraction busy.
 */
export const DEFAULT_WORKERS: PoolSize = { most: usableCores() };

/** A worker joins when every worker was busy at least this share of the last check's interval (pages wait for them)… */
const BUSY_SHARE = 0.9;
/** …and the last one, which takes the main thread's core, only if the main thread was busy less than this share of it. */
const IDLE_SHARE = 0.5;
const GROWTH_CHECK_MS = 1000;

/**
 * A page a worker has been on for this long is given up: the page is unreadable, and the worker is
 * stopped and replaced (the new worker takes its other pages, see Pending). No
 * known page comes near it (the worst of the corpus takes ~10 ms, a 5 MB page ~2 s); it is there so
 * that a page no one foresaw cannot hold a sweep of thousands of sites.
 */
const STUCK_MS = 60_000;

/**
 * Page analysis on worker threads, or in this thread when `size` is 0 or the compiled worker is not
 * there (tests run from the TypeScript sources). A worker that dies is replaced, and said: a worker
 * dying again and again is a fault to look into (a leak once made one reach its heap every ~17,000 pages).
 */
export class AnalysisPool extends EventEmitter<{ 'worker-lost': [message: string]; unreadable: [url: string, message: string] }> {
  private readonly workers: Worker[] = [];
  /** requests in flight, per worker */
  private readonly pending: Map<number, Pending>[] = [];
  private nextId = 0;
  private closing = false;
  private growth: NodeJS.Timeout | null = null;
  /** per worker, since when it has been on the page it is on (its oldest job: a worker answers in order) */
  private readonly busySince: number[] = [];
  private watchdog: NodeJS.Timeout | null = null;
  /** workers the watchdog stopped */
  private readonly stuck = new WeakSet<Worker>();

  constructor(size: PoolSize, private readonly script = fileURLToPath(new URL('./analysis-worker.js', import.meta.url)), private readonly heap = WORKER_HEAP,
    private readonly stuckMs = STUCK_MS) {
    super();
    const { start, most } = typeof size === 'number' ? { start: size, most: size } : { start: Math.min(1, size.most), most: size.most };
    if (start === 0 || !existsSync(script)) return;
    for (let i = 0; i < start; i++) this.start(i);
    if (most > start) this.growUpTo(most);
    this.watchdog = setInterval(() => this.giveUpStuckPages(), Math.min(5000, stuckMs / 2)).unref();
  }

  /**
   * The page analysed; null, and said ('unreadable', with its URL), when its analysis failed: one
   * hostile page is read as a page without HTML, it does not stop a sweep of thousands of sites.
   */
  analyse(request: AnalysisRequest): Promise<PageAnalysis | null> {
    return this.analysed(request).catch((e: unknown) => {
      this.emit('unreadable', request.url, (e as Error)?.message ?? String(e));
      return null;
    });
  }

  private analysed(request: AnalysisRequest): Promise<PageAnalysis> {
    if (this.workers.length === 0) return new Promise((resolve) => resolve(analysePage(request)));
    // the page's bytes alone, in a buffer of their own that moves to the worker: posted as they are, a
    // view's whole backing buffer is copied (a 3 KB page decompressed into zlib's 16 KB chunk, twice a
    // message's cost), and the caller's buffer may be a slice of a shared pool, which cannot move
    const bytes = new Uint8Array(request.bytes);
    return this.run({ kind: 'page', request: { ...request, bytes } }, () => analysePage(request), () => this.analysed(request), [bytes.buffer]);
  }

  /**
   * Stored copies of pages (see stored-copy.ts) read ahead by a worker on its own read-only connection,
   * one message for many: a re-audit of unchanged sites keeps the main thread busy with the network
   * and the writes while the workers idle. Null where nothing was read ahead (no worker, a database in
   * memory, a copy not yet committed): the crawler then reads that copy itself.
   */
  readCopies(db: Db, requests: CopyRequest[]): Promise<(CopyRead | 'stale' | null)[]> {
    const none = () => requests.map(() => null);
    if (this.workers.length === 0 || db.memory) return Promise.resolve(none());
    return this.run<(CopyRead | 'stale' | null)[]>({ kind: 'copies', file: db.name, requests }, none, () => Promise.resolve(none())).catch(none);
  }

  private run<T>(job: Job, here: () => T, again: () => Promise<T>, transfer: ArrayBuffer[] = []): Promise<T> {
    const id = this.nextId++;
    // the worker with the fewest jobs in hand: pages differ in cost, and a worker that joins later starts empty
    let slot = 0;
    for (let i = 1; i < this.pending.length; i++) if (this.pending[i]!.size < this.pending[slot]!.size) slot = i;
    return new Promise((resolve, reject) => {
      if (this.pending[slot]!.size === 0) this.busySince[slot] = performance.now();
      this.pending[slot]!.set(id, { here, again, resolve: resolve as (result: never) => void, reject });
      this.workers[slot]!.postMessage({ id, job }, transfer);
    });
  }

  /**
   * Adds a worker, up to `most`, whenever every worker was busy (by its event loop's utilisation, not
   * by a glance at its queue: answers that arrive together queue for a moment at a worker that is idle
   * most of the time): at once while the workers have a core each beside the main thread's, and the
   * last one only if the main thread idles as well.
   */
  private growUpTo(most: number): void {
    let last = performance.eventLoopUtilization();
    const before = new WeakMap<Worker, EventLoopUtilization>();
    this.growth = setInterval(() => {
      const now = performance.eventLoopUtilization();
      const idle = performance.eventLoopUtilization(now, last).utilization < IDLE_SHARE;
      last = now;
      // a worker that joined (or replaced a lost one) since the last check is judged at the next
      const busy = this.workers.map((w) => {
        const [then, elu] = [before.get(w), w.performance.eventLoopUtilization()];
        before.set(w, elu);
        return then !== undefined && w.performance.eventLoopUtilization(elu, then).utilization >= BUSY_SHARE;
      });
      if (!busy.every(Boolean) || (this.workers.length + 1 >= most && !idle)) return;
      this.start(this.workers.length);
      if (this.workers.length >= most) this.stopGrowing();
    }, GROWTH_CHECK_MS).unref();
  }

  private stopGrowing(): void {
    if (this.growth) clearInterval(this.growth);
    this.growth = null;
  }

  /** A worker on one page for longer than stuckMs: that page fails (unreadable), and the worker is stopped and replaced. */
  private giveUpStuckPages(): void {
    const now = performance.now();
    this.pending.forEach((pending, slot) => {
      if (pending.size === 0 || now - this.busySince[slot]! < this.stuckMs) return;
      const [id, stuck] = pending.entries().next().value!;
      pending.delete(id);
      stuck.reject(new Error(`no answer within ${Math.round(this.stuckMs / 1000)} s`));
      this.stuck.add(this.workers[slot]!);
      void this.workers[slot]!.terminate();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stopGrowing();
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(slot: number): void {
    const worker = new Worker(this.script, { resourceLimits: this.heap });
    const pending = new Map<number, Pending>();
    worker.on('message', ({ id, result, error }: { id: number; result?: never; error?: string }) => {
      const p = pending.get(id);
      // a page given up on answers late (the worker was being stopped)
      if (!p) return;
      pending.delete(id);
      this.busySince[slot] = performance.now();
      if (error !== undefined) p.reject(new Error(error));
      else p.resolve(result!);
    });
    let failure: Error | null = null;
    // out of memory or crashed: its jobs are done here, and a new worker takes the slot; stopped as
    // stuck: the new worker takes them
    worker.once('exit', (code) => {
      if (this.closing) return;
      const stuck = this.stuck.has(worker);
      this.emit('worker-lost', `an analysis worker stopped (${stuck ? `stuck on a page for ${Math.round(this.stuckMs / 1000)} s` : failure?.message ?? `exit code ${code}`}) with ${pending.size} page(s) in hand; ${stuck ? 'a new worker takes its place and them' : 'they are analysed on the main thread and a new worker takes its place'}`);
      this.start(slot);
      for (const p of pending.values()) {
        if (stuck) {
          p.again().then(p.resolve as (result: unknown) => void, p.reject);
          continue;
        }
        try {
          p.resolve(p.here() as never);
        } catch (e) {
          p.reject(e as Error);
        }
      }
    });
    worker.on('error', (e) => (failure = e)); // the exit handler above recovers
    this.workers[slot] = worker;
    this.pending[slot] = pending;
  }
}
