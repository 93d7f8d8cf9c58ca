import type { SiteReport } from './model.js';

/** `rate`: qualified in % of the sites that were assessed (a site govsite could not assess is checked by hand, not failed) */
export interface VerdictStats { checked: number; qualified: number; notAssessed: number; rate: number | null }

export const statsOf = (sites: readonly Pick<SiteReport, 'verdict'>[]): VerdictStats => {
  const qualified = sites.filter((s) => s.verdict === 'qualified').length;
  const notAssessed = sites.filter((s) => s.verdict === 'not-assessed').length;
  const assessed = sites.length - notAssessed;
  return { checked: sites.length, qualified, notAssessed, rate: assessed ? Math.round((1000 * qualified) / assessed) / 10 : null };
};

/** A rate as reports print it: one decimal and a percent sign, a dash when no site was assessed. */
export const rateText = ({ rate }: VerdictStats): string => (rate === null ? '—' : `${rate.toFixed(1)} %`);
