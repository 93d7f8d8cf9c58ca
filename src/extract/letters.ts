import type { Document, Element } from 'domhandler';
import { findDates, type LocalDate } from './dates.js';
import { findAll, findOne } from 'domutils';
import { DocumentIndex, findTag, textOf } from './document-index.js';

const ROWS = new Set(['tr', 'li']);

export type LetterStatus = 'answered' | 'in-progress' | 'unanswered';

/** A letter to a consultation mailbox, as its list row or its detail page shows it. */
export interface Letter {
  title: string;
  href: string | null;
  asked: LocalDate | null;
  replied: LocalDate | null;
  status: LetterStatus | null;
  /** the reply's text (detail pages) */
  reply: string | null;
}

// in this order: 未办结 is not 办结, and a refusal (不予受理, with its reason) is an answer, not a letter left open
const STATUS: readonly [LetterStatus, RegExp][] = [
  ['unanswered', /未回复|未答复|待回复|未办理|待处理|未受理/],
  ['in-progress', /办理中|处理中|正在办理|已转办|已受理|转办中|未办结|已签收|待审核|审核中/],
  ['answered', /已回复|已答复|已办结|已处理|办结|已反馈|已办理|已完成|已解答|已回应|不予受理|不受理/],
];
const ASKED = /(?:来信|留言|提问|咨询|提交|写信)(?:时间|日期)\s*[:：]?\s*([\d\s\-/.年月日]{8,20})/;
const REPLIED = /(?:回复|答复|办结|处理)(?:时间|日期)\s*[:：]?\s*([\d\s\-/.年月日]{8,20})/;
const REPLY_TEXT = /(?:(?:回复|答复)(?:内容|意见)?|办理结果|处理结果)\s*[:：]\s*(.+?)(?=(?:回复|答复|办理)(?:单位|部门|时间)|$)/;
/** what a reply field holds when there is none */
const NO_REPLY = /^(暂无|无|未回复|待回复|尚未回复|正在办理|办理中)/;
/** the page's own status field: 办理状态：已办结 */
const STATUS_FIELD = /(?:办理|处理|回复|答复)?状态\s*[:：]\s*([^\s:：]{2,8})/;

export function statusOf(text: string): LetterStatus | null {
  for (const [status, pattern] of STATUS) if (pattern.test(text)) return status;
  return null;
}

/** A letter's detail page: its dates, status and reply. Null when the page is not one. */
export function extractLetterPage(doc: Document, pageUrl: string, text: string): Letter | null {
  const asked = ASKED.exec(text);
  if (!asked) return null;
  const replied = REPLIED.exec(text);
  const reply = REPLY_TEXT.exec(text)?.[1]?.trim() ?? null;
  const repliedDate = replied ? findDates(replied[1]!)[0] ?? null : null;
  const index = DocumentIndex.of(doc);
  const h1 = index.first('h1');
  const titleEl = index.first('title');
  const title = (h1 && textOf(h1)) || (titleEl ? textOf(titleEl) : '');
  // the page's status field first, then a reply shown (its date, or its text): the citizen's own words may say anything (至今未回复)
  const field = STATUS_FIELD.exec(text);
  const shownReply: LetterStatus | null = repliedDate ? 'answered' : reply ? (NO_REPLY.test(reply) ? 'unanswered' : 'answered') : null;
  const status = (field && statusOf(field[1]!)) ?? shownReply ?? statusOf(text.replace(REPLY_TEXT, ''));
  return { title, href: pageUrl, asked: findDates(asked[1]!)[0] ?? null, replied: repliedDate, status, reply };
}

/**
 * Rows of a mailbox's list page: a link, a date and a status word, read outside the title (a letter
 * titled 关于物业一直未回复的投诉 may be answered; a date in a title is not when it was asked), on a
 * status icon (<img alt="已回复">), or in the link itself where the status is the link (查看 · 已回复).
 */
export function extractLetterRows(doc: Document, pageUrl: string): Letter[] {
  const letters: Letter[] = [];
  const index = DocumentIndex.of(doc);
  for (const row of [...index.tag('tr'), ...index.tag('li')]) {
    if (findTag(row, ROWS)) continue; // the innermost rows only
    const a = findOne((n) => n.tagName === 'a' && n.attribs['href'] !== undefined, row.children);
    if (!a) continue;
    const title = textOf(a);
    const outside = textOf(row).replace(title, ' ');
    const status = statusOf(outside) ?? statusOf(iconWords(row)) ?? statusOf(title);
    if (!status) continue;
    const dates = findDates(outside);
    letters.push({ title, href: index.hrefOf(a, pageUrl), asked: dates[0] ?? null, replied: dates[1] ?? null, status, reply: null });
  }
  return letters;
}

/** A page that shows a letter's status, in words or on an icon: its rows are read for letters. */
export function showsStatuses(doc: Document, text: string): boolean {
  return statusOf(text) !== null || DocumentIndex.of(doc).tag('img').some((img) => statusOf(iconWordsOf(img)) !== null);
}

/** What a row's icons say (alt or title): a status is often a picture. */
function iconWords(row: Element): string {
  return findAll((n) => n.tagName === 'img', row.children).map(iconWordsOf).join(' ');
}

const iconWordsOf = (img: Element) => `${img.attribs['alt'] ?? ''} ${img.attribs['title'] ?? ''}`;
