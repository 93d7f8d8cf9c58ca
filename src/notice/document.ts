import type { PrintDocument } from '../document/blocks.js';
import type { Notice } from './model.js';
import { shownUrl } from '../report/escape.js';

/** The notice laid out as an office would print it: title, addressee, problems with evidence, deadline, signature, reply form. */
export function noticeDocument(n: Notice): PrintDocument {
  const { lang } = n;
  const zh = lang === 'zh';
  const name = n.site.name ?? n.site.id;
  return {
    lang,
    title: n.title,
    blocks: [
      { kind: 'title', text: n.title },
      { kind: 'paragraph', text: zh ? `${name}主办单位：` : `To the owner of ${name}:` },
      { kind: 'paragraph', text: n.intro },
      { kind: 'paragraph', text: n.verdictLine },
      { kind: 'heading', text: zh ? '一、存在的问题' : '1. Problems found' },
      {
        kind: 'table',
        header: zh ? ['序号', '问题', '性质', '证据页面', '观测值', '首次发现', '编号'] : ['No.', 'Problem', 'Kind', 'Evidence page', 'Observed', 'First seen', 'Id'],
        rows: n.problems.map((p) => [String(p.no), p.title, p.veto ? (zh ? '单项否决' : 'veto') : (zh ? '扣分' : 'deduction'), shownUrl(p.url), p.observed, p.firstSeen, p.id]),
        // a date (首次发现) and an id (homepage-not-updated-6d60e7a25a) each on as few lines as the page allows
        widths: [5, 12, 8, 20, 25, 13, 17],
      },
      { kind: 'heading', text: zh ? '二、整改要求' : '2. What is required' },
      { kind: 'paragraph', text: zh ? `请于${n.deadline}前完成整改，并填写下表回复。逾期未整改或整改不到位的，将在季度通报中予以通报。` : `Rectify by ${n.deadline} and reply with the form below. Problems still open then will be named in the quarterly bulletin.` },
      { kind: 'heading', text: zh ? '三、整改情况回复表' : '3. Reply form' },
      { kind: 'paragraph', text: n.replyIntro },
      { kind: 'table', header: n.replyColumns, rows: n.problems.map((p) => [String(p.no), `${p.title}（${p.id}）`, '', '', '']), widths: [6, 34, 30, 15, 15] },
      { kind: 'paragraph', text: zh ? `检查批次：${n.run}；监测时间点：${n.asOf}；证据由 govsite 记录，可按编号核查。` : `Run ${n.run}, as of ${n.asOf}; evidence recorded by govsite, traceable by id.` },
      { kind: 'paragraph', text: n.office, align: 'right' },
      { kind: 'paragraph', text: n.date, align: 'right' },
    ],
  };
}
