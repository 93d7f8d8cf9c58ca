import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { expect } from 'expect';
import { extractFromDocument, extractPage, type PageFacts } from '../../src/extract/page.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { fillsListByScript } from '../../src/extract/scripted-list.js';
import { runCheck } from '../../src/checks/run.js';
import { seriousError } from '../../src/checks/serious-error.js';
import { factsFor } from '../checks/factsfor.js';
import { cases } from '../helpers/cases.js';
import { corpusPath, describeCorpus } from '../helpers/corpus.js';

const AS_OF = '2026-11-15';
const page = (file: string, url: string): PageFacts => extractPage(readFileSync(corpusPath('real', file), 'utf8'), url, AS_OF, 'utf-8');

describeCorpus('extractors on the real pages of shared/corpus/real', () => {
  it('Ordos list: ten dated items, newest 2020-09-03, four rows whose shown date contradicts the URL', () => {
    const facts = page('ordos-annual-report-list.html', 'http://www.ordos.gov.cn/xxgk/xxgknb/index.html');
    expect(facts.lists).toHaveLength(1);
    const [list] = facts.lists;
    expect(list!.name).toBe('信息公开年报');
    expect(list!.items).toHaveLength(10);
    expect(list!.items.every((i) => i.date !== null)).toBe(true);
    expect(list!.items.map((i) => i.date!).sort().pop()).toBe('2020-09-03');
    expect(list!.items.filter((i) => i.dateConflict).map((i) => [i.date, i.urlDate, i.href.split('/').pop()])).toEqual([
      ['2018-03-26', '2018-11-02', 't20181102_2290635.html'],
      ['2018-01-05', '2018-11-02', 't20181102_2290607.html'],
      ['2017-03-22', '2018-05-25', 't20180525_2166460.html'],
      ['2017-01-07', '2018-02-05', 't20180205_2082017.html'],
    ]);
    expect(facts.breadcrumb).toEqual(['首页', '信息公开', '信息公开年报']);
    expect(facts.identifiers).toEqual({ siteId: '1506000140', icp: '蒙ICP备13001412号-2', police: '蒙公网安备15062102000168号', badge: true });
  });

  it('gov.cn home page: its columns, and no item dates (its blocks list titles only)', () => {
    const facts = page('govcn-home.html', 'https://www.gov.cn/');
    const columns = Object.fromEntries((facts.columns ?? []).map((c) => [c.name, c.category]));
    expect(columns).toMatchObject({ 要闻: 'news', 最新政策: 'policy', 政策解读: 'policy', 政务联播: 'news', 建言征集: 'survey', 为民服务: 'service', 为企服务: 'service' });
    expect(facts.lists.length).toBeGreaterThanOrEqual(5);
    expect(facts.lists.flatMap((l) => l.items).filter((i) => i.date !== null)).toEqual([]);
    expect(facts.publishDate).toBeNull();
    expect(facts.links.filter((l) => l.imageOnly).length).toBeGreaterThanOrEqual(30);
  });

  it('Jiujiang search page is not empty: its "no results" text is hidden while results show', () => {
    const html = readFileSync(corpusPath('real', 'jiujiang-search.html'), 'utf8');
    expect(html).toContain('很抱歉!未能搜到相关的数据');
    const facts = page('jiujiang-search.html', 'http://zmhd.jiujiang.gov.cn/search');
    expect(facts.empty).toBe(false);
    expect(facts.lists.flatMap((l) => l.items).filter((i) => i.date?.startsWith('2025')).length).toBeGreaterThanOrEqual(10);
  });

  it('lists filled by script: the Jiujiang search page fills its results by template (its DOM dump shows them, read as items); gov.cn\'s ajax login checks fill nothing', () => {
    const html = (file: string) => parseHtml(readFileSync(corpusPath('real', file), 'utf8'));
    expect(fillsListByScript(html('jiujiang-search.html'))).toBe(true);
    // read as items; only a home page says it fills a list besides
    const asRole = (withColumns: boolean) => extractFromDocument(html('jiujiang-search.html'), 'http://zmhd.jiujiang.gov.cn/search', '2026-11-15', 'utf-8', { withColumns }).scriptedList;
    expect([asRole(false), asRole(true)]).toEqual([false, true]);
    expect(fillsListByScript(html('govcn-home.html'))).toBe(false);
    expect(fillsListByScript(html('ordos-annual-report-list.html'))).toBe(false);
  });

  it('Jiangxi statistics bulletin mentions 福利彩票 sales and raises no spam', () => {
    const html = readFileSync(corpusPath('real', 'yichun-jiangxi-2022-bulletin.html'), 'utf8');
    expect(html).toContain('福利彩票');
    expect(page('yichun-jiangxi-2022-bulletin.html', 'http://www.yichun.gov.cn/').spam).toEqual({ terms: [], hiddenLinks: [] });
  });

  cases([
    ['cmse-article.html', 'http://www.cmse.gov.cn/', ['http://www.bshare.cn/intro', 'http://www.bshare.cn/']],
    ['zjfzggw-article.html', 'http://fzggw.zj.gov.cn/', ['http://121.43.68.40/exposure/jiucuo.html?site_code=3300000020&url=http%3A%2F%2Fwww.zjdpc.gov.cn%2F', 'http://www.hanweb.com/']],
  ])('%s hides a share widget, a CMS credit or the error-report link: recorded, and no spam-injection', (file, url, hidden) => {
    const { spam } = page(file, url);
    expect(spam.hiddenLinks.map((l) => l.href)).toEqual(hidden);
    expect(runCheck(seriousError, factsFor({ spam: [{ url, ...spam }] }), AS_OF)).toEqual({ kind: 'findings', findings: [] });
  });

  cases([
    ['shanxi-article.html', true], ['ordos-annual-report-list.html', true], ['wanzai-2015-bulletin.html', true], ['wanzai-2022-bulletin.html', true],
    ['yichun-2022-bulletin.html', true], ['yichun-jiangxi-2022-bulletin.html', true],
    // its 纠错 link is commented out
    ['cmse-article.html', false],
  ])('%s: the 我为政府网站找错 entry, drawn by the national platform\'s widget script: %s', (file, expected) => {
    expect(page(file, 'http://www.example.gov.cn/').errorReportEntry).toBe(expected);
  });

  it('gov.cn gazette: the footer after a stray </html> is read (the identifiers are in it)', () => {
    expect(page('govcn-gazette-article.html', 'https://www.gov.cn/gongbao/content/2007/content_1.htm').identifiers)
      .toEqual({ siteId: 'bm01000001', icp: '京ICP备05070218号', police: '京公网安备11010202000001号', badge: true });
  });

  it('Jiujiang: 公安备案 written the other way round (赣公安备案 36040202000107号) is the police filing', () => {
    expect(page('jiujiang-search.html', 'http://zmhd.jiujiang.gov.cn/').identifiers.police).toBe('赣公安备案36040202000107号');
  });

  it('Ordos list: its 站内搜索 form is a site search (the text box sits in a table the form does not wrap)', () => {
    expect(page('ordos-annual-report-list.html', 'http://www.ordos.gov.cn/xxgk/xxgknb/index.html').search).toBe(true);
  });

  it('Shanxi article: 市长信箱 is a working consultation entry, and its footer identifiers are read', () => {
    const facts = page('shanxi-article.html', 'http://www.shanxi.gov.cn/ywdt/sxyw/201909/t20190918_693227.shtml');
    expect(facts.consultation).toContainEqual({ label: '市长信箱', href: 'http://www.shanxi.gov.cn/hd/szxx_2358/', imageOnly: false });
    expect(facts.consultation.map((c) => c.label)).not.toContain('网上信访');
    expect(facts.publishDate).toBe('2019-09-18');
    expect(facts.identifiers).toEqual({ siteId: '1400000045', icp: '晋ICP备12000773号', police: '晋公网安备14010502050691号', badge: true });
    expect(facts.search).toBe(true);
  });

  it('Zhejiang DRC article: the publish date is its PubDate (and shown 发布日期) 2016-11-22, not the page\'s Maketime 2019-03-22', () => {
    expect(page('zjfzggw-article.html', 'http://fzggw.zj.gov.cn/art/2016/11/22/art_1.html').publishDate).toBe('2016-11-22');
  });

  it('Wanzai 2015 bulletin: the publish date is its meta PubDate, not the subject year', () => {
    expect(page('wanzai-2015-bulletin.html', 'http://www.wanzai.gov.cn/').publishDate).toBe('2022-04-24');
  });

  cases([
    ['govcn-gazette-article.html', '国务院'],
    ['zjfzggw-article.html', '德清'],
    ['cmse-article.html', '载人航天'],
    ['wanzai-2022-bulletin.html', '万载'],
    ['yichun-2022-bulletin.html', '宜春'],
  ])('%s: a title, no spam, not empty', (file, title) => {
    const facts = page(file, 'http://www.example.gov.cn/');
    expect(facts.title).toContain(title);
    expect(facts.spam.terms).toEqual([]);
    expect(facts.empty).toBe(false);
  });
});
