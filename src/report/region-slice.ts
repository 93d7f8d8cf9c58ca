import { InputError } from '../errors.js';
import { regionNamed } from '../registry/region.js';
import type { Db } from '../store/db.js';
import { siteRegions } from '../store/sites.js';
import type { AuditReport } from './model.js';

/**
 * One region's sites of a report (`--region 云南`): a national sweep's report and notices for one
 * province's office. Each site's region as the registry last imported gives it — a report stored by
 * an earlier version carries none.
 */
export function regionSlice(db: Db, report: AuditReport, region: string | undefined): AuditReport {
  if (region === undefined) return report;
  const name = regionNamed(region);
  const regions = siteRegions(db);
  const sites = report.sites.filter((s) => regions.get(s.id) === name).map((s) => ({ ...s, region: name }));
  if (!sites.length) throw new InputError(`--region ${region}`, `no site of run ${report.run} is in it (${regionsOf(report.sites.map((s) => regions.get(s.id) ?? null))})`);
  return { ...report, region: name, sites };
}

/** The regions a run's sites are in, for a message: what `--region` could have said. */
export function regionsOf(regions: readonly (string | null)[]): string {
  const named = [...new Set(regions)].filter((r) => r !== null);
  return named.length ? `its sites are in ${named.join('、')}` : 'the registry names no region for its sites';
}
