import { activityFindings } from './activity.js';
import { defineCheck } from './types.js';

/** Deduction 互动交流: no online interview in a year (5) or fewer than 6 (3). */
export const interviewInactive = defineCheck({
  meta: { id: 'interview-inactive', title: { zh: '在线访谈不活跃', en: 'Interviews inactive' }, indicator: { zh: '互动交流 · 在线访谈', en: 'Interaction · online interviews' }, requires: ['home', 'columns', 'homeUrl'] },
  defaultOptions: { days: 365, fewerThan: 6 },
  run(facts, { asOf, options }) {
    return activityFindings('interview-inactive', 'interview', facts, asOf, options);
  },
});
