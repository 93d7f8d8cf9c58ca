import { ruleOfFinding } from '../checks/index.js';
import type { ReportedFinding, SiteReport } from '../report/model.js';

export interface SiteDiff {
  id: string;
  name: string | null;
  url: string;
  /** null when the site was not in that run */
  verdict: { from: SiteReport['verdict'] | null; to: SiteReport['verdict'] | null };
  score: { from: number | null; to: number | null };
  fixed: ReportedFinding[];
  open: ReportedFinding[];
  new: ReportedFinding[];
  /**
   * gone from the later run's findings, but its rule could not judge the site there (its home page
   * not read: down, walled, merged; letters filled by script): not known to be fixed
   */
  unverified: ReportedFinding[];
}

export interface RunDiff {
  from: { run: number; asOf: string };
  to: { run: number; asOf: string };
  profile: string;
  sites: SiteDiff[];
}

/** Per site, by stable finding id: problems gone (fixed, or unverified), still there (open) and new, and the verdicts. */
export function diffSites(from: readonly SiteReport[], to: readonly SiteReport[]): SiteDiff[] {
  const before = new Map(from.map((s) => [s.id, s]));
  const after = new Map(to.map((s) => [s.id, s]));
  const ids = [...new Set([...to.map((s) => s.id), ...from.map((s) => s.id)])];
  return ids.map((id) => {
    const a = before.get(id);
    const b = after.get(id);
    const had = new Set(a?.findings.map((f) => f.id));
    const has = new Set(b?.findings.map((f) => f.id));
    // a site missing from the later run was not checked again: nothing of it is known to be fixed
    const gone = b ? (a?.findings ?? []).filter((f) => !has.has(f.id)) : [];
    const unjudged = new Set(b?.notAssessed);
    const judged = (f: ReportedFinding) => !unjudged.has(ruleOfFinding(f.rule));
    return {
      id, name: (b ?? a)!.name, url: (b ?? a)!.url,
      verdict: { from: a?.verdict ?? null, to: b?.verdict ?? null },
      score: { from: a?.score ?? null, to: b?.score ?? null },
      fixed: gone.filter(judged),
      unverified: gone.filter((f) => !judged(f)),
      open: (b?.findings ?? []).filter((f) => had.has(f.id)),
      new: a ? (b?.findings ?? []).filter((f) => !had.has(f.id)) : b?.findings ?? [],
    };
  });
}
