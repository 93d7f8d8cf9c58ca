import { Command } from 'commander';
import { crawlWithProgress } from '../crawl-run.js';
import { scoreRun } from '../../history/score-run.js';
import { loadProfile } from '../../score/profile.js';
import { withDb } from '../../store/db.js';
import { asOfOption, crawlOptions, dbOption, parseAsOf, shardOption, toCrawlOptions, type RawCrawlOptions } from '../options.js';
import { parseShard } from '../../registry/shard.js';
import { checkReportOptions, enforceFailOn, reportOptions, writeReports, type RawReportOptions } from '../report-options.js';

/** Crawl, check, score and report in one go: the main job. */
export async function audit(registry: string, raw: RawCrawlOptions & RawReportOptions & { db: string; asOf?: string; resume?: boolean; shard?: string }): Promise<string[]> {
  const profile = loadProfile(raw.profile); // a bad profile fails before the crawl, not after it
  checkReportOptions(raw);
  // every option is read before the database file is opened (created): a mistyped one leaves none behind
  const request = { registry, asOf: parseAsOf(raw.asOf), resume: Boolean(raw.resume), options: toCrawlOptions(raw), shard: parseShard(raw.shard) };
  return withDb(raw.db, async (db) => {
    const { run } = await crawlWithProgress(db, request);
    const report = scoreRun(db, run.id, profile);
    const files = writeReports(report, raw);
    enforceFailOn(report, raw.failOn);
    return files;
  }, { resumable: true });
}

export const auditCommand = new Command('audit')
  .description('crawl + checks + score + report: the main job')
  .argument('<registry>', 'registry file (CSV, JSON, JSON Lines)')
  .addOption(dbOption())
  .addOption(asOfOption())
  .option('--resume', "go on with this registry's latest run: an unfinished one is crawled on; one finished with the as-of date and shard asked is taken as it is (reported again, not crawled again)")
  .addOption(shardOption());
[...crawlOptions(), ...reportOptions()].forEach((o) => auditCommand.addOption(o));
auditCommand.action(async (registry: string, raw: Parameters<typeof audit>[1]) => {
  const files = await audit(registry, raw);
  for (const f of files) process.stderr.write(`wrote ${f}\n`);
});
