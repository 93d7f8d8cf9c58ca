/**
 * A home page that is only a notice that the site has closed or moved — closed under the 2015
 * census, or merged into a portal (集约化: "本网站已整合至XX市人民政府门户网站"). Such a site is no
 * longer one to inspect: judging its notice as a home page made it a site "not updated" with empty
 * columns, and an office would send a rectification notice to a site that no longer exists. Only a
 * short page with few links counts (a notice, not a portal whose news mentions a merger).
 */
const CLOSED = /(?:本网站|本网|本站|该网站|网站)[^。！!；;？?\n]{0,30}?(?:关闭|关停|停止(?:运行|更新|服务|使用|访问)|下线|撤销|撤并|注销|整合(?:至|到|进|入)|迁移(?:至|到)|并入|更换域名|更换网址)/;
const NOTICE_TEXT = 1000;
const SENTENCE_ENDS = ['。', '！', '!', '\n'];
const NOTICE_LINKS = 10;

/** The sentence saying so, when the page is such a notice; else null. */
export function closedNotice(text: string, links: number): string | null {
  if (text.length > NOTICE_TEXT || links > NOTICE_LINKS) return null;
  const m = CLOSED.exec(text);
  if (!m) return null;
  const start = Math.max(...SENTENCE_ENDS.map((b) => text.lastIndexOf(b, m.index) + 1));
  const ends = SENTENCE_ENDS.map((b) => text.indexOf(b, m.index + m[0].length)).filter((i) => i >= 0);
  const end = ends.length > 0 ? Math.min(...ends) + 1 : text.length;
  return text.slice(start, end).replace(/\s+/g, ' ').trim().slice(0, 200);
}
