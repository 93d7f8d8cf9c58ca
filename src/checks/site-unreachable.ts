import { probesShort, PROBES_A_DAY } from './probe-days.js';
import { defineCheck, findings } from './types.js';

/** Veto: home page probes over 7 days (≥ 20 a day) failing ≥ 5 % (15 s = failed). Without ≥ 20 a day for 7 days: not assessed. */
export const siteUnreachable = defineCheck({
  meta: { id: 'site-unreachable', title: { zh: '站点无法访问', en: 'Site unreachable' }, indicator: { zh: '单项否决 · 站点无法访问', en: 'Veto · site unreachable' }, requires: ['probes', 'homeUrl'] },
  defaultOptions: { failRate: 0.05, perDay: PROBES_A_DAY },
  run({ probes, homeUrl }, { options }) {
    const short = probesShort(probes, options.perDay);
    if (short) return short;
    const failed = probes.filter((p) => !p.ok).length;
    const failRate = failed / probes.length;
    return findings(failRate >= options.failRate ? [{ rule: 'site-unreachable', url: homeUrl, probes: probes.length, failed, failRate }] : []);
  },
});
