import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { extractLinks } from '../../src/extract/links.js';
import { extractFromDocument, extractPage } from '../../src/extract/page.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { cases } from '../helpers/cases.js';
import { decodeHtml } from '../../src/extract/decode.js';
import { corpusBytes, corpusPath, describeCorpus } from '../helpers/corpus.js';

const PAGE = 'http://www.example.gov.cn/dir/page.html';

/** linkinator's own <base> pages, read in place: every extractor resolves against the same base as the link extractor. */
describeCorpus('<base href>: linkinator\'s base-tag pages', () => {
  cases([
    ['absolute.html', 'http://another.example.invalid/ok'],
    ['empty-base.html', 'http://www.example.gov.cn/dir/ok'],
    ['relative-dot-folder.html', 'http://www.example.gov.cn/dir/anotherBase/ok'],
    ['relative-folder.html', 'http://www.example.gov.cn/dir/anotherBase/ok'],
    ['relative-page.html', 'http://www.example.gov.cn/dir/ok'],
    ['relative-to-root.html', 'http://www.example.gov.cn/anotherBase/ok'],
  ])('%s: "ok" → %s', (file: string, ok: string) => {
    const html = corpusBytes('peer', 'linkinator', 'basetag', file).toString('utf8');
    const links = extractLinks(parseHtml(html), PAGE).filter((l) => l.tag === 'a').map((l) => l.target);
    expect(links[0]).toBe(ok);
    expect(links[2]).toBe(ok);
    expect(extractPage(html, PAGE, '2026-11-15').links.map((l) => l.href)).toEqual(links);
  });
});

describe('<base href>: a JSP template\'s basePath', () => {
  // the page is at /portal/news/list.jsp; its links are relative to the application's root, as its <base> says
  const html = `<html><head><base href="http://www.x.gov.cn/portal/"><title>工作动态</title></head><body>
    <ul class="nav"><li><a href="index.jsp">首页</a></li><li><a href="news/list.jsp">工作动态</a></li><li><a href="notice/list.jsp">通知公告</a></li></ul>
    <ul class="list">
      <li><a href="news/detail.jsp?id=3">全县安全生产工作会议召开</a><span>2026-11-12</span></li>
      <li><a href="news/detail.jsp?id=2">县政府召开第十二次常务会议</a><span>2026-11-05</span></li>
      <li><a href="news/detail.jsp?id=1">县领导调研秋冬季农业生产</a><span>2026-10-28</span></li>
    </ul>
    <a href="mail/index.jsp">县长信箱</a>
  </body></html>`;
  const facts = extractPage(html, 'http://www.x.gov.cn/portal/news/list.jsp', '2026-11-15');
  const targets = new Set(extractLinks(parseHtml(html), 'http://www.x.gov.cn/portal/news/list.jsp').map((l) => l.target));

  it('list items, mailboxes and links resolve against the base, and every one is a link the crawl stores', () => {
    const items = facts.lists.flatMap((l) => l.items.map((i) => [i.href, i.date]));
    expect(items).toEqual([
      ['http://www.x.gov.cn/portal/news/detail.jsp?id=3', '2026-11-12'],
      ['http://www.x.gov.cn/portal/news/detail.jsp?id=2', '2026-11-05'],
      ['http://www.x.gov.cn/portal/news/detail.jsp?id=1', '2026-10-28'],
    ]);
    expect(facts.consultation.map((m) => m.href)).toEqual(['http://www.x.gov.cn/portal/mail/index.jsp']);
    expect(facts.columns?.map((c) => [c.name, c.url])).toEqual([['工作动态', 'http://www.x.gov.cn/portal/news/list.jsp'], ['通知公告', 'http://www.x.gov.cn/portal/notice/list.jsp']]);
    for (const href of [...items.map(([h]) => h), ...facts.consultation.map((m) => m.href), ...(facts.columns ?? []).map((c) => c.url), ...facts.links.map((l) => l.href)]) expect(targets.has(href!)).toBe(true);
  });
});

/**
 * The crawl follows a page's stored links and gives them the roles its facts name (columns,
 * mailboxes, pagers, letters, list items): a fact's URL that is not one of the page's links is a
 * role lost. Every real page of the corpus, read in place.
 */
describeCorpus('the facts name only URLs the link extractor stores', () => {
  it('on every real page of the corpus (a row linking back to its own page with href="" aside)', () => {
    const lost: string[] = [];
    for (const file of readdirSync(corpusPath('real')).filter((f) => /\.html?$/.test(f))) {
      const { text } = decodeHtml(corpusBytes('real', file));
      const url = `http://www.example.gov.cn/a/b/${file}`;
      const facts = extractPage(text, url, '2026-11-15');
      const targets = new Set(extractLinks(parseHtml(text), url).map((l) => l.target));
      const named = [
        ...facts.lists.flatMap((l) => l.items.map((i) => i.href)).filter((h) => h !== url),
        ...(facts.columns ?? []).map((c) => c.url),
        ...facts.consultation.filter((m) => !m.imageOnly && /^https?:/.test(m.href)).map((m) => m.href),
        ...facts.pagination,
        ...facts.letters.flatMap((l) => (l.href ? [l.href] : [])),
      ];
      lost.push(...named.filter((h) => !targets.has(h)).map((h) => `${file}: ${h}`));
    }
    expect(lost).toEqual([]);
  });
});

/** Resolutions are memoised (normaliseUrl by base, the document's base URL by page address): one document read at two addresses resolves against each. */
describe('one document read at two addresses', () => {
  it('resolves its links and its list items against each address in turn', () => {
    const doc = parseHtml('<ul><li><a href="a.html">全县安全生产工作会议召开</a> 2026-11-12</li><li><a href="../b/">县政府召开第十二次常务会议</a> 2026-11-05</li></ul><img src="a.html">');
    const read = (url: string) => [extractLinks(doc, url).map((l) => l.target), extractFromDocument(doc, url, '2026-11-15', null).lists[0]?.items.map((i) => i.href)];
    expect(read('http://www.x.gov.cn/one/page.html')).toEqual([['http://www.x.gov.cn/one/a.html', 'http://www.x.gov.cn/b/', 'http://www.x.gov.cn/one/a.html'], ['http://www.x.gov.cn/one/a.html', 'http://www.x.gov.cn/b/']]);
    expect(read('http://www.x.gov.cn/two/three/page.html')).toEqual([['http://www.x.gov.cn/two/three/a.html', 'http://www.x.gov.cn/two/b/', 'http://www.x.gov.cn/two/three/a.html'], ['http://www.x.gov.cn/two/three/a.html', 'http://www.x.gov.cn/two/b/']]);
  });
});
