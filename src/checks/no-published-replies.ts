import { daysBetween } from '../extract/dates.js';
import { isAnswered } from '../facts/letter-stats.js';
import { lettersNotRead } from './letters-read.js';
import { defineCheck, findings } from './types.js';

/** Deduction 互动交流: a site with a consultation mailbox published no answered letter in 60 days. */
export const noPublishedReplies = defineCheck({
  meta: { id: 'no-published-replies', title: { zh: '近期无答复公开', en: 'No published replies' }, indicator: { zh: '互动交流 · 答复公开', en: 'Interaction · published replies' }, requires: ['home', 'letters', 'mailboxes', 'homeUrl'] },
  defaultOptions: { days: 60 },
  run({ letters, mailboxes, homeUrl }, { asOf, options }) {
    const unread = lettersNotRead({ mailboxes, letters });
    if (unread) return unread;
    if (!mailboxes.some((m) => !m.imageOnly && !m.dead)) return { kind: 'not-applicable', reason: 'no working consultation channel (no-consultation-channel)' };
    const recent = letters.filter((l) => isAnswered(l) && (l.replied ?? l.asked) !== null && daysBetween((l.replied ?? l.asked)!, asOf) <= options.days);
    return findings(recent.length ? [] : [{ rule: 'no-published-replies', url: homeUrl, days: options.days }]);
  },
});
