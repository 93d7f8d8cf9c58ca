import { Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { reportOf } from '../../history/stored-report.js';
import { loadProfile } from '../../score/profile.js';
import { withDb, type Db } from '../../store/db.js';
import { getRun, latestRun } from '../../store/runs.js';
import { dbOption, positiveInt, regionOption } from '../options.js';
import { regionSlice } from '../../report/region-slice.js';
import { checkReportOptions, enforceFailOn, reportOptions, writeReports, type RawReportOptions } from '../report-options.js';

/** `check` and `report`: checks and scoring on a stored run, never the network. */
function storedRunCommand(name: string, description: string): Command {
  const command = new Command(name).description(description).addOption(dbOption()).addOption(new Option('--run <id>', 'run to score (default: the latest)'))
    .addOption(regionOption());
  reportOptions().forEach((o) => command.addOption(o));
  return command.action((raw: RawReportOptions & { db: string; run?: string; region?: string }) => {
    const profile = loadProfile(raw.profile);
    checkReportOptions(raw);
    if (raw.eachRegion && raw.region !== undefined) throw new UsageError('--each-region writes every region\'s folder, and is not for one --region');
    return withDb(raw.db, (db) => {
      const runId = runOf(db, raw.run);
      const report = regionSlice(reportOf(db, runId, profile, { rescore: true }), raw.region);
      if (getRun(db, runId)?.prunedAt) process.stderr.write(`run ${runId}'s pages were pruned (govsite prune): this is its report as stored when it was scored\n`);
      writeReports(report, raw);
      enforceFailOn(report, raw.failOn);
    });
  });
}

export function runOf(db: Db, run: string | undefined): number {
  if (run !== undefined) return positiveInt(run, '--run');
  const latest = latestRun(db);
  if (!latest) throw new UsageError('the database holds no run yet: crawl or audit a registry first');
  return latest.id;
}

export const checkCommand = storedRunCommand('check', 're-run the checks and scoring of a stored run (no network)');
export const reportCommand = storedRunCommand('report', 'render a stored run in any report format (terminal, json, csv, html, md, junit, sarif)');
