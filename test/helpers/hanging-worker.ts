import { parentPort } from 'node:worker_threads';
import type { Job } from '../../src/crawl/analysis-pool.js';

/**
 * An analysis worker for pool tests: never finishes a page whose URL says "hang" (it spins until it
 * is stopped), and answers any other with its URL as its facts. The test runner also loads it as a
 * file of its own, outside a worker: then it does nothing.
 */
parentPort?.on('message', ({ id, job }: { id: number; job: Job }) => {
  const url = job.kind === 'page' ? job.request.url : '';
  if (url.includes('hang')) for (;;);
  parentPort!.postMessage({ id, result: { facts: url } });
});
