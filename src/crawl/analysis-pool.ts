import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analysePage, type AnalysisRequest, type PageAnalysis } from './page-analysis.js';

type Pending = { request: AnalysisRequest; resolve: (a: PageAnalysis) => void; reject: (e: Error) => void };

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
 * there (tests run from the TypeScript sources).
 */
export class AnalysisPool {
  private readonly workers: Worker[] = [];
  /** requests in flight, per worker */
  private readonly pending: Map<number, Pending>[] = [];
  private nextId = 0;
  private closing = false;

  constructor(size: number, private readonly script = fileURLToPath(new URL('./analysis-worker.js', import.meta.url)), private readonly heap = WORKER_HEAP) {
    if (size === 0 || !existsSync(script)) return;
    for (let i = 0; i < size; i++) this.start(i);
  }

  analyse(request: AnalysisRequest): Promise<PageAnalysis> {
    if (this.workers.length === 0) return Promise.resolve(analysePage(request));
    const id = this.nextId++;
    const slot = id % this.workers.length;
    // the bytes are copied, not transferred: the caller's buffer may be a slice of a shared pool
    return new Promise((resolve, reject) => {
      this.pending[slot]!.set(id, { request, resolve, reject });
      this.workers[slot]!.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private start(slot: number): void {
    const worker = new Worker(this.script, { resourceLimits: this.heap });
    const pending = new Map<number, Pending>();
    worker.on('message', ({ id, result, error }: { id: number; result?: PageAnalysis; error?: string }) => {
      const p = pending.get(id)!;
      pending.delete(id);
      if (error !== undefined) p.reject(new Error(error));
      else p.resolve(result!);
    });
    // out of memory or crashed: its pages are analysed here, and a new worker takes the slot
    worker.once('exit', () => {
      if (this.closing) return;
      this.start(slot);
      for (const p of pending.values()) {
        try {
          p.resolve(analysePage(p.request));
        } catch (e) {
          p.reject(e as Error);
        }
      }
    });
    worker.on('error', () => {}); // the exit handler above recovers
    this.workers[slot] = worker;
    this.pending[slot] = pending;
  }
}
