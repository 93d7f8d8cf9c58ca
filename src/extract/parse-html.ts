import { DomHandler, type ChildNode, type Document } from 'domhandler';
import { Parser } from 'htmlparser2';
import { queryInCharset } from './query-charset.js';

/**
 * How deep the document's tree may grow; deeper elements and text are attached to the element at this
 * depth, beside one another, as a browser's parser does (Blink's limit is 512). A page of thousands of
 * unclosed tags (`<div><span>` written 20,000 times) otherwise nests deeper than the extractors' walks
 * can recurse, and its analysis failed with a stack overflow.
 */
export const MAX_DEPTH = 512;

/**
 * What a link is written in: its query is in the page's charset, as a browser sends it (see
 * queryInCharset); an `onclick` too, for the page it opens by script (`window.open('list.asp?lm=通知公告')`).
 */
const LINK_ATTRIBUTES = ['href', 'src', 'onclick'] as const;
const NON_ASCII = /[^\x00-\x7f]/;

class DocumentHandler extends DomHandler {
  /** `queryCharset`: a legacy charset (GBK, Big5, …) the page's link queries are written in; null for UTF-8 */
  constructor(private readonly queryCharset: string | null) {
    super();
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.queryCharset) {
      for (const a of LINK_ATTRIBUTES) {
        const value = attribs[a];
        if (value !== undefined && NON_ASCII.test(value)) attribs[a] = queryInCharset(value, this.queryCharset);
      }
    }
    super.onopentag(name, attribs);
  }

  protected override addNode(node: ChildNode): void {
    const stack = this.tagStack;
    const top = stack.length - 1;
    if (top < MAX_DEPTH) return super.addNode(node);
    // the parser's open elements stay as they are (end tags still match); only the new node's parent is capped
    const open = stack[top]!;
    stack[top] = stack[MAX_DEPTH - 1]!;
    try {
      super.addNode(node);
    } finally {
      stack[top] = open;
    }
  }
}

/**
 * The one place HTML becomes a document: htmlparser2, fast and forgiving of the broken markup these
 * sites serve; the crawl parses every page once. The extractors walk the DOM with domutils and a
 * per-document index (DocumentIndex) — cheerio's per-page wrapper objects cost more than they gave.
 * `charset`: what the page was decoded from; a legacy one (GBK, Big5, …) is what its links' queries
 * are sent in.
 */
export function parseHtml(html: string, charset: string | null = null): Document {
  const handler = new DocumentHandler(charset !== null && !charset.startsWith('utf-') ? charset : null);
  new Parser(handler).end(html);
  return handler.root;
}
