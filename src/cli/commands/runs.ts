import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { withDb } from '../../store/db.js';
import { runSummaries, type RunSummary } from '../../store/runs.js';
import { textTable } from '../../report/text-table.js';
import { dbOption } from '../options.js';

export const runsCommand = new Command('runs')
  .description('list the runs of a database (their ids are what --run, --from and --to take): month, registry, sites, pages, finished or not, pruned, profiles scored')
  .addOption(dbOption())
  .addOption(new Option('--format <format>', 'terminal or json').choices(['terminal', 'json']).default('terminal'));

runsCommand.action((opts: { db: string; format: 'terminal' | 'json' }) =>
  withDb(opts.db, (db) => {
    const runs = runSummaries(db);
    if (runs.length === 0) throw new UsageError('the database holds no run yet: crawl or audit a registry first');
    process.stdout.write(opts.format === 'json' ? `${JSON.stringify(runs, null, 2)}\n` : runTable(runs));
  }));

/** Minutes are enough to tell runs apart; times are UTC, as stored. */
const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function state(r: RunSummary): string {
  if (r.finishedAt === null) return `unfinished: ${r.crawled} of ${r.sites} sites crawled (--resume goes on)`;
  return r.prunedAt === null ? `finished ${minute(r.finishedAt)}` : `finished ${minute(r.finishedAt)}, pruned ${r.prunedAt.slice(0, 10)}: its reports kept`;
}

function runTable(runs: readonly RunSummary[]): string {
  const rows = [['run', 'as of', 'registry', 'sites', 'pages', 'scored', 'state'], ...runs.map((r) => [
    String(r.id), r.asOf, `${r.registry}${r.sample ? ' (sample)' : ''}${r.shard ? ` shard ${r.shard}` : ''}`, String(r.sites), r.pages === null ? '—' : String(r.pages),
    r.profiles.join(', ') || '—', state(r),
  ])];
  return `${textTable(rows, new Set([0, 3, 4])).join('\n')}\n`;
}
