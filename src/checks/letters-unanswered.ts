import { daysBetween } from '../extract/dates.js';
import { isAnswered, lettersInWindow, OVERDUE_DAYS } from '../facts/letter-stats.js';
import { lettersNotRead } from './letters-read.js';
import { defineCheck, findings } from './types.js';

/**
 * Veto: within the last 365 days, a letter to a consultation mailbox left unanswered for more than 90
 * days. Each is cited by its own page, else by the list it was read on. Not assessed when no mailbox
 * page was read (see letters-read.ts).
 */
export const lettersUnanswered = defineCheck({
  meta: { id: 'letters-unanswered', title: { zh: '留言长期未回复', en: 'Letters left unanswered' }, indicator: { zh: '单项否决 · 超过3个月未回应', en: 'Veto · letters unanswered over 3 months' }, requires: ['home', 'letters', 'mailboxes'],
    findings: { 'letter-unanswered': { zh: '留言超期未回复', en: 'Letter unanswered' } } },
  defaultOptions: { days: OVERDUE_DAYS },
  run({ letters, mailboxes }, { asOf, options }) {
    const unread = lettersNotRead({ mailboxes, letters });
    if (unread) return unread;
    return findings(lettersInWindow(letters, asOf)
      .filter((l) => !isAnswered(l) && daysBetween(l.asked!, asOf) > options.days)
      .map((l) => ({ rule: 'letter-unanswered', url: l.href ?? l.page, title: l.title, asked: l.asked, daysOpen: daysBetween(l.asked!, asOf) })));
  },
});
