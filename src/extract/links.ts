import { load, type CheerioAPI } from 'cheerio';
import { normaliseUrl, schemeOf, type LinkScheme } from '../crawl/scope.js';
import { extractRecordSets } from './datastore.js';

/** One reference from a page: where it points, how (tag), and what a visitor sees of it. */
export interface PageLink {
  /** absolute for http(s), as written for javascript:, mailto:, tel: */
  target: string;
  tag: string;
  text: string;
  scheme: LinkScheme;
  /** navigable (a, area, frame): a page to crawl; otherwise a resource to check */
  navigable: boolean;
}

const SOURCES: readonly [selector: string, attr: string, navigable: boolean][] = [
  ['a[href]', 'href', true],
  ['area[href]', 'href', true],
  ['iframe[src]', 'src', true],
  ['frame[src]', 'src', true],
  ['img[src]', 'src', false],
  ['script[src]', 'src', false],
  ['link[href]', 'href', false],
  ['source[src]', 'src', false],
  ['embed[src]', 'src', false],
  ['video[src]', 'src', false],
  ['audio[src]', 'src', false],
];

const IGNORED_LINK_RELS = /\b(preconnect|dns-prefetch|canonical|alternate|manifest)\b/i;

/**
 * Every link, image, script and stylesheet reference of a parsed page, resolved against <base href>,
 * including the links of lists the page renders by script from embedded XML record sets.
 */
export function extractLinks($: CheerioAPI, pageUrl: string): PageLink[] {
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && normaliseUrl(baseHref, pageUrl)) || pageUrl;
  const out = referencesOf($, base);
  for (const set of extractRecordSets($)) {
    if (set.records.length > 0) out.push(...referencesOf(load(set.records.join('\n')), base));
  }
  return out;
}

function referencesOf($: CheerioAPI, base: string): PageLink[] {
  const out: PageLink[] = [];
  for (const [selector, attr, navigable] of SOURCES) {
    $(selector).each((_, el) => {
      const $el = $(el);
      if (tagOf(el) === 'link' && IGNORED_LINK_RELS.test($el.attr('rel') ?? '')) return;
      const raw = ($el.attr(attr) ?? '').trim();
      if (raw === '' || raw.startsWith('#')) return;
      const scheme = schemeOf(raw);
      const target = scheme === 'http' ? normaliseUrl(raw, base) : raw;
      if (target === null) return;
      const text = (navigable ? $el.text() || $el.find('img').attr('alt') || $el.attr('title') || '' : $el.attr('alt') || '').replace(/\s+/g, ' ').trim();
      out.push({ target, tag: tagOf(el), text: text.slice(0, 200), scheme, navigable });
    });
  }
  $('img[srcset], source[srcset]').each((_, el) => {
    for (const candidate of ($(el).attr('srcset') ?? '').split(',')) {
      const raw = candidate.trim().split(/\s+/)[0];
      const target = raw ? normaliseUrl(raw, base) : null;
      if (target) out.push({ target, tag: tagOf(el), text: '', scheme: 'http', navigable: false });
    }
  });
  return out;
}

function tagOf(el: unknown): string {
  return (el as { tagName?: string }).tagName ?? '';
}
