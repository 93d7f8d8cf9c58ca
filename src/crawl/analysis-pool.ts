import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../store/db.js';
import { analysePage, type AnalysisRequest, type PageAnalysis } from './page-analysis.js';
import type { CopyRead, CopyRequest } from './stored-copy.js';

/** What a worker is asked: a page to analyse, or stored copies to read from a database file. */
export type Job = { kind: 'page'; request: AnalysisRequest } | { kind: 'copies'; file: string; requests: CopyRequest[] };

/** A job under way; `here` is its answer if its worker dies. */
type Pending = { here: () => unknown; resolve: (result: never) => void; reject: (e: Error) => void };

/**
 * A worker parses one page at a time and keeps nothing: a small heap makes V8 collect often instead
 * of growing (peak RSS of a 1,000-host crawl 405 → 356 MB with it). A page too big for it kills the
 * worker: that page is analysed on this thread instead and the worker is replaced.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 32 };

/** One worker per spare core: the main thread fetches and stores while workers decode and parse. */
export const DEFAULT_WORKERS = Math.max(1, availableParallelism() - 1);

/**
 * Page analysis on worker threads, or in this thread when `size` is 0 or the compiled worker is not
 * there (tests run from the TypeScript sources). A worker that dies is replaced, and said: a worker
 * dying again and again is a fault to look into (a leak once made one reach its heap every ~17,000 pages).
 */
export class AnalysisPool extends EventEmitter<{ 'worker-lost': [message: string] }> {
  private readonly workers: Worker[] = [];
  /** requests in flight, per worker */
  private readonly pending: Map<number, Pending>[] = [];
  private nextId = 0;
  private closing = false;

  constructor(size: number, private readonly script = fileURLToPath(new URL('./analysis-worker.js', import.meta.url)), private readonly heap = WORKER_HEAP) {
    super();
    if (size === 0 || !existsSync(script)) return;
    for (let i = 0; i < size; i++) this.start(i);
  }

  analyse(request: AnalysisRequest): Promise<PageAnalysis> {
    if (this.workers.length === 0) return Promise.resolve(analysePage(request));
    return this.run({ kind: 'page', request }, () => analysePage(request));
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
    return this.run<(CopyRead | 'stale' | null)[]>({ kind: 'copies', file: db.name, requests }, none).catch(none);
  }

  private run<T>(job: Job, here: () => T): Promise<T> {
    const id = this.nextId++;
    const slot = id % this.workers.length;
    // a page's bytes are copied, not transferred: the caller's buffer may be a slice of a shared pool
    return new Promise((resolve, reject) => {
      this.pending[slot]!.set(id, { here, resolve: resolve as (result: never) => void, reject });
      this.workers[slot]!.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(slot: number): void {
    const worker = new Worker(this.script, { resourceLimits: this.heap });
    const pending = new Map<number, Pending>();
    worker.on('message', ({ id, result, error }: { id: number; result?: never; error?: string }) => {
      const p = pending.get(id)!;
      pending.delete(id);
      if (error !== undefined) p.reject(new Error(error));
      else p.resolve(result!);
    });
    let failure: Error | null = null;
    // out of memory or crashed: its jobs are done here, and a new worker takes the slot
    worker.once('exit', (code) => {
      if (this.closing) return;
      this.emit('worker-lost', `an analysis worker stopped (${failure?.message ?? `exit code ${code}`}) with ${pending.size} page(s) in hand; they are analysed on the main thread and a new worker takes its place`);
      this.start(slot);
      for (const p of pending.values()) {
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
