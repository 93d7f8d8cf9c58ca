import type { Document, Element } from 'domhandler';
import { findOne } from 'domutils';
import { normaliseUrl } from '../crawl/scope.js';
import { CONSULTATION, NOT_CONSULTATION } from './categories.js';
import { DocumentIndex, rawText } from './document-index.js';
import { scriptedTarget } from './links.js';

/** A consultation entry (领导信箱, 我要咨询, 留言板, 12345) as shown on a page. */
export interface Mailbox {
  label: string;
  /** where it leads, as written ('' when it has no link) */
  href: string;
  /** shown as a picture or text that leads nowhere: no link, '#', javascript:, empty href */
  imageOnly: boolean;
}

const CHANNEL = /^.{0,6}信箱$|^.{0,6}(留言板?|咨询|问政)(入口|平台)?$|^(我要|在线|网上|政务)(咨询|留言|问政)|^.{0,5}写信$|12345/;
// picture file names of mailbox icons: 县长信箱 → xzxx.gif, mayor-mailbox.png, liuyan.jpg
const FILE = /(?:sz|xz|qz|zz|sj|ld|bm|jz|shz)xx|xinxiang|mailbox|liuyan|zxzx|12345/i;

/** Every consultation entry of a page, from link text, image alt and title, and image file names. */
export function extractMailboxes(doc: Document, pageUrl: string): Mailbox[] {
  const found = new Map<string, Mailbox>();
  const index = DocumentIndex.of(doc);
  const base = index.baseUrl(pageUrl);
  const add = (label: string, link: Element | null) => {
    const clean = label.replace(/\s+/g, '').slice(0, 20);
    if (!CONSULTATION.test(clean) && !FILE.test(label)) return;
    // a channel is named briefly (市长信箱, 我要咨询, 县委书记信箱); a letter's title ("幼儿园入学政策咨询") is not one
    if ((!CHANNEL.test(clean) || clean.startsWith('关于')) && !FILE.test(label)) return;
    if (NOT_CONSULTATION.test(clean)) return;
    const raw = (link?.attribs['href'] ?? '').trim();
    // a link that opens the mailbox by script (window.open) leads there
    const scripted = link ? scriptedTarget(link, base) : null;
    const leadsNowhere = scripted === null && (raw === '' || raw === '#' || raw.startsWith('#') || /^javascript:/i.test(raw));
    const href = scripted ?? (leadsNowhere ? raw : normaliseUrl(raw, base) ?? raw);
    const key = `${clean}|${href}`;
    if (!found.has(key)) found.set(key, { label: clean, href, imageOnly: leadsNowhere });
  };
  for (const el of [...index.tag('a'), ...index.tag('img')]) {
    if (el.tagName === 'a') {
      const text = rawText(el).trim();
      const img = findOne((n) => n.tagName === 'img', el.children);
      if (text && text.length <= 20) add(text, el);
      else if (img) add(imageLabel(img) || pathLabel(el), el);
      else if (el.attribs['title']) add(el.attribs['title'], el);
    } else if (!insideLink(el)) {
      add(imageLabel(el), null); // a picture with no link around it at all
    }
  }
  return [...found.values()];
}

function insideLink(el: Element): boolean {
  for (let n = el.parent; n && n.type === 'tag'; n = n.parent) if ((n as Element).tagName === 'a') return true;
  return false;
}

/** A picture link with no words at all, named by where it leads: /szxx/, /liuyan/ … (file-name patterns) */
function pathLabel(a: Element): string {
  const path = (a.attribs['href'] ?? '').replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
  return FILE.test(path) ? path : '';
}

function imageLabel(img: Element): string {
  const file = (img.attribs['src'] ?? '').split('/').pop() ?? '';
  const label = img.attribs['alt'] || img.attribs['title'] || '';
  return label || (FILE.test(file) ? file : '');
}
