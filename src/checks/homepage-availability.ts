import { probesShort, PROBES_A_DAY } from './probe-days.js';
import { defineCheck, findings } from './types.js';

/** Deduction 功能设计: failed home page probes below the veto line, 5 points per percentage point. Without ≥ 20 a day for 7 days: not assessed. */
export const homepageAvailability = defineCheck({
  meta: { id: 'homepage-availability', title: { zh: '首页可用性', en: 'Home page availability' }, indicator: { zh: '功能设计 · 首页可用性', en: 'Function · home page availability' }, requires: ['probes', 'homeUrl'] },
  defaultOptions: { vetoRate: 0.05, perDay: PROBES_A_DAY },
  run({ probes, homeUrl }, { options }) {
    const short = probesShort(probes, options.perDay);
    if (short) return short;
    const failed = probes.filter((p) => !p.ok).length;
    const failRate = failed / probes.length;
    if (failed === 0 || failRate >= options.vetoRate) return findings([]);
    // one finding per whole percentage point failed, so the profile's per-finding points apply
    return findings(Array.from({ length: Math.max(1, Math.floor(failRate * 100)) }, () => ({ rule: 'homepage-availability', url: homeUrl, probes: probes.length, failed, failRate })));
  },
});
