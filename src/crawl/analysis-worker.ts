import { parentPort } from 'node:worker_threads';
import { analysePage, type AnalysisRequest } from './page-analysis.js';

/** Worker thread: analyses pages for the crawler's main thread, which keeps to the network and SQLite. */
parentPort!.on('message', ({ id, request }: { id: number; request: AnalysisRequest }) => {
  try {
    const result = analysePage(request);
    parentPort!.postMessage({ id, result }, result.body ? [result.body.gz.buffer as ArrayBuffer] : []);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message });
  }
});
