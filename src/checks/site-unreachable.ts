import { defineCheck, findings } from './types.js';

/** Veto: home page probes over 7 days (≥ 20 a day) failing ≥ 5 % (15 s = failed). Without probes: not assessed. */
export const siteUnreachable = defineCheck({
  meta: { id: 'site-unreachable', title: { zh: '站点无法访问', en: 'Site unreachable' }, indicator: { zh: '单项否决 · 站点无法访问', en: 'Veto · site unreachable' }, requires: ['probes', 'homeUrl'] },
  defaultOptions: { failRate: 0.05, minProbes: 140 },
  run({ probes, homeUrl }, { options }) {
    if (probes.length < options.minProbes) return { kind: 'not-assessed', reason: `${probes.length} home page probes in 7 days; the rule needs ≥ 20 a day (govsite probe)` };
    const failed = probes.filter((p) => !p.ok).length;
    const failRate = failed / probes.length;
    return findings(failRate >= options.failRate ? [{ rule: 'site-unreachable', url: homeUrl, probes: probes.length, failed, failRate }] : []);
  },
});
