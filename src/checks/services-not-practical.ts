import { defineCheck, findings } from './types.js';

/**
 * Veto: ≥ 5 service guides missing ≥ 4 of the eight element categories, or (portals) no service
 * offering at all. Each incomplete guide's deduction is guide-missing-elements'.
 */
export const servicesNotPractical = defineCheck({
  meta: { id: 'services-not-practical', title: { zh: '办事服务不实用', en: 'Services not practical' }, indicator: { zh: '单项否决 · 服务不实用', en: 'Veto · services not practical' }, requires: ['home', 'guides', 'columns', 'portal', 'homeUrl'] },
  defaultOptions: { guides: 5, missing: 4 },
  run({ guides, columns, portal, homeUrl }, { options }) {
    const hollow = guides.filter((g) => g.missing.length >= options.missing);
    if (hollow.length >= options.guides) return findings(hollow.map((g) => ({ rule: 'services-not-practical', url: g.url, missing: g.missing })));
    const offersServices = guides.length > 0 || columns.some((c) => c.category === 'service');
    return findings(portal && !offersServices ? [{ rule: 'services-not-practical', url: homeUrl, missing: ['办事服务'] }] : []);
  },
});
