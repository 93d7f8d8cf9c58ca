import { defineCheck, findings } from './types.js';

/** Deduction 互动交流: "universal replies": half or more of the replies are the same text or empty phrases (已转相关部门, 尽快处理). */
export const replyBoilerplate = defineCheck({
  meta: { id: 'reply-boilerplate', title: { zh: '答复敷衍', en: 'Boilerplate replies' }, indicator: { zh: '互动交流 · 答复质量', en: 'Interaction · reply quality' }, requires: ['letters', 'letterStats', 'homeUrl'] },
  defaultOptions: { share: 0.5, minReplies: 3 },
  run({ letters, letterStats, homeUrl }, { options }) {
    const replies = letters.filter((l) => l.reply).map((l) => l.reply!);
    if (replies.length < options.minReplies || letterStats.boilerplateShare < options.share) return findings([]);
    return findings([{ rule: 'reply-boilerplate', url: homeUrl, count: Math.round(letterStats.boilerplateShare * letterStats.answered), share: letterStats.boilerplateShare, sample: replies[0] }]);
  },
});
