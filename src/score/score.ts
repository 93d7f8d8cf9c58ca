import type { CheckResult } from '../checks/types.js';
import type { Profile } from './profile.js';

export type Verdict = 'qualified' | 'unqualified' | 'not-assessed';

export interface SiteScore {
  verdict: Verdict;
  score: number | null;
  vetoes: string[];
  deductions: { rule: string; points: number; count: number }[];
  /** rules that could not be judged (no probes yet, home page not fetched, a check error) */
  notAssessed: string[];
}

/**
 * Veto → 不合格 with no score; otherwise 100 − Σ group-capped deductions (a department without
 * services is scored on the other 75 points × 4/3); below the pass line → 不合格. The home page
 * unread or a check that failed → not assessed, never a silent pass.
 */
export function scoreSite(results: ReadonlyMap<string, CheckResult>, profile: Profile, site: { level: string | null; offersServices: boolean }): SiteScore {
  const notAssessed = [...results].filter(([, r]) => r.kind === 'not-assessed' || r.kind === 'error').map(([id]) => id);
  const failed = [...results.values()].some((r) => r.kind === 'error') || results.get('homepage-not-updated')?.kind === 'not-assessed';
  const vetoes = profile.rules.filter((r) => r.kind === 'veto' && countOf(results.get(r.rule)) > 0).map((r) => r.rule);
  const deductions = profile.rules.filter((r) => r.kind === 'deduction').map((r) => {
    const result = results.get(r.rule);
    const found = result?.kind === 'findings' ? result.findings : [];
    const raw = found.reduce((sum, f) => sum + (typeof r.points === 'number' ? r.points : r.points?.[f.class ?? 'default'] ?? 0), 0);
    return { rule: r.rule, group: r.group!, points: round(Math.min(raw, r.cap ?? Infinity)), count: found.length };
  }).filter((d) => d.count > 0);
  const publicDeductions = deductions.map(({ rule, points, count }) => ({ rule, points, count }));
  if (failed) return { verdict: 'not-assessed', score: null, vetoes, deductions: publicDeductions, notAssessed };
  if (vetoes.length > 0) return { verdict: 'unqualified', score: null, vetoes, deductions: publicDeductions, notAssessed };

  const byGroup = new Map<string, number>();
  for (const d of deductions) byGroup.set(d.group, (byGroup.get(d.group) ?? 0) + d.points);
  // departments without public services are scored on the other groups, scaled back to 100
  const scaled = site.level === 'department' && !site.offersServices;
  let total = 0;
  for (const [group, points] of byGroup) if (!(scaled && group === 'services')) total += Math.min(points, profile.groups[group]!.points);
  const servicePoints = profile.groups['services']?.points ?? 25;
  const score = round(scaled ? (100 - servicePoints - total) * (100 / (100 - servicePoints)) : 100 - total);
  const qualified = profile.pass.minScore !== undefined ? score >= profile.pass.minScore : 100 - score < profile.pass.maxDeduction!;
  return { verdict: qualified ? 'qualified' : 'unqualified', score, vetoes, deductions: publicDeductions, notAssessed };
}

function countOf(result: CheckResult | undefined): number {
  return result?.kind === 'findings' ? result.findings.length : 0;
}

const round = (n: number) => Math.round(n * 10) / 10;
