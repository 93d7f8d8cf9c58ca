import { Command } from 'commander';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FixtureFleet } from '../../fixture-server/server.js';
import { FIXTURES_DIR } from '../../paths.js';
import { crawlOptions, type RawCrawlOptions } from '../options.js';
import { reportOptions, type RawReportOptions } from '../report-options.js';
import { audit } from './audit.js';

/** The fixture fleet's reference date: its planted dates are written against it. */
export const DEMO_AS_OF = '2026-11-15';

export const demoCommand = new Command('demo')
  .description('serve the bundled fixture fleet on 127.0.0.1 and audit it (the README\'s first command)')
  .option('--as-of <date>', 'monitoring point', DEMO_AS_OF);
// the demo writes every format into its folder
[...crawlOptions(), ...reportOptions({ out: 'govsite-demo', format: 'terminal,json,csv,html,md' })].forEach((o) => demoCommand.addOption(o));

demoCommand.action(async (raw: RawCrawlOptions & RawReportOptions & { out: string; asOf: string }) => {
  const out = resolve(raw.out);
  mkdirSync(out, { recursive: true });
  const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
  try {
    // the fleet registry names sites by {{origin:NAME}}; this run's ports are filled in
    const registry = join(out, 'fleet.csv');
    writeFileSync(registry, fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
    const files = await audit(registry, { ...raw, db: join(out, 'govsite.db') });
    process.stdout.write(`\nreports:\n${files.map((f) => `  ${f}`).join('\n')}\ndatabase: ${join(out, 'govsite.db')}\n`);
  } finally {
    await fleet.close();
  }
});
