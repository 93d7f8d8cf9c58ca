import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { loadSiteFacts, type SiteFacts } from '../../src/facts/site-facts.js';
import { sitesOfRun } from '../../src/store/sites.js';
import { crawlTestSites } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const page = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<div class="footer">网站标识码：3201000009</div></body></html>`;
const TEXT = '县政府召开常务会议，研究部署冬季安全生产、民生保障和重点项目建设等工作，要求各部门压实责任、细化措施，确保各项任务按期完成。';
const article = (date: string) => page('县政府召开常务会议', `<h1>县政府召开常务会议</h1><div class="info">发布时间：${date}</div><div class="content"><p>${date}，${TEXT}</p></div>`);
const guide = page('农村宅基地审批办事指南', '<h1>农村宅基地审批办事指南</h1><table class="guide"><tr><th>事项名称</th><td>农村宅基地审批</td></tr><tr><th>办理地点</th><td>县政务大厅</td></tr></table>');

/**
 * One article, guide or column reached at several addresses (a redirect, a tracking query, a
 * folder and its default document) is one page: its addresses are not "twin reports" of each
 * other, nor several incomplete guides or stale columns. A real twin — the same text with another
 * date — still is one.
 */
describe('a page at several addresses is one page', () => {
  let fleet: FixtureFleet;
  let facts: SiteFacts;
  let origin: string;
  before(async () => {
    const addresses = ['/a.html', '/a.html?from=home', '/old/a.html', '/b.html', '/bszn/g1.html', '/bszn/g1.html?from=home'];
    fleet = await FixtureFleet.start({ a: {
      files: {
        '/': page('首页', `<div class="nav"><a href="/xwdt/">工作动态</a></div><div class="box"><h3><a href="/xwdt/index.html">工作动态</a></h3></div>${addresses.map((a) => `<a href="${a}">${a}</a>`).join(' ')}`),
        '/xwdt/index.html': page('工作动态', '<ul class="list"><li><a href="/a.html">县政府召开常务会议</a><span>2026-09-01</span></li></ul>'),
        '/a.html': article('2026-11-02'), '/b.html': article('2026-11-09'), '/bszn/g1.html': guide,
      },
      // the folder's own address refused (a server that lists no folder), its default document read
      behaviours: { '/old/a.html': { redirect: '/a.html', status: 301 }, '/xwdt/': { status: 403 } },
    } });
    origin = fleet.origin('a');
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${origin}/` }]);
    facts = loadSiteFacts(db, runId, sitesOfRun(db, runId)[0]!, '2026-11-15');
  });
  after(() => fleet.close());

  it('twin reports: only the article and its real twin, at the article\'s shortest address', () => {
    expect(facts.twins.map((t) => t.pages)).toEqual([[`${origin}/a.html`, `${origin}/b.html`]]);
  });

  it('columns: the menu\'s and the heading\'s address of one list are one column, read where it answered', () => {
    expect(facts.columns.map((c) => [c.name, c.url, c.seen, c.lastUpdate])).toEqual([['工作动态', `${origin}/xwdt/`, true, '2026-09-01']]);
  });

  it('guides: one', () => {
    expect(facts.guides.map((g) => [g.url, g.missing.length > 0])).toEqual([[`${origin}/bszn/g1.html`, true]]);
  });

  it('articles: each once', () => {
    expect(facts.articles.filter((a) => a.publishDate !== null).map((a) => [a.url, a.publishDate])).toEqual([[`${origin}/a.html`, '2026-11-02'], [`${origin}/b.html`, '2026-11-09']]);
  });
});

describe('a registry address the crawl spells otherwise', () => {
  it('a home page registered with a fragment (a script-routed /#/home) is known as the home page', async () => {
    const fleet = await FixtureFleet.start({ a: { files: { '/': page('首页', '<ul><li><a href="/a.html">县政府召开常务会议</a><span>2026-11-10</span></li></ul>'), '/a.html': article('2026-11-10') } } });
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${fleet.origin('a')}/#/home` }]);
      const site = sitesOfRun(db, runId)[0]!;
      expect([site.url, loadSiteFacts(db, runId, site, '2026-11-15').homeItems.map((i) => i.date)]).toEqual([`${fleet.origin('a')}/`, ['2026-11-10']]);
    } finally {
      await fleet.close();
    }
  });
});
