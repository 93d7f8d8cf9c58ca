import { defineCheck, findings } from './types.js';

/**
 * Veto: no working consultation channel (信访 and 纪检举报 channels do not count). Each mailbox shown
 * only as a picture, or linking nowhere or to a dead page, is a mailbox-image-only finding.
 */
export const noConsultationChannel = defineCheck({
  meta: { id: 'no-consultation-channel', title: { zh: '无政务咨询渠道', en: 'No consultation channel' }, indicator: { zh: '单项否决 · 互动回应差', en: 'Veto · no working online consultation' }, requires: ['mailboxes', 'homeUrl', 'home'],
    findings: { 'mailbox-image-only': { zh: '信箱仅为图片或链接无效', en: 'Mailbox only a picture or link' } } },
  defaultOptions: {},
  run({ mailboxes, homeUrl }) {
    if (mailboxes.some((m) => !m.imageOnly && !m.dead)) return findings([]);
    if (mailboxes.length === 0) return findings([{ rule: 'no-consultation-channel', url: homeUrl, label: null, href: null }]);
    return findings(mailboxes.map((m) => ({ rule: 'mailbox-image-only', url: m.url, label: m.label, href: m.dead ? `${m.href} (dead)` : m.href || 'missing' })));
  },
});
