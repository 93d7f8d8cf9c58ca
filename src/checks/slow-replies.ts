import { lettersInWindow, isAnswered } from '../facts/letter-stats.js';
import { lettersNotRead } from './letters-read.js';
import { workingDaysBetween } from '../working-days.js';
import { defineCheck, findings } from './types.js';

/** Deduction 互动交流: the median reply takes more than 5 working days (weekends and the State Council's holidays left out, see working-days.ts). */
export const slowReplies = defineCheck({
  meta: { id: 'slow-replies', title: { zh: '答复不及时', en: 'Slow replies' }, indicator: { zh: '互动交流 · 答复时效', en: 'Interaction · reply time' }, requires: ['home', 'letters', 'mailboxes', 'homeUrl'] },
  defaultOptions: { workingDays: 5 },
  run({ letters, mailboxes, homeUrl }, { asOf, options }) {
    const unread = lettersNotRead({ mailboxes, letters });
    if (unread) return unread;
    const days = lettersInWindow(letters, asOf).filter((l) => isAnswered(l) && l.replied).map((l) => workingDaysBetween(l.asked!, l.replied!)).sort((a, b) => a - b);
    if (days.length === 0) return findings([]);
    const median = days.length % 2 ? days[(days.length - 1) / 2]! : (days[days.length / 2 - 1]! + days[days.length / 2]!) / 2;
    return findings(median > options.workingDays ? [{ rule: 'slow-replies', url: homeUrl, medianWorkingDays: median, letters: days.length }] : []);
  },
});
