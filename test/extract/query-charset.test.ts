import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analysePage } from '../../src/crawl/page-analysis.js';
import { queryInCharset } from '../../src/extract/query-charset.js';
import { cases } from '../helpers/cases.js';

describe('queryInCharset: a link\'s query in its page\'s charset, as a browser sends it', () => {
  cases([
    ['list.asp?lm=通知公告', 'gb18030', 'list.asp?lm=%CD%A8%D6%AA%B9%AB%B8%E6'],
    // the path and the fragment are not the query: a URL parser writes them in UTF-8
    ['/政务公开/index.asp?id=1&q=公开#锚点', 'gb18030', '/政务公开/index.asp?id=1&q=%B9%AB%BF%AA#锚点'],
    ['/政务公开/index.asp', 'gb18030', '/政务公开/index.asp'],
    ['search.asp?q=公告', 'big5', 'search.asp?q=%A4%BD%A7%69'],
    // a character the charset has no bytes for is sent as a browser sends it, &#N;
    ['a.asp?q=café😀', 'windows-1252', 'a.asp?q=caf%E9%26%23128512%3B'],
  ])('%s in %s → %s', (href: string, charset: string, sent: string) => {
    expect(queryInCharset(href, charset)).toBe(sent);
  });
});

describe('a GBK page\'s links with Chinese in their query', () => {
  const page = (charsetLabel: string) => `<html><head><meta charset="${charsetLabel}"><title>通知公告</title></head><body><ul>
    <li><a href="list.asp?lm=通知公告&amp;page=2">关于做好冬季安全生产工作的通知</a> 2026-11-10</li>
    <li><a href="list.asp?lm=通知公告&amp;page=3">关于开展秋冬季森林防火检查的通知</a> 2026-11-02</li></ul></body></html>`;
  const analysed = (bytes: Uint8Array, servedAs: string | null = null) => {
    const a = analysePage({ bytes, contentType: 'text/html', url: 'http://www.x.gov.cn/tzgg/index.asp', links: true, factsAsOf: '2026-11-15', role: 'column', servedAs });
    const links = (JSON.parse(a.links) as [string][]).map(([target]) => target);
    const items = (JSON.parse(a.facts!) as { lists: { items: { href: string }[] }[] }).lists.flatMap((l) => l.items.map((i) => i.href));
    return { charset: a.charset, links, items };
  };

  it('are asked for in GBK, in the stored links and the list items alike; the same page in UTF-8, in UTF-8', () => {
    const bytes = encodeGbk(page('gbk'));
    expect(new TextDecoder('gb18030').decode(bytes)).toBe(page('gbk'));
    const inGbk = analysed(bytes);
    expect(inGbk.charset).toBe('gb18030');
    expect(inGbk.links).toEqual(['http://www.x.gov.cn/tzgg/list.asp?lm=%CD%A8%D6%AA%B9%AB%B8%E6&page=2', 'http://www.x.gov.cn/tzgg/list.asp?lm=%CD%A8%D6%AA%B9%AB%B8%E6&page=3']);
    expect(inGbk.items).toEqual(inGbk.links);
    // a stored copy is read again as its UTF-8 text: what it was served in still decides its links
    const copy = analysed(new TextEncoder().encode(page('gbk')), 'gb18030');
    expect(copy.links).toEqual(inGbk.links);
    const inUtf8 = analysed(new TextEncoder().encode(page('utf-8')));
    expect(inUtf8.links).toEqual(['http://www.x.gov.cn/tzgg/list.asp?lm=%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A&page=2', 'http://www.x.gov.cn/tzgg/list.asp?lm=%E9%80%9A%E7%9F%A5%E5%85%AC%E5%91%8A&page=3']);
  });

  it('a link a script opens (onclick window.open) is asked for in GBK too, as a browser asks', () => {
    const html = '<html><head><meta charset="gbk"><title>首页</title></head><body><a href="javascript:void(0)" onclick="window.open(\'list.asp?lm=通知公告\')">通知公告</a></body></html>';
    expect(analysed(encodeGbk(html)).links).toEqual(['javascript:void(0)', 'http://www.x.gov.cn/tzgg/list.asp?lm=%CD%A8%D6%AA%B9%AB%B8%E6']);
  });

  it('in a record set the page embeds (parsed apart): asked for in GBK as well', () => {
    const records = `<html><head><meta charset="gbk"><title>通知公告</title></head><body><script type="text/xml"><datastore><recordset>
      <record><![CDATA[<li><a href="list.asp?lm=通知公告&amp;id=7">关于做好冬季安全生产工作的通知</a><span>2026-11-10</span></li>]]></record>
      <record><![CDATA[<li><a href="list.asp?lm=通知公告&amp;id=6">关于开展秋冬季森林防火检查的通知</a><span>2026-11-02</span></li>]]></record>
    </recordset></datastore></script></body></html>`;
    const { links, items } = analysed(encodeGbk(records));
    const inGbk = ['http://www.x.gov.cn/tzgg/list.asp?lm=%CD%A8%D6%AA%B9%AB%B8%E6&id=7', 'http://www.x.gov.cn/tzgg/list.asp?lm=%CD%A8%D6%AA%B9%AB%B8%E6&id=6'];
    expect(links).toEqual(inGbk);
    expect(items).toEqual(inGbk);
  });
});

/** The page's text as GBK bytes (ASCII as it is, each Chinese character by its GBK bytes), through the same table a link's query uses. */
function encodeGbk(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.codePointAt(0)! < 0x80) bytes.push(ch.codePointAt(0)!);
    else bytes.push(...queryInCharset(`?${ch}`, 'gb18030').slice(1).split('%').slice(1).map((h) => parseInt(h, 16)));
  }
  return Uint8Array.from(bytes);
}
