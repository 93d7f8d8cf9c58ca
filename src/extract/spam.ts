import type { Document } from 'domhandler';
import { inDomain, siteDomain, urlParts } from '../crawl/scope.js';
import type { Visibility } from './visibility.js';
import { DocumentIndex, textOf } from './document-index.js';

/**
 * Words injected spam uses (gambling, casinos, porn, fake documents). Compound terms only: 彩票
 * appears in statistics bulletins (福利彩票 sales), 金沙 is a county, 皇冠 a hotel.
 */
const SPAM_TERMS = [
  '博彩', '赌博网', '网上赌场', '在线赌场', '百家乐', '六合彩', '时时彩', '北京赛车', '幸运飞艇', '老虎机', '真人视讯', '娱乐城', '棋牌游戏',
  '澳门新葡京', '新葡京', '威尼斯人娱乐', '金沙娱乐', '金沙赌场', '太阳城', '皇冠体育', '皇冠足球', '永利皇宫', 'bet365', '188bet', '亚博体育',
  '色情', '成人电影', '成人视频', '黄色网站', '裸聊', '约炮', '一夜情', '无码', 'AV女优',
  '代开发票', '办假证', '代孕', '私服', '外挂',
] as const;

/** Terms with Latin letters match in any case (a page's whole text is not lower-cased for three terms). */
const LATIN_TERM = new Map(SPAM_TERMS.filter((t) => /[a-z]/i.test(t)).map((t) => [t as string, new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')]));

export interface SpamFacts {
  terms: string[];
  /** links inside hidden elements that leave the site */
  hiddenLinks: { href: string; text: string }[];
}

export function extractSpam(doc: Document, pageUrl: string, text: string, visibility: Visibility): SpamFacts {
  const domain = siteDomain(pageUrl);
  const hiddenLinks: SpamFacts['hiddenLinks'] = [];
  // the text of every hidden block: injected spam hides words as well as links
  const index = DocumentIndex.of(doc);
  let hiddenText = index.all.filter((el) => el.tagName !== 'script' && el.tagName !== 'style' && visibility.hidesItself(el)).map((el) => textOf(el)).join(' ');
  for (const a of index.anchors()) {
    if (!visibility.isHidden(a)) continue;
    const href = index.hrefOf(a, pageUrl);
    if (!href || !/^https?:/.test(href) || inDomain(urlParts(href)?.hostname ?? '', domain)) continue;
    const label = textOf(a);
    hiddenLinks.push({ href, text: label });
    hiddenText += ` ${label}`;
  }
  const haystack = `${text} ${hiddenText}`;
  return { terms: SPAM_TERMS.filter((t) => LATIN_TERM.get(t)?.test(haystack) ?? haystack.includes(t)), hiddenLinks };
}
