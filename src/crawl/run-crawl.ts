import type { RegistryRow } from '../registry/types.js';
import { resolve } from 'node:path';
import { importRegistry } from '../registry/import.js';
import type { ParsedRegistry } from '../registry/types.js';
import type { Db } from '../store/db.js';
import { createRun, finishRun, getRun, runToResume, unfinishedSiteIds, type Run } from '../store/runs.js';
import { knownSites, sitesOfRun, type StoredSite } from '../store/sites.js';
import { InputError } from '../errors.js';
import { inShard, type Shard } from '../registry/shard.js';
import { Crawler, type CrawlOptions } from './crawler.js';
import { RegisteredSites } from './registered-sites.js';

export interface CrawlRequest {
  registry: string;
  asOf: string;
  resume: boolean;
  options: CrawlOptions;
  /** crawl only this part of the registry */
  shard?: Shard | undefined;
  /** subscribe to the crawler's events (progress) before it starts */
  onStart?: (crawler: Crawler, sites: number) => void;
}

export interface CrawlResult {
  run: Run;
  registry: ParsedRegistry;
  /** false when `--resume` found the run's crawl finished (see runToResume): nothing was crawled */
  crawled: boolean;
  /** the registry's sites (of the shard) the resumed run does not hold: added after it began, not audited in it */
  notInRun: string[];
}

/** Registry → sites → a run → a crawl of every site not finished yet. */
export async function crawlRegistry(db: Db, request: CrawlRequest): Promise<CrawlResult> {
  const registryKey = resolve(request.registry);
  const parsed = importRegistry(db, request.registry);
  const registry = { ...parsed, rows: parsed.rows.filter((r) => inShard(r.id, request.shard)) };
  if (parsed.rows.length === 0) throw new InputError(request.registry, 'no valid site in the registry');
  const shard = request.shard ? `${request.shard.index}/${request.shard.count}` : undefined;
  const previous = request.resume ? runToResume(db, registryKey, request.asOf, shard) : undefined;
  if (previous?.finishedAt) return { run: previous, registry, crawled: false, notInRun: notIn(sitesOfRun(db, previous.id), registry.rows) };
  const run = previous ?? createRun(db, {
    asOf: request.asOf,
    registry: registryKey,
    options: { ...request.options, retry: undefined, shard, sample: sampleOf(parsed.rows) },
    siteIds: registry.rows.map((r) => r.id),
  });
  const pending = new Set(unfinishedSiteIds(db, run.id));
  const ofRun = sitesOfRun(db, run.id);
  const sites = ofRun.filter((s) => pending.has(s.id));
  // every registered site, the other shards' and, for a sample, the whole registry's when imported
  // before: a site merged into one of them is known as such (see RegisteredSites)
  const crawler = new Crawler(db, run.id, run.asOf, request.options, new RegisteredSites(knownSites(db)));
  request.onStart?.(crawler, sites.length);
  // every row's parent is written first by construction (the run before its fetches, a body before the
  // fetch that names it, in one transaction): checking each key of each insert cost 8 % of a re-audit's
  // crawl. The tests hold every crawl to PRAGMA foreign_key_check.
  db.pragma('foreign_keys = OFF');
  try {
    await crawler.crawl(sites);
  } finally {
    db.pragma('foreign_keys = ON');
  }
  finishRun(db, run.id);
  return { run: getRun(db, run.id)!, registry, crawled: true, notInRun: notIn(ofRun, registry.rows) };
}

/** The ids of registry rows a run does not hold. */
function notIn(ofRun: readonly StoredSite[], rows: readonly RegistryRow[]): string[] {
  const held = new Set(ofRun.map((s) => s.id));
  return rows.filter((r) => !held.has(r.id)).map((r) => r.id);
}

/** The spot-check sample a registry written by `govsite sample` names on every row. */
function sampleOf(rows: readonly RegistryRow[]): string | undefined {
  const labels = new Set(rows.map((r) => r.extra['sample']));
  const [label] = labels;
  return labels.size === 1 && typeof label === 'string' ? label : undefined;
}
