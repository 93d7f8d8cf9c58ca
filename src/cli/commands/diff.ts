import { Command, Option } from 'commander';
import { diffSites, type RunDiff } from '../../history/diff.js';
import { reportOf } from '../../history/stored-report.js';
import { renderDiffMd } from '../../report/diff-md.js';
import { renderJson } from '../../report/json.js';
import { printRendered, writeRendered } from '../../report/rendered.js';
import type { Lang } from '../../report/labels.js';
import { DEFAULT_PROFILE, loadProfile } from '../../score/profile.js';
import { withDb, type Db } from '../../store/db.js';
import { getRun, latestRun, previousRun } from '../../store/runs.js';
import { UsageError } from '../../errors.js';
import { dbOption, positiveInt, regionOption } from '../options.js';
import { regionSlice } from '../../report/region-slice.js';

export const diffCommand = new Command('diff')
  .description('problems fixed, still open and new between two runs (default: the two latest of the latest run\'s registry)')
  .addOption(dbOption())
  .option('--from <run>', 'the earlier run')
  .option('--to <run>', 'the later run')
  .addOption(regionOption())
  .option('--profile <name-or-file>', 'scoring profile', DEFAULT_PROFILE)
  .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
  .addOption(new Option('--format <format>', 'output').choices(['md', 'json']).default('md'))
  .option('--output <file>', 'write here instead of stdout')
  .action((raw: { db: string; from?: string; to?: string; region?: string; profile: string; lang: Lang; format: 'md' | 'json'; output?: string }) => {
    const profile = loadProfile(raw.profile);
    return withDb(raw.db, (db) => {
      const [from, to] = runPair(db, raw.from, raw.to);
      const a = regionSlice(reportOf(db, from, profile), raw.region);
      const b = regionSlice(reportOf(db, to, profile), raw.region);
      const diff: RunDiff = { from: { run: from, asOf: a.asOf }, to: { run: to, asOf: b.asOf }, profile: profile.name, sites: diffSites(a.sites, b.sites) };
      const rendered = raw.format === 'json' ? renderJson(diff) : renderDiffMd(diff, raw.lang);
      if (raw.output) writeRendered(raw.output, rendered);
      else printRendered(rendered);
    });
  });

function runPair(db: Db, from: string | undefined, to: string | undefined): [number, number] {
  const later = to !== undefined ? positiveInt(to, '--to') : latestRun(db)?.id;
  if (later === undefined) throw new UsageError('the database holds no run yet');
  if (from !== undefined) return [positiveInt(from, '--from'), later];
  const run = getRun(db, later);
  const earlier = run && previousRun(db, run);
  if (!earlier) throw new UsageError(`run ${later} has no earlier run of the same registry: name one with --from`);
  return [earlier.id, later];
}
