import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { extractRecordSets, parsedRecordSets } from '../../src/extract/datastore.js';
import { extractLinks } from '../../src/extract/links.js';
import { extractLists } from '../../src/extract/list-items.js';

const setsOf = (inner: string) => extractRecordSets(parseHtml(`<script type="text/xml"><datastore>${inner}</datastore></script>`));

describe('embedded record sets', () => {
  cases([
    ['records in CDATA and plain, and the next group', '<nextgroup><![CDATA[<a href="/g2.html">更多</a>]]></nextgroup><recordset><record><![CDATA[<li>一</li>]]></record><RECORD> <li>二</li> </Record></recordset>',
      [{ records: ['<li>一</li>', '<li>二</li>'], nextGroup: '<a href="/g2.html">更多</a>' }]],
    ['a record left open ends the set', '<recordset><record><li>一</li></record><record><li>二</li></recordset>', [{ records: ['<li>一</li>'], nextGroup: null }]],
    ['a CDATA left open is the record as written', '<recordset><record><![CDATA[<li>一</li></record></recordset>', [{ records: ['<![CDATA[<li>一</li>'], nextGroup: null }]],
  ])('%s', (_name, inner, sets) => {
    expect(setsOf(inner)).toEqual(sets);
  });

  it('a page\'s record sets are parsed once, for its links and its lists alike (a set without records: null)', () => {
    const doc = parseHtml('<script type="text/xml"><datastore><recordset><record><![CDATA[<li><a href="/a/1.html">关于开展专项检查的通知</a><span>2026-11-02</span></li>]]></record></recordset></datastore></script>'
      + '<script type="text/xml"><datastore><recordset></recordset></datastore></script>');
    const parsed = parsedRecordSets(doc, null);
    expect(parsed.map((d) => d === null)).toEqual([false, true]);
    expect(extractLinks(doc, 'http://www.x.gov.cn/col/', null).map((l) => l.target)).toEqual(['http://www.x.gov.cn/a/1.html']);
    expect(extractLists(doc, 'http://www.x.gov.cn/col/', '2026-11-15').flatMap((l) => l.items.map((i) => [i.href, i.date]))).toEqual([['http://www.x.gov.cn/a/1.html', '2026-11-02']]);
    // the lists and links read the same parsed records
    expect(parsedRecordSets(doc, null)).toBe(parsed);
  });

  it('a record set cut short is read in one pass (50,000 unclosed <record> took 11 s, quadratic)', () => {
    const started = performance.now();
    expect(setsOf(`<recordset><record><li>一</li></record>${'<record><![CDATA['.repeat(100_000)}`)).toEqual([{ records: ['<li>一</li>'], nextGroup: null }]);
    expect(setsOf(`<recordset>${'<nextgroup>'.repeat(100_000)}`)).toEqual([{ records: [], nextGroup: null }]);
    // quadratic, these took minutes; linear, milliseconds: the bound only tells the two apart
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
