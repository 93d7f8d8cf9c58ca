import type { Document, Element } from 'domhandler';
import { DocumentIndex, rawText } from './document-index.js';
import { parseHtml } from './parse-html.js';
import { perDocument } from './per-document.js';

/** One embedded record set: a list a CMS (Hanweb's jpage) renders by script from `<script type="text/xml">`. */
export interface RecordSet {
  /** each record's HTML, CDATA unwrapped */
  records: string[];
  /** the "more pages" link the CMS would fetch, when present */
  nextGroup: string | null;
}

const RECORD = [/<record>/gi, /<\/record>/gi] as const;
const NEXT_GROUP = [/<nextgroup>/gi, /<\/nextgroup>/gi] as const;
const CDATA = [/<!\[CDATA\[/g, /\]\]>/g] as const;

/** Every `<datastore><recordset><record><![CDATA[…]]></record>` block of a page. */
export function extractRecordSets(doc: Document): RecordSet[] {
  const sets: RecordSet[] = [];
  for (const el of recordSetScripts(doc)) {
    const xml = rawText(el);
    const records: string[] = [];
    for (let record = enclosed(xml, RECORD, 0); record; record = enclosed(xml, RECORD, record.end)) records.push(unwrap(record.inner));
    const next = enclosed(xml, NEXT_GROUP, 0);
    sets.push({ records, nextGroup: next ? unwrap(next.inner) : null });
  }
  return sets;
}

const PARSED = Symbol('parsed record sets');

/**
 * Each record set of a page with its records parsed as one list (`<ul>` of them), in the page's
 * charset (their links' queries are written in it, see parseHtml); null for a set without records.
 * Read once per page: its links and its lists both read them.
 */
export function parsedRecordSets(doc: Document, charset: string | null): (Document | null)[] {
  return perDocument(doc, PARSED, () => extractRecordSets(doc).map((set) => (set.records.length > 0 ? parseHtml(`<ul>${set.records.join('\n')}</ul>`, charset) : null)));
}

/** The `<script type="text/xml">` elements that hold a record set. */
export function recordSetScripts(doc: Document): Element[] {
  return DocumentIndex.of(doc).tag('script').filter((el) => (el.attribs['type'] === 'text/xml' || el.attribs['language'] === 'xml') && /<recordset/i.test(rawText(el)));
}

function unwrap(text: string): string {
  return (enclosed(text, CDATA, 0)?.inner ?? text).trim();
}

/**
 * The first `open … close` from `from` on, as `/open([\s\S]*?)close/` finds it, in one pass: the regex
 * tries every later opening when the first never closes, quadratic on a record set cut short (50,000
 * unclosed <record> took 11 s). `open` and `close` are global, so that they search from an index.
 */
function enclosed(text: string, [open, close]: readonly [RegExp, RegExp], from: number): { inner: string; end: number } | null {
  open.lastIndex = from;
  const opening = open.exec(text);
  if (!opening) return null;
  close.lastIndex = opening.index + opening[0].length;
  const closing = close.exec(text);
  // none closes after the first opening, so none after any later one either
  return closing ? { inner: text.slice(opening.index + opening[0].length, closing.index), end: closing.index + closing[0].length } : null;
}
