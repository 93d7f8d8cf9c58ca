import type { AnyNode, Document, Element } from 'domhandler';
import { ownCopy } from '../own-copy.js';
import { DocumentIndex, rawText } from './document-index.js';
import { perDocument } from './per-document.js';
import { replaceSpans } from './spans.js';

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top|text-indent|margin-left)\s*:\s*-\d{3,}px|(?:^|;)\s*(?:width|height|font-size)\s*:\s*0(?:px)?\s*(?:;|$)|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)/i;
const NOT_RENDERED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'object']);

/**
 * Which elements a visitor does not see: inline styles that hide (display:none, visibility:hidden,
 * far off-screen, zero size, opacity 0), the `hidden` attribute, and classes or ids that a <style>
 * block of the page hides. Spam injectors use all of these to hide their links.
 */
export class Visibility {
  private readonly hiddenRoots = new Set<Element>();
  /** each node's visible text, read once: list rows ask for their row's, and many anchors share one row */
  private readonly texts = new Map<AnyNode, string>();
  private readonly hidden = new Map<AnyNode, boolean>();
  private static readonly key = Symbol('visibility');

  /** One per document: the page's <style> rules are read once. */
  static of(doc: Document): Visibility {
    return perDocument(doc, Visibility.key, () => new Visibility(doc));
  }

  constructor(doc: Document) {
    const rules = hidingRules(doc);
    if (!rules) return;
    for (const el of DocumentIndex.of(doc).all) if (hiddenByRule(rules, el)) this.hiddenRoots.add(el);
  }

  /** The element itself, or an ancestor, is hidden. Memoised: the anchors of a menu share their ancestors. */
  isHidden(node: AnyNode): boolean {
    if (node.type !== 'tag') return node.parent !== null && this.isHidden(node.parent);
    let hidden = this.hidden.get(node);
    if (hidden === undefined) this.hidden.set(node, (hidden = this.hidesItself(node as Element) || (node.parent !== null && this.isHidden(node.parent))));
    return hidden;
  }

  hidesItself(el: Element): boolean {
    if (el.attribs['hidden'] !== undefined) return true;
    const style = el.attribs['style'];
    if (style && HIDING_STYLE.test(style)) return true;
    return this.hiddenRoots.has(el);
  }

  /** The text a visitor sees under a node: hidden elements, scripts and comments left out. */
  visibleText(node: AnyNode): string {
    let text = this.texts.get(node);
    if (text === undefined) this.texts.set(node, (text = this.readVisibleText(node)));
    return text;
  }

  private readVisibleText(node: AnyNode): string {
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
    // \s covers U+00A0 too; a literal &nbsp; is text that was escaped twice
    return parts.join('').replace(/(?:\s|&nbsp;)+/g, ' ').trim();
  }
}

const BLOCK = new Set(['p', 'div', 'li', 'tr', 'td', 'th', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'table', 'ul', 'ol', 'span']);

/**
 * `.x{display:none}` and `#y{visibility:hidden}` rules of the page's own <style> blocks, by class
 * and by id: the tags each hides ('' for any tag). Looked up per element, not tried one by one (a
 * page with thousands of such rules and elements took seconds).
 */
interface HidingRules {
  class: Map<string, Set<string>>;
  id: Map<string, Set<string>>;
}

function hidingRules(doc: Document): HidingRules | null {
  const rules: HidingRules = { class: new Map(), id: new Map() };
  for (const el of DocumentIndex.of(doc).tag('style')) {
    for (const { byId, name, tag } of hidingSelectors(rawText(el))) {
      const byName = byId ? rules.id : rules.class;
      let tags = byName.get(name);
      if (!tags) byName.set(name, (tags = new Set()));
      tags.add(tag);
    }
  }
  return rules.class.size + rules.id.size > 0 ? rules : null;
}

interface HidingSelector {
  byId: boolean;
  name: string;
  /** '' for any tag */
  tag: string;
}

/** style block → its hiding selectors: a site's pages share their template's <style>, read once here */
const selectorsByCss = new Map<string, HidingSelector[]>();
let cssKept = 0;
/** characters of CSS kept as keys, at most (saved pages inline whole style sheets) */
const CSS_KEPT_MAX = 4_000_000;

function hidingSelectors(css: string): HidingSelector[] {
  let selectors = selectorsByCss.get(css);
  if (selectors) return selectors;
  selectors = [];
  for (const [selectorList, declarations] of cssRules(replaceSpans(css, '/*', '*/', ''))) {
    if (!HIDING_STYLE.test(declarations)) continue;
    for (const sel of selectorList.split(',')) {
      // only simple selectors: a class or id, optionally after a tag name
      const simple = /^([a-z0-9]*)([.#])([\w-]+)$/i.exec(sel.trim());
      if (simple) selectors.push({ byId: simple[2] === '#', name: ownCopy(simple[3]!), tag: ownCopy(simple[1]!.toLowerCase()) });
    }
  }
  if (cssKept + css.length > CSS_KEPT_MAX) {
    selectorsByCss.clear();
    cssKept = 0;
  }
  // copies, not views into the page's text: a view would keep each whole page alive (see ownCopy)
  selectorsByCss.set(ownCopy(css), selectors);
  cssKept += css.length;
  return selectors;
}

/**
 * The rules of a style sheet as `selectors{declarations}` pairs, as `/([^{}]+)\{([^}]*)\}/g` finds
 * them (selectors: the brace-free run before a '{'; declarations: up to the first '}' after it), in
 * one pass: that regex is quadratic on a rule left open (98 KB of it took 7.7 s).
 */
function* cssRules(css: string): Generator<[selectors: string, declarations: string]> {
  let from = 0;
  // the first '}' at or after `from`: each brace is looked at once
  let close = css.indexOf('}');
  for (;;) {
    const open = css.indexOf('{', from);
    if (open < 0 || close < 0) return;
    // a '}' before the '{' closes nothing: the selectors start after the last one
    let start = from;
    while (close >= 0 && close < open) {
      start = close + 1;
      close = css.indexOf('}', start);
    }
    if (close < 0) return;
    if (start < open) {
      yield [css.slice(start, open), css.slice(open + 1, close)];
      from = close + 1;
      close = css.indexOf('}', from);
    } else {
      from = open + 1;
    }
  }
}

const hides = (tags: Set<string> | undefined, el: Element) => tags !== undefined && (tags.has('') || tags.has(el.tagName));

function hiddenByRule(rules: HidingRules, el: Element): boolean {
  const id = el.attribs['id'];
  if (id !== undefined && hides(rules.id.get(id), el)) return true;
  const classes = el.attribs['class'];
  return classes !== undefined && classes.split(/\s+/).some((c) => hides(rules.class.get(c), el));
}
