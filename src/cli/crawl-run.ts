import { crawlRegistry, type CrawlRequest, type CrawlResult } from '../crawl/run-crawl.js';
import type { Db } from '../store/db.js';
import { showProgress } from './progress.js';
import { reportRowErrors } from './row-errors.js';

/**
 * A crawl as `crawl` and `audit` run it: its progress on stderr, then the registry's bad rows, and a
 * line when `--resume` found the run's crawl finished (see runToResume).
 */
export async function crawlWithProgress(db: Db, request: Omit<CrawlRequest, 'onStart'>): Promise<CrawlResult> {
  let stop = () => {};
  let result: CrawlResult;
  try {
    result = await crawlRegistry(db, { ...request, onStart: (crawler, sites) => { stop = showProgress(crawler, sites); } });
  } finally {
    stop();
  }
  reportRowErrors(result.registry);
  const { run } = result;
  if (!result.crawled) process.stderr.write(`run ${run.id} of this registry (as of ${run.asOf}) finished its crawl at ${run.finishedAt}: --resume takes it as it is, nothing is crawled again (without --resume, a new run starts)\n`);
  return result;
}
