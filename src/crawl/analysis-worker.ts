import { parentPort } from 'node:worker_threads';
import { openDb, type Db } from '../store/db.js';
import type { Job } from './analysis-pool.js';
import { analysePage } from './page-analysis.js';
import { readStoredCopy } from './stored-copy.js';

/** Worker thread: analyses pages and reads stored copies for the crawler's main thread, which keeps to the network and the writes. */
const connections = new Map<string, Db>();

parentPort!.on('message', ({ id, job }: { id: number; job: Job }) => {
  try {
    if (job.kind === 'copies') {
      const db = connection(job.file);
      parentPort!.postMessage({ id, result: job.requests.map((r) => readStoredCopy(db, r)) });
      return;
    }
    const result = analysePage(job.request);
    parentPort!.postMessage({ id, result }, result.body ? [result.body.gz.buffer as ArrayBuffer] : []);
  } catch (e) {
    parentPort!.postMessage({ id, error: (e as Error).message });
  }
});

/** One read-only connection per database file: in WAL mode it reads while the main thread writes. */
function connection(file: string): Db {
  let db = connections.get(file);
  if (!db) connections.set(file, (db = openDb(file, { readonly: true })));
  return db;
}
