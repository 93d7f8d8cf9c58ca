import { hash } from 'node:crypto';

/** What a 200 page says when it is really a "page not found". */
// 404 as an error says so (404, 404 Not Found, 404错误, 错误 404), not as a number (国务院令第404号, 受理 404 件)
const MISSING_PAGE = /页面不存在|页面已删除|页面已被删除|您访问的页面不存在|您访问的页面已删除|页面未找到|找不到(该|您要访问的)?页面|信息不存在|文章不存在|Page Not Found|\b404\b(?=\s*(?:$|<|not\s*found|错误|页面|error|[-–—|:：!！]))|(?:错误|error)\s*(?:代码)?\s*[:：]?\s*404\b/i;

/** Visible text of a page, crudely: enough to fingerprint it and to read a "not found" message. */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A page that says it is missing: in its title, or as the gist of a short body. */
export function saysNotFound(html: string): boolean {
  if (!MISSING_PAGE.test(html)) return false; // the common case, without building the visible text
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  if (MISSING_PAGE.test(title)) return true;
  const text = visibleText(html);
  // a long page that mentions "404" somewhere (a statistics table, a footer) is not a missing page
  return text.length < 600 && MISSING_PAGE.test(text);
}

/** Fingerprint of a page's visible text: a host that answers a random path with this same page soft-404s. */
export function pageFingerprint(visible: string): string {
  return hash('sha1', visible);
}
