import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analysePage, type AnalysisRequest, type PageAnalysis } from './page-analysis.js';

type Pending = { resolve: (a: PageAnalysis) => void; reject: (e: Error) => void };

/** One worker per spare core: the main thread fetches and stores while workers decode and parse. */
export const DEFAULT_WORKERS = Math.max(1, availableParallelism() - 1);

/**
 * Page analysis on worker threads, or in this thread when `size` is 0 or the compiled worker is not
 * there (tests run from the TypeScript sources).
 */
export class AnalysisPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number) {
    const script = fileURLToPath(new URL('./analysis-worker.js', import.meta.url));
    if (size === 0 || !existsSync(script)) return;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script);
      worker.on('message', ({ id, result, error }: { id: number; result?: PageAnalysis; error?: string }) => {
        const p = this.pending.get(id)!;
        this.pending.delete(id);
        if (error !== undefined) p.reject(new Error(error));
        else p.resolve(result!);
      });
      worker.on('error', (e) => this.failAll(e));
      this.workers.push(worker);
    }
  }

  analyse(request: AnalysisRequest): Promise<PageAnalysis> {
    if (this.workers.length === 0) return Promise.resolve(analysePage(request));
    const id = this.nextId++;
    // the bytes are copied, not transferred: the caller's buffer may be a slice of a shared pool
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}
