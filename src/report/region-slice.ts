import { InputError } from '../errors.js';
import { regionNamed } from '../registry/region.js';
import type { AuditReport } from './model.js';

/** One region's sites of a report (`--region 云南`): a national sweep's report and notices for one province's office. */
export function regionSlice(report: AuditReport, region: string | undefined): AuditReport {
  if (region === undefined) return report;
  return { ...report, region: regionNamed(region), sites: inRegion(report.sites, region, (s) => s.region, `of run ${report.run}`) };
}

/** The items of one region (a province: 云南 or 云南省); none is an input error naming the regions there are. */
export function inRegion<T>(items: readonly T[], region: string, regionOfItem: (item: T) => string | null | undefined, whose: string): T[] {
  const name = regionNamed(region);
  const kept = items.filter((i) => regionOfItem(i) === name);
  if (kept.length) return kept;
  const named = [...new Set(items.map(regionOfItem))].filter((r) => r);
  throw new InputError(`--region ${region}`, `no site ${whose} is in it (${named.length ? `its sites are in ${named.join('、')}` : 'the registry names no region for its sites'})`);
}
