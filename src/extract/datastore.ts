import type { Document, Element } from 'domhandler';
import { DocumentIndex, rawText } from './document-index.js';

/** One embedded record set: a list a CMS (Hanweb's jpage) renders by script from `<script type="text/xml">`. */
export interface RecordSet {
  /** each record's HTML, CDATA unwrapped */
  records: string[];
  /** the "more pages" link the CMS would fetch, when present */
  nextGroup: string | null;
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/;

/** Every `<datastore><recordset><record><![CDATA[…]]></record>` block of a page. */
export function extractRecordSets(doc: Document): RecordSet[] {
  const sets: RecordSet[] = [];
  for (const el of recordSetScripts(doc)) {
    const xml = rawText(el);
    const records = [...xml.matchAll(/<record>([\s\S]*?)<\/record>/gi)].map((m) => unwrap(m[1]!));
    const next = /<nextgroup>([\s\S]*?)<\/nextgroup>/i.exec(xml);
    sets.push({ records, nextGroup: next ? unwrap(next[1]!) : null });
  }
  return sets;
}

/** The `<script type="text/xml">` elements that hold a record set. */
export function recordSetScripts(doc: Document): Element[] {
  return DocumentIndex.of(doc).tag('script').filter((el) => (el.attribs['type'] === 'text/xml' || el.attribs['language'] === 'xml') && /<recordset/i.test(rawText(el)));
}

function unwrap(text: string): string {
  return (CDATA.exec(text)?.[1] ?? text).trim();
}
