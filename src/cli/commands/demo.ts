import { Command } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crawlRegistry } from '../../crawl/run-crawl.js';
import { FixtureFleet } from '../../fixture-server/server.js';
import { FIXTURES_DIR } from '../../paths.js';
import { renderCrawlSummary } from '../../report/crawl-summary.js';
import { openDb } from '../../store/db.js';
import { crawlStats } from '../../store/link-status.js';
import { crawlOptions, parseAsOf, toCrawlOptions, type RawCrawlOptions } from '../options.js';
import { showProgress } from '../progress.js';

/** The fixture fleet's reference date: its planted dates are written against it. */
export const DEMO_AS_OF = '2026-11-15';

export const demoCommand = new Command('demo')
  .description('serve the bundled fixture fleet on 127.0.0.1 and crawl it (the README\'s first command)')
  .option('--out <dir>', 'folder for the database, registry and reports', 'govsite-demo')
  .option('--as-of <date>', 'monitoring point', DEMO_AS_OF);
crawlOptions().forEach((o) => demoCommand.addOption(o));

demoCommand.action(async (raw: RawCrawlOptions & { out: string; asOf: string }) => {
  const out = resolve(raw.out);
  mkdirSync(out, { recursive: true });
  const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  const dbFile = join(out, 'govsite.db');
  const db = openDb(dbFile);
  let stop = () => {};
  try {
    // the fleet registry names sites by {{origin:NAME}}; this run's ports are filled in
    const registry = join(out, 'fleet.csv');
    writeFileSync(registry, fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
    const result = await crawlRegistry(db, {
      registry, asOf: parseAsOf(raw.asOf), resume: false, options: toCrawlOptions(raw),
      onStart: (crawler, sites) => { stop = showProgress(crawler, sites); },
    });
    stop();
    process.stdout.write(renderCrawlSummary(result.run, crawlStats(db, result.run.id)));
    process.stdout.write(`\ndatabase: ${dbFile}\nregistry: ${registry}\n`);
  } finally {
    stop();
    db.close();
    await fleet.close();
  }
});
