import type { CheerioAPI } from 'cheerio/slim';

/** One embedded record set: a list a CMS (Hanweb's jpage) renders by script from `<script type="text/xml">`. */
export interface RecordSet {
  /** each record's HTML, CDATA unwrapped */
  records: string[];
  /** the "more pages" link the CMS would fetch, when present */
  nextGroup: string | null;
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/;

/** Every `<datastore><recordset><record><![CDATA[…]]></record>` block of a page. */
export function extractRecordSets($: CheerioAPI): RecordSet[] {
  const sets: RecordSet[] = [];
  $('script[type="text/xml"], script[language="xml"]').each((_, el) => {
    const xml = $(el).html() ?? '';
    if (!/<recordset/i.test(xml)) return;
    const records = [...xml.matchAll(/<record>([\s\S]*?)<\/record>/gi)].map((m) => unwrap(m[1]!));
    const next = /<nextgroup>([\s\S]*?)<\/nextgroup>/i.exec(xml);
    sets.push({ records, nextGroup: next ? unwrap(next[1]!) : null });
  });
  return sets;
}

function unwrap(text: string): string {
  return (CDATA.exec(text)?.[1] ?? text).trim();
}
