import type { Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * The one place HTML becomes a document: htmlparser2, fast and forgiving of the broken markup these
 * sites serve; the crawl parses every page once. The extractors walk the DOM with domutils and a
 * per-document index (DocumentIndex) — cheerio's per-page wrapper objects cost more than they gave.
 */
export function parseHtml(html: string): Document {
  return parseDocument(html);
}
