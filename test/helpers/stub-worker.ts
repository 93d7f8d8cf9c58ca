import { parentPort } from 'node:worker_threads';
import type { Job } from '../../src/crawl/analysis-pool.js';

/**
 * An analysis worker for pool tests, whatever the machine's speed: answers each page after 30 ms of
 * sleep (no CPU) with its URL as its facts; fails a page whose URL says "fail" as the real worker
 * reports a failed analysis; never finishes one whose URL says "hang" (it spins until it is stopped).
 * The test runner also loads it as a file of its own, outside a worker: then it does nothing.
 */
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort?.on('message', ({ id, job }: { id: number; job: Job }) => {
  const url = job.kind === 'page' ? job.request.url : null;
  if (url?.includes('hang')) for (;;);
  Atomics.wait(pause, 0, 0, 30);
  parentPort!.postMessage(url?.includes('fail') ? { id, error: 'Maximum call stack size exceeded' } : { id, result: { facts: url } });
});
