import type { AuditReport, SiteReport } from '../report/model.js';
import { TOOL_VERSION } from '../report/model.js';
import type { Profile } from '../score/profile.js';
import type { Db } from '../store/db.js';
import { storedResults } from '../store/history.js';
import { getRun } from '../store/runs.js';
import { InputError } from '../errors.js';
import { scoreRun } from './score-run.js';

/** A run's report as it was scored under this profile, scoring it now if it never was. */
export function reportOf(db: Db, runId: number, profile: Profile): AuditReport {
  const run = getRun(db, runId);
  if (!run) throw new InputError(`run ${runId}`, 'is not in the database');
  const sites = storedResults<SiteReport & { siteId?: string }>(db, runId, profile.name);
  if (!sites) return scoreRun(db, runId, profile);
  const sample = typeof run.options['sample'] === 'string' ? { sample: run.options['sample'] } : {};
  return {
    schemaVersion: 1, tool: { name: 'govsite', version: TOOL_VERSION }, asOf: run.asOf, profile: profile.name, run: runId, ...sample,
    sites: sites.map(({ siteId: _siteId, ...s }) => s),
  };
}
