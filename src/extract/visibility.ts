import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { textContent } from 'domutils';
import { DocumentIndex } from './document-index.js';

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}px|(?:^|;)\s*(?:width|height|font-size)\s*:\s*0(?:px)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)/i;
const NOT_RENDERED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'object']);

/**
 * Which elements a visitor does not see: inline styles that hide (display:none, visibility:hidden,
 * far off-screen, zero size, opacity 0), the `hidden` attribute, and classes or ids that a <style>
 * block of the page hides. Spam injectors use all of these to hide their links.
 */
export class Visibility {
  private readonly hidingSelectors: string[];
  private readonly hiddenRoots = new Set<Element>();
  private static readonly cache = new WeakMap<CheerioAPI, Visibility>();

  /** One per document: the page's <style> rules are read once. */
  static of($: CheerioAPI): Visibility {
    let v = Visibility.cache.get($);
    if (!v) Visibility.cache.set($, (v = new Visibility($)));
    return v;
  }

  constructor($: CheerioAPI) {
    this.hidingSelectors = hidingRules($);
    for (const selector of this.hidingSelectors) {
      try {
        $(selector).each((_, el) => void this.hiddenRoots.add(el as Element));
      } catch {
        // a selector cheerio cannot read hides nothing we can prove
      }
    }
  }

  /** The element itself, or an ancestor, is hidden. */
  isHidden(node: AnyNode): boolean {
    for (let n: AnyNode | null = node; n; n = n.parent) {
      if (n.type === 'tag' && this.hidesItself(n as Element)) return true;
    }
    return false;
  }

  hidesItself(el: Element): boolean {
    if (el.attribs['hidden'] !== undefined) return true;
    const style = el.attribs['style'];
    if (style && HIDING_STYLE.test(style)) return true;
    return this.hiddenRoots.has(el);
  }

  /** The text a visitor sees under a node: hidden elements, scripts and comments left out. */
  visibleText(node: AnyNode): string {
    const parts: string[] = [];
    const walk = (n: AnyNode) => {
      if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
      else if (n.type === 'tag' || n.type === 'root') {
        const el = n as Element;
        if (n.type === 'tag' && (NOT_RENDERED.has(el.tagName) || this.hidesItself(el))) return;
        for (const c of el.children) walk(c);
        if (n.type === 'tag' && BLOCK.has(el.tagName)) parts.push(' ');
      }
    };
    walk(node);
    return parts.join('').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  }
}

const BLOCK = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'table', 'ul', 'ol', 'span']);

/** `.x{display:none}` and `#y{visibility:hidden}` rules of the page's own <style> blocks. */
function hidingRules($: CheerioAPI): string[] {
  const selectors: string[] = [];
  for (const el of DocumentIndex.of($).tag('style')) {
    const css = textContent(el).replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
      if (!HIDING_STYLE.test(m[2]!)) continue;
      for (const sel of m[1]!.split(',')) {
        const s = sel.trim();
        // only simple selectors: a class or id, optionally after a tag name
        if (/^[a-z0-9]*[.#][\w-]+$/i.test(s)) selectors.push(s);
      }
    }
  }
  return selectors;
}
