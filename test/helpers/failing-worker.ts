import { parentPort } from 'node:worker_threads';
import type { Job } from '../../src/crawl/analysis-pool.js';

/**
 * An analysis worker for pool tests: fails a page whose URL says "fail" as the real worker reports a
 * failed analysis (its message), and answers any other with its URL as its facts. The test runner
 * also loads it as a file of its own, outside a worker: then it does nothing.
 */
parentPort?.on('message', ({ id, job }: { id: number; job: Job }) => {
  const url = job.kind === 'page' ? job.request.url : '';
  parentPort!.postMessage(url.includes('fail') ? { id, error: 'Maximum call stack size exceeded' } : { id, result: { facts: url } });
});
