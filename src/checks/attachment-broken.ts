import { defineCheck, findings } from './types.js';

/** Deduction 办事服务: a form or attachment of a service guide that cannot be downloaded (1 each). */
export const attachmentBroken = defineCheck({
  meta: { id: 'attachment-broken', title: { zh: '附件无法下载', en: 'Attachment broken' }, indicator: { zh: '办事服务 · 表格下载', en: 'Services · downloads' }, requires: ['home', 'guides', 'brokenLinks'] },
  defaultOptions: {},
  run({ guides, brokenLinks }) {
    return findings(guides.flatMap((g) => g.attachments.filter((a) => a.verdict === 'broken').map((a) => {
      const broken = brokenLinks.find((b) => b.target === a.target);
      return { rule: 'attachment-broken', url: g.url, target: a.target, status: broken?.status ?? null, ...(broken?.soft404 ? { soft404: true } : {}), onHomepage: false, text: a.text };
    })));
  },
});
