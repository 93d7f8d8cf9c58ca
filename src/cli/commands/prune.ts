import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { withDb } from '../../store/db.js';
import { describePrune, pruneRuns } from '../../store/prune.js';
import { latestRun } from '../../store/runs.js';
import { dbOption, positiveInt } from '../options.js';

export const pruneCommand = new Command('prune')
  .description('drop the pages, links and facts of older runs, keeping their reports, findings and recent home pages (a monthly sweep\'s file stays the size of one month)')
  .addOption(dbOption())
  .addOption(new Option('--keep <n>', 'the latest finished runs kept whole').default('1'));

pruneCommand.action((opts: { db: string; keep: string }) => {
  const keep = positiveInt(opts.keep, '--keep');
  return withDb(opts.db, (db) => {
    if (!latestRun(db)) throw new UsageError('the database holds no run yet: nothing to prune');
    process.stdout.write(describePrune(pruneRuns(db, keep)));
  });
});
