import { Command } from 'commander';
import { crawlWithProgress } from '../crawl-run.js';
import { withDb } from '../../store/db.js';
import { crawlStats } from '../../store/link-status.js';
import { renderCrawlSummary } from '../../report/crawl-summary.js';
import { asOfOption, crawlOptions, dbOption, parseAsOf, shardOption, toCrawlOptions, type RawCrawlOptions } from '../options.js';
import { parseShard } from '../../registry/shard.js';

export const crawlCommand = new Command('crawl')
  .description('polite concurrent crawl of every site of a registry into the database')
  .argument('<registry>', 'registry file (CSV, JSON, JSON Lines)')
  .addOption(dbOption())
  .addOption(asOfOption())
  .option('--resume', "go on with this registry's latest run: an unfinished one is crawled on; one finished with the as-of date and shard asked is taken as it is; without it, a new run starts")
  .addOption(shardOption());
crawlOptions().forEach((o) => crawlCommand.addOption(o));

crawlCommand.action(async (file: string, raw: RawCrawlOptions & { db: string; asOf?: string; resume?: boolean; shard?: string }) => {
  const options = toCrawlOptions(raw);
  const asOf = parseAsOf(raw.asOf);
  const shard = parseShard(raw.shard);
  await withDb(raw.db, async (db) => {
    const { run } = await crawlWithProgress(db, { registry: file, asOf, resume: Boolean(raw.resume), options, shard });
    process.stdout.write(renderCrawlSummary(run, crawlStats(db, run.id)));
  }, { resumable: true });
});
