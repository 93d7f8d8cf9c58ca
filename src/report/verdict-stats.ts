import type { SiteReport } from './model.js';

/**
 * A group's sites by verdict (keyed as the verdicts are, so a renderer reads them in its own order) and
 * `rate`: qualified in % of the sites that were assessed (a site govsite could not assess is checked by hand, not failed).
 */
export type VerdictStats = { checked: number; rate: number | null } & Record<SiteReport['verdict'], number>;

export const statsOf = (sites: readonly Pick<SiteReport, 'verdict'>[]): VerdictStats => {
  const n = { qualified: 0, unqualified: 0, 'not-assessed': 0 };
  for (const s of sites) n[s.verdict]++;
  const assessed = sites.length - n['not-assessed'];
  return { checked: sites.length, ...n, rate: assessed ? Math.round((1000 * n.qualified) / assessed) / 10 : null };
};

/** A rate as reports print it: one decimal and a percent sign, a dash when no site was assessed. */
export const rateText = ({ rate }: VerdictStats): string => (rate === null ? '—' : `${rate.toFixed(1)} %`);
