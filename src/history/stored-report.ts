import { reportHeader, type AuditReport, type SiteReport } from '../report/model.js';
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
  const sites = storedResults<SiteReport>(db, runId, profile.name);
  return sites ? { ...reportHeader(run, profile.name), sites } : scoreRun(db, runId, profile);
}
