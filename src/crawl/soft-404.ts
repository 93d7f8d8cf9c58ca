import { hash } from 'node:crypto';
import { replaceSpans } from '../extract/spans.js';

/** What a 200 page says when it is really a "page not found". */
// 404 as an error says so (404, 404 Not Found, 404错误, 错误 404), not as a number (国务院令第404号, 受理 404 件).
// Read on every page's raw HTML: no two runs of white space may meet (`\s*(?:代码)?\s*[:：]?\s*` was cubic
// in the white space after an "error": 10,000 spaces took 6 minutes)
const MISSING_PAGE = /页面不存在|页面已删除|页面已被删除|您访问的页面不存在|您访问的页面已删除|页面未找到|找不到(该|您要访问的)?页面|信息不存在|文章不存在|Page Not Found|\b404\b(?=\s*(?:$|<|not\s*found|错误|页面|error|[-–—|:：!！]))|(?:错误|error)\s*(?:代码\s*)?(?:[:：]\s*)?404\b/i;

/**
 * Visible text of a page, crudely: enough to fingerprint it and to read a "not found" message.
 * Comments, then script, style and noscript elements, then tags become spaces. Each is cut in one
 * pass, as `/<!--[\s\S]*?-->/g`, `/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi` and `/<[^>]+>/g`
 * would cut it: those regexes scan to the end of the page for every opening left unclosed, and a
 * hostile page of 100,000 '<' took 7 s.
 */
export function visibleText(html: string): string {
  return tagsOut(elementsOut(replaceSpans(html, '<!--', '-->', ' ')))
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const HIDDEN_OPENING = /<(script|style|noscript)\b/gi;

/** Each script, style and noscript element, from its opening to its own closing tag → ' '. */
function elementsOut(html: string): string {
  let out = '';
  let from = 0;
  // per tag name, where its next closing tag is, looked for once per stretch (-1: none after the last look)
  const closings = new Map<string, { at: number; length: number }>();
  HIDDEN_OPENING.lastIndex = 0;
  for (let m = HIDDEN_OPENING.exec(html); m; m = HIDDEN_OPENING.exec(html)) {
    const name = m[1]!.toLowerCase();
    const opening = m.index;
    let closing = closings.get(name);
    if (!closing || (closing.at >= 0 && closing.at < opening + m[0].length)) {
      const close = new RegExp(`</${name}>`, 'gi');
      close.lastIndex = opening + m[0].length;
      const found = close.exec(html);
      closings.set(name, (closing = { at: found ? found.index : -1, length: found ? found[0].length : 0 }));
    }
    // no closing tag of its name after it: it is left, and so is every later one of that name
    if (closing.at < 0) continue;
    out += `${html.slice(from, opening)} `;
    from = closing.at + closing.length;
    HIDDEN_OPENING.lastIndex = from;
  }
  return out + html.slice(from);
}

/** Each `<…>` with something between the brackets → ' '. */
function tagsOut(html: string): string {
  let out = '';
  let from = 0;
  let start = html.indexOf('<');
  while (start >= 0) {
    const end = html.indexOf('>', start + 1);
    // no '>' after this point: no more tags
    if (end < 0) break;
    if (end === start + 1) {
      start = html.indexOf('<', start + 1); // '<>' is no tag
      continue;
    }
    out += `${html.slice(from, start)} `;
    from = end + 1;
    start = html.indexOf('<', from);
  }
  return out + html.slice(from);
}

const TITLE_OPENING = /<title/gi;
const TITLE_CLOSING = /<\/title>/gi;

/** The text of the first `<title …>…</title>`, as `/<title[^>]*>([\s\S]*?)<\/title>/i` reads it, in one pass. */
function titleOf(html: string): string {
  TITLE_OPENING.lastIndex = 0;
  const opening = TITLE_OPENING.exec(html);
  const gt = opening ? html.indexOf('>', opening.index + 6) : -1;
  if (gt < 0) return '';
  TITLE_CLOSING.lastIndex = gt + 1;
  const closing = TITLE_CLOSING.exec(html);
  return closing ? html.slice(gt + 1, closing.index) : '';
}

/** A page that says it is missing: in its title, or as the gist of a short body. */
export function saysNotFound(html: string): boolean {
  if (!MISSING_PAGE.test(html)) return false; // the common case, without building the visible text
  if (MISSING_PAGE.test(titleOf(html))) return true;
  const text = visibleText(html);
  // a long page that mentions "404" somewhere (a statistics table, a footer) is not a missing page
  return text.length < 600 && MISSING_PAGE.test(text);
}

/** Fingerprint of a page's visible text: a host that answers a random path with this same page soft-404s. */
export function pageFingerprint(visible: string): string {
  return hash('sha1', visible);
}
