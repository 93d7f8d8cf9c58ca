import { Command } from 'commander';
import { crawlRegistry } from '../../crawl/run-crawl.js';
import { withDb } from '../../store/db.js';
import { crawlStats } from '../../store/link-status.js';
import { renderCrawlSummary } from '../../report/crawl-summary.js';
import { asOfOption, crawlOptions, dbOption, parseAsOf, shardOption, toCrawlOptions, type RawCrawlOptions } from '../options.js';
import { parseShard } from '../../registry/shard.js';
import { showProgress } from '../progress.js';
import { reportRowErrors } from '../row-errors.js';

export const crawlCommand = new Command('crawl')
  .description('polite concurrent crawl of every site of a registry into the database')
  .argument('<registry>', 'registry file (CSV, JSON, JSON Lines)')
  .addOption(dbOption())
  .addOption(asOfOption())
  .option('--resume', 'continue the unfinished run of this registry instead of starting a new one')
  .addOption(shardOption());
crawlOptions().forEach((o) => crawlCommand.addOption(o));

crawlCommand.action(async (file: string, raw: RawCrawlOptions & { db: string; asOf?: string; resume?: boolean; shard?: string }) => {
  const options = toCrawlOptions(raw);
  const asOf = parseAsOf(raw.asOf);
  const shard = parseShard(raw.shard);
  let stop = () => {};
  try {
    await withDb(raw.db, async (db) => {
      const result = await crawlRegistry(db, {
        registry: file, asOf, resume: Boolean(raw.resume), options, shard,
        onStart: (crawler, sites) => { stop = showProgress(crawler, sites); },
      });
      stop();
      reportRowErrors(result.registry);
      process.stdout.write(renderCrawlSummary(result.run, crawlStats(db, result.run.id)));
    }, { resumable: true });
  } finally {
    stop();
  }
});
