import { defineCheck, findings } from './types.js';

/** Deduction 功能设计: failed home page probes below the veto line, 5 points per percentage point. Without probes: not assessed. */
export const homepageAvailability = defineCheck({
  meta: { id: 'homepage-availability', title: { zh: '首页可用性', en: 'Home page availability' }, indicator: { zh: '功能设计 · 首页可用性', en: 'Function · home page availability' }, requires: ['probes', 'homeUrl'] },
  defaultOptions: { vetoRate: 0.05, minProbes: 140 },
  run({ probes, homeUrl }, { options }) {
    if (probes.length < options.minProbes) return { kind: 'not-assessed', reason: `${probes.length} home page probes in 7 days (govsite probe)` };
    const failed = probes.filter((p) => !p.ok).length;
    const failRate = failed / probes.length;
    if (failed === 0 || failRate >= options.vetoRate) return findings([]);
    // one finding per whole percentage point failed, so the profile's per-finding points apply
    return findings(Array.from({ length: Math.max(1, Math.floor(failRate * 100)) }, () => ({ rule: 'homepage-availability', url: homeUrl, probes: probes.length, failed, failRate })));
  },
});
