import type { AnyNode, Document, Element, ParentNode, Text } from 'domhandler';
import { findOne } from 'domutils';
import { normaliseUrl } from '../crawl/scope.js';
import { perDocument } from './per-document.js';

/**
 * Every element of a parsed page by tag name, collected in one walk. Extractors look elements up
 * here instead of running CSS selectors: on these pages the selector engine cost more than the
 * extraction itself.
 */
export class DocumentIndex {
  readonly all: Element[] = [];
  private readonly byTag = new Map<string, Element[]>();
  /** elements by class name and by id, built on first use: one pass, however many selectors ask */
  private named: { class: Map<string, Element[]>; id: Map<string, Element[]> } | null = null;
  private base: { pageUrl: string; url: string } | null = null;
  private linking: readonly Element[] | null = null;
  private static readonly key = Symbol('index');

  static of(doc: Document): DocumentIndex {
    return perDocument(doc, DocumentIndex.key, () => new DocumentIndex([doc]));
  }

  private constructor(roots: readonly AnyNode[]) {
    const walk = (nodes: readonly AnyNode[]) => {
      for (const n of nodes) {
        if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style' && n.type !== 'root') continue;
        const el = n as Element;
        if (n.type !== 'root') {
          this.all.push(el);
          const list = this.byTag.get(el.tagName);
          if (list) list.push(el);
          else this.byTag.set(el.tagName, [el]);
        }
        walk(el.children);
      }
    };
    walk(roots);
  }

  tag(name: string): readonly Element[] {
    return this.byTag.get(name) ?? [];
  }

  first(name: string): Element | undefined {
    return this.byTag.get(name)?.[0];
  }

  /** The anchors that link somewhere (with an href; six extractors ask): filtered once. */
  anchors(): readonly Element[] {
    return (this.linking ??= this.tag('a').filter((a) => a.attribs['href'] !== undefined));
  }

  /** Elements with this class, in document order. */
  withClass(name: string): readonly Element[] {
    return this.names().class.get(name) ?? [];
  }

  /** Elements with this id, in document order (a page may repeat an id). */
  withId(id: string): readonly Element[] {
    return this.names().id.get(id) ?? [];
  }

  private names(): NonNullable<DocumentIndex['named']> {
    if (this.named) return this.named;
    const named = { class: new Map<string, Element[]>(), id: new Map<string, Element[]>() };
    const add = (map: Map<string, Element[]>, key: string, el: Element) => {
      const list = map.get(key);
      if (list) {
        if (list[list.length - 1] !== el) list.push(el); // class="a a" lists it once
      } else map.set(key, [el]);
    };
    for (const el of this.all) {
      const id = el.attribs['id'];
      if (id !== undefined) add(named.id, id, el);
      const classes = el.attribs['class'];
      if (classes) for (const c of classes.split(/\s+/)) if (c) add(named.class, c, el);
    }
    return (this.named = named);
  }

  /**
   * What the page's relative links resolve against (HTML's document base URL): its first `<base>`
   * with an href, resolved against the page's own URL, when that is an http(s) URL; else the page's
   * own. A JSP template's `<base href="<%=basePath%>">` makes every relative link relative to the
   * application's root, not to the page's directory.
   */
  baseUrl(pageUrl: string): string {
    if (this.base?.pageUrl !== pageUrl) {
      const href = this.tag('base').find((b) => b.attribs['href'] !== undefined)?.attribs['href'];
      const url = href === undefined ? null : normaliseUrl(href, pageUrl);
      this.base = { pageUrl, url: url !== null && /^https?:/i.test(url) ? url : pageUrl };
    }
    return this.base.url;
  }

  /** An anchor's href resolved against the page's base URL (normaliseUrl memoises every resolution). */
  hrefOf(a: Element, pageUrl: string): string | null {
    return normaliseUrl(a.attribs['href'] ?? '', this.baseUrl(pageUrl));
  }
}

/** An element's text with white space collapsed. */
export function textOf(node: AnyNode): string {
  return rawText(node).replace(/\s+/g, ' ').trim();
}

/**
 * domutils' textContent (the text under a node, comments left out) without its array per node: an
 * anchor's text is most often its one text node, and extractors read the text of every anchor.
 */
export function rawText(node: AnyNode): string {
  switch (node.type) {
    case 'text':
      return (node as Text).data;
    case 'tag': case 'script': case 'style': case 'root': case 'cdata': {
      const children = (node as ParentNode).children;
      if (children.length === 1) return rawText(children[0]!);
      let text = '';
      for (const c of children) text += rawText(c);
      return text;
    }
    default:
      return '';
  }
}

/** The first descendant with one of these tag names. */
export function findTag(el: Element, tags: ReadonlySet<string>): Element | null {
  return findOne((n) => tags.has(n.tagName), el.children);
}
