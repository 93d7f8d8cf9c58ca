import type { Document, Element } from 'domhandler';
import { findOne } from 'domutils';
import { DocumentIndex, rawText } from './document-index.js';

export interface Identifiers {
  /** 网站标识码, ten digits */
  siteId: string | null;
  /** ICP备案 number, e.g. 京ICP备05070218号 */
  icp: string | null;
  /** 公安备案 number */
  police: string | null;
  /** 党政机关 badge (conac.cn) */
  badge: boolean;
}

/** The footer identifiers every government site must show, read from the visible text and the badge image. */
export function extractIdentifiers(doc: Document, text: string): Identifiers {
  // also written 网站识别码
  const siteId = /网站(?:标识|识别)码\s*[:：]?\s*([0-9A-Za-z]{10})/.exec(text)?.[1] ?? null;
  const icp = /[\u4e00-\u9fa5]{1,2}ICP备\s*\d+号(?:-\d+)?/.exec(text)?.[0]?.replace(/\s+/g, '') ?? null;
  // 京公网安备11010202000001号, also written 赣公安备案 36040202000107号
  const police = /[\u4e00-\u9fa5]{1,2}(?:公网安备|公安备案)\s*[:：]?\s*\d+号?/.exec(text)?.[0]?.replace(/\s+/g, '') ?? null;
  const index = DocumentIndex.of(doc);
  const badge = index.tag('img').some(namesBadge) || index.tag('a').some(namesBadge) || drawsConacBadge(index);
  return { siteId, icp, police, badge };
}

const BADGE = /党政机关|conac\.cn|dzjg|_ucap/i;
const BADGE_ATTRIBUTES = ['alt', 'title', 'src', 'href'];

/** An image or link that names the 党政机关 badge in one of its attributes. */
function namesBadge(el: Element): boolean {
  return BADGE_ATTRIBUTES.some((name) => {
    const value = el.attribs[name];
    return value !== undefined && BADGE.test(value);
  });
}

/**
 * The badge as CONAC hands it out: `<span id="_ideConac"></span><script src="https://dcs.conac.cn/js/…">`,
 * often written by document.write; the browser draws it, the served HTML holds only the script.
 */
function drawsConacBadge(index: DocumentIndex): boolean {
  return index.withId('_ideConac').length > 0 || index.tag('script').some((s) => /conac\.cn/i.test(s.attribs['src'] ?? '') || (!s.attribs['src'] && /_ideConac|dcs\.conac\.cn/.test(rawText(s))));
}

const SEARCH_URL = /search|sousuo|jsearch/i;

/**
 * A site search: a form with a text box, a form sent to a search (its text box may sit outside it,
 * in a table the form does not wrap, as old TRS templates have it), or a link to the site's search.
 */
export function hasSearch(doc: Document): boolean {
  const index = DocumentIndex.of(doc);
  const textBox = (n: Element) => n.tagName === 'input' && ['text', 'search', undefined].includes(n.attribs['type']);
  return index.tag('form').some((f) => findOne(textBox, f.children) !== null || SEARCH_URL.test(f.attribs['action'] ?? ''))
    || index.anchors().some((a) => SEARCH_URL.test(a.attribs['href']!))
    // a search box a script sends (no form: <input id="keyword" placeholder="请输入关键词"> and a 搜索 button)
    || index.tag('input').some((i) => textBox(i) && SEARCH_BOX.test(`${i.attribs['id'] ?? ''} ${i.attribs['name'] ?? ''} ${i.attribs['class'] ?? ''} ${i.attribs['placeholder'] ?? ''}`));
}

const SEARCH_BOX = /search|keyword|sousuo|searchword|检索|搜索|关键字|关键词/i;

/**
 * The 我为政府网站找错 entry: its words, a picture or link naming it, a link to the national
 * error-report page, or that platform's widget — `<script id="_jiucuo_" src="…/exposure/jiucuo.js">`,
 * which draws the entry in the browser (most sites show it so; the served HTML has only the script).
 */
export function hasErrorReportEntry(doc: Document, text: string): boolean {
  const index = DocumentIndex.of(doc);
  return /我为政府网站找错|政府网站找错/.test(text)
    || index.tag('script').some((s) => s.attribs['id'] === '_jiucuo_' || /\/jiucuo\.js/i.test(s.attribs['src'] ?? ''))
    || index.tag('img').some((img) => `${img.attribs['alt'] ?? ''} ${img.attribs['aria-label'] ?? ''}`.includes('找错') || ERROR_REPORT.test(img.attribs['src'] ?? ''))
    || index.anchors().some((a) => (a.attribs['title'] ?? '').includes('找错') || ERROR_REPORT.test(a.attribs['href']!));
}

/** The national error-report platform (zfwzzc.www.gov.cn/check_web/errorInfo…) and its icons (jiucuo.png). */
const ERROR_REPORT = /jiucuo|zhaocuo|zfwzzc\.www\.gov\.cn|check_web\/errorInfo/i;

/** A visitor counter ("您是第 12345 位访客", 访问量: 12345): a sign of an unmaintained template. */
export function hasVisitorCounter(text: string): boolean {
  return /(访问量|访问人数|访问次数|浏览次数|总访问|今日访问|访客)\s*[:：]?\s*\d{2,}|第\s*\d{2,}\s*位(访客|访问者)/.test(text);
}
