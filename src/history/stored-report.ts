import { reportHeader, type AuditReport, type SiteReport } from '../report/model.js';
import type { Profile } from '../score/profile.js';
import type { Db } from '../store/db.js';
import { storedResults } from '../store/history.js';
import { finishedRun } from '../store/runs.js';
import { siteRegions } from '../store/sites.js';
import { scoreRun } from './score-run.js';

/**
 * A run's report as it was scored under this profile, scoring it now if it never was; `rescore`:
 * scored now whatever was stored (`check`, `report`), unless its pages were pruned (see prune.ts).
 */
export function reportOf(db: Db, runId: number, profile: Profile, { rescore = false } = {}): AuditReport {
  const run = finishedRun(db, runId);
  const sites = rescore && run.prunedAt === null ? undefined : storedResults<SiteReport>(db, runId, profile.name);
  return sites ? { ...reportHeader(run, profile.name), sites: withRegions(db, sites) } : scoreRun(db, runId, profile);
}

/** Sites as stored by a version before regions: each its region from the registry as last imported, as scoring gives it now. */
function withRegions(db: Db, sites: SiteReport[]): SiteReport[] {
  if (sites.every((s) => s.region !== undefined)) return sites;
  const regions = siteRegions(db);
  return sites.map((s) => (s.region !== undefined ? s : { ...s, region: regions.get(s.id) ?? null }));
}
