import { crawlRegistry, type CrawlRequest, type CrawlResult } from '../crawl/run-crawl.js';
import type { Db } from '../store/db.js';
import { answerless, proxyDeniedHosts } from '../store/runs.js';
import { showProgress } from './progress.js';
import { reportRowErrors } from './row-errors.js';

/** Sites a run holds past which none of them answering is the machine's failure, not theirs. */
const NOT_ALL_DOWN = 3;

/**
 * A crawl as `crawl` and `audit` run it: its progress on stderr, then the registry's bad rows, a
 * warning when no site answered at all or the proxy refused hosts by its policy, the registry's
 * sites a resumed run does not hold, and a line when `--resume` found the run's crawl finished (see
 * runToResume).
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
  // a registry's sites are not all down at once: the machine is (its network, its DNS, its proxy)
  const silent = answerless(db, run.id);
  if (silent && silent.sites >= NOT_ALL_DOWN) process.stderr.write(`warning: not one request of run ${run.id} got an answer (${silent.sites} sites; ${silent.failures.join(', ')}): this machine's network, DNS or proxy was most likely down, and every site reads as unreachable. Check it and run again; --control URLs make a crawl wait for the network instead\n`);
  const denied = proxyDeniedHosts(db, run.id);
  if (denied.length) process.stderr.write(`warning: the proxy refused run ${run.id}'s requests to ${denied.length} host(s) by its policy: ${denied.slice(0, 10).join(', ')}${denied.length > 10 ? ` and ${denied.length - 10} more` : ''}. What it refused is not checked (EPROXYDENIED, inconclusive): ask its administrators to let this machine through to them, or audit them from another network\n`);
  const added = result.notInRun;
  if (added.length) process.stderr.write(`${added.length} site(s) of the registry are not in run ${run.id}, which began before they were added: ${added.slice(0, 10).join(', ')}${added.length > 10 ? ` and ${added.length - 10} more` : ''}; this run does not audit them (a new run, without --resume, does)\n`);
  if (!result.crawled) process.stderr.write(`run ${run.id} of this registry (as of ${run.asOf}) finished its crawl at ${run.finishedAt}: --resume takes it as it is, nothing is crawled again (without --resume, a new run starts)\n`);
  return result;
}
