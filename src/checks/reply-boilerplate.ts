import { repliesOf } from '../facts/letter-stats.js';
import { lettersNotRead } from './letters-read.js';
import { defineCheck, findings } from './types.js';

/**
 * Deduction 互动交流: "universal replies": half or more of the year's replies are the same text or
 * empty phrases (已转相关部门, 尽快处理). The sample is one of them, with the letter it answers.
 */
export const replyBoilerplate = defineCheck({
  meta: { id: 'reply-boilerplate', title: { zh: '答复敷衍', en: 'Boilerplate replies' }, indicator: { zh: '互动交流 · 答复质量', en: 'Interaction · reply quality' }, requires: ['home', 'letters', 'letterStats', 'mailboxes', 'homeUrl'] },
  defaultOptions: { share: 0.5, minReplies: 3 },
  run({ letters, letterStats, mailboxes, homeUrl }, { asOf, options }) {
    const unread = lettersNotRead({ mailboxes, letters });
    if (unread) return unread;
    const { replied, boilerplate } = repliesOf(letters, asOf);
    if (replied.length < options.minReplies || letterStats.boilerplateShare < options.share) return findings([]);
    const [sample] = boilerplate;
    return findings([{ rule: 'reply-boilerplate', url: homeUrl, count: boilerplate.length, share: letterStats.boilerplateShare, sample: sample!.reply, sampleUrl: sample!.href ?? sample!.page }]);
  },
});
