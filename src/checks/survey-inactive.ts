import { activityFindings } from './activity.js';
import { defineCheck } from './types.js';

/** Deduction 互动交流: no survey or solicitation in a year (5) or fewer than 6 (3). */
export const surveyInactive = defineCheck({
  meta: { id: 'survey-inactive', title: { zh: '调查征集不活跃', en: 'Surveys inactive' }, indicator: { zh: '互动交流 · 调查征集', en: 'Interaction · surveys' }, requires: ['home', 'columns', 'homeUrl'] },
  defaultOptions: { days: 365, fewerThan: 6 },
  run(facts, { asOf, options }) {
    return activityFindings('survey-inactive', 'survey', facts, asOf, options);
  },
});
