import { parentPort } from 'node:worker_threads';
import type { Job } from '../../src/crawl/analysis-pool.js';

/**
 * An analysis worker for pool tests: answers each page after 30 ms of sleep (no CPU), with its URL
 * as its facts. The test runner also loads it as a file of its own, outside a worker: then it does nothing.
 */
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort?.on('message', ({ id, job }: { id: number; job: Job }) => {
  Atomics.wait(pause, 0, 0, 30);
  parentPort!.postMessage({ id, result: { facts: job.kind === 'page' ? job.request.url : null } });
});
