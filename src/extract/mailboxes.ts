import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { normaliseUrl } from '../crawl/scope.js';
import { NOT_CONSULTATION } from './categories.js';

/** A consultation entry (领导信箱, 我要咨询, 留言板, 12345) as shown on a page. */
export interface Mailbox {
  label: string;
  /** where it leads, as written ('' when it has no link) */
  href: string;
  /** shown as a picture or text that leads nowhere: no link, '#', javascript:, empty href */
  imageOnly: boolean;
}

const LABEL = /信箱|咨询|留言|问政|12345/;
const CHANNEL = /^.{0,6}信箱$|^.{0,6}(留言板?|咨询|问政)(入口|平台)?$|^(我要|在线|网上|政务)(咨询|留言|问政)|12345/;
// picture file names of mailbox icons: 县长信箱 → xzxx.gif, mayor-mailbox.png, liuyan.jpg
const FILE = /(?:sz|xz|qz|zz|sj|ld|bm|jz|shz)xx|xinxiang|mailbox|liuyan|zxzx|12345/i;

/** Every consultation entry of a page, from link text, image alt and title, and image file names. */
export function extractMailboxes($: CheerioAPI, pageUrl: string): Mailbox[] {
  const found = new Map<string, Mailbox>();
  const add = (label: string, link: Element | null) => {
    const clean = label.replace(/\s+/g, '').slice(0, 20);
    if (!LABEL.test(clean) && !FILE.test(label)) return;
    // a channel is named briefly (市长信箱, 我要咨询, 县委书记信箱); a letter's title ("幼儿园入学政策咨询") is not one
    if (!CHANNEL.test(clean) && !FILE.test(label)) return;
    if (NOT_CONSULTATION.test(clean)) return;
    const raw = (link?.attribs['href'] ?? '').trim();
    const leadsNowhere = raw === '' || raw === '#' || raw.startsWith('#') || /^javascript:/i.test(raw);
    const href = leadsNowhere ? raw : normaliseUrl(raw, pageUrl) ?? raw;
    const key = `${clean}|${href}`;
    if (!found.has(key)) found.set(key, { label: clean, href, imageOnly: leadsNowhere });
  };
  $('a').each((_, el) => {
    const a = el as Element;
    const text = $(a).text().trim();
    const img = $(a).find('img').get(0) as Element | undefined;
    if (text && text.length <= 20) add(text, a);
    else if (img) add(imageLabel(img), a);
    else if (a.attribs['title']) add(a.attribs['title'], a);
  });
  // pictures with no link around them at all
  $('img').each((_, el) => {
    const img = el as Element;
    if (!$(img).closest('a').length) add(imageLabel(img), null);
  });
  return [...found.values()];
}

function imageLabel(img: Element): string {
  const file = (img.attribs['src'] ?? '').split('/').pop() ?? '';
  const label = img.attribs['alt'] || img.attribs['title'] || '';
  return label || (FILE.test(file) ? file : '');
}
