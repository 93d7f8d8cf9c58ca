import { describe, it } from 'node:test';
import { expect } from 'expect';
import { homepageNotUpdated } from '../../src/checks/homepage-not-updated.js';
import { runCheck } from '../../src/checks/run.js';
import { loadSiteFacts, type SiteFacts } from '../../src/facts/site-facts.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { sitesOfRun } from '../../src/store/sites.js';
import { crawlTestSites } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';
import { factsFor } from '../checks/factsfor.js';
import { cases } from '../helpers/cases.js';

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>县人民政府</title></head><body>${body}</body></html>`;
const news = page(`<ul>${[14, 13, 12].map((d) => `<li><a href="/art/${d}.html">县政府召开第${d}次常务会议研究重点工作</a><span>2026-11-${d}</span></li>`).join('')}</ul>`);
const foot = page('<form action="/search.html"><input type="text" name="q"></form><a href="/jiucuo.html">我为政府网站找错</a><p>网站标识码：3401000001 皖ICP备12345678号 皖公网安备 34010202000001号</p><a href="https://bszs.conac.cn/sitename?id=1"><img src="/red.png" alt="党政机关"></a>');
const iframe = page('<div class="nav"><a href="/zwgk/">政务公开</a></div><iframe src="/news.html" width="600" height="300"></iframe>');
const frameset = '<html><head><meta charset="utf-8"><title>县人民政府</title></head><frameset rows="120,*,80"><frame src="/top.html"><frame src="/news.html" name="main"><frame src="/foot.html"></frameset></html>';
/** a home page whose news list and footer a script loads into it (jQuery's .load) */
const included = page('<div class="nav"><a href="/zwgk/">政务公开</a></div><div id="news"></div><div id="foot"></div><script>$(function () { $(\'#news\').load(\'/news.html ul\'); jQuery("#foot").load("/foot.html"); });</script>');

/** HTML as an "HTML to JS" converter writes it: a `document.writeln("…")` a line. */
const asScript = (html: string) => html.split(/(?=<)/).map((line) => `document.writeln(${JSON.stringify(line)});`).join('\n');
const bodyOf = (html: string) => /<body>(.*)<\/body>/s.exec(html)![1]!;
/** a home page whose footer and menu its own scripts write into it (document.write), beside a library that writes nothing */
const written = page('<script src="/js/head.js"></script><div id="news"></div><script src="/js/jquery.min.js"></script><script type="text/javascript" src="/js/foot.js"></script>');
const menu = page('<div class="nav"><a href="/gzdt/">工作动态</a><a href="/tzgg/">通知公告</a></div>');
/** a home page whose footer an inline script writes */
const writtenInline = page(`<div id="news"></div><script type="text/javascript">${asScript(bodyOf(foot))}</script>`);

/** A site whose home page is `home` (a frameset's top frame `top`), crawled over real sockets: its site facts. */
async function siteWithHome(home: string, top = page('县人民政府')): Promise<SiteFacts> {
  const fleet = await FixtureFleet.start({ a: { files: {
    '/': home, '/news.html': news, '/top.html': top, '/zwgk/': page('政务公开'), '/foot.html': foot, '/gzdt/': news, '/tzgg/': news,
    '/js/head.js': asScript(bodyOf(top)), '/js/foot.js': asScript(bodyOf(foot)), '/js/jquery.min.js': '(function(e){var t=e.document;return"<div>"})(window);',
  } } });
  try {
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${fleet.origin('a')}/` }]);
    return loadSiteFacts(db, runId, sitesOfRun(db, runId)[0]!, '2026-11-15');
  } finally {
    await fleet.close();
  }
}

/** A home page whose news list, or footer, is another page it embeds: what a visitor sees on the home page is in the frame. */
describe('home page frames', () => {
  for (const [name, home] of [['an <iframe> in the home page', iframe], ['a frameset', frameset], ['parts a script loads into the page', included]] as const) {
    it(`${name}: its frame's dated items are the home page's, so the home page was updated`, async () => {
      const facts = await siteWithHome(home);
      expect(facts.homeItems.map((i) => i.date)).toEqual(['2026-11-14', '2026-11-13', '2026-11-12']);
      expect(runCheck(homepageNotUpdated, factsFor({ home: facts.home, homeItems: facts.homeItems, columns: facts.columns }), '2026-11-15')).toEqual({ kind: 'findings', findings: [] });
    });
  }

  cases([['a frameset\'s menu frame', frameset], ['a menu a script of the home page writes (document.write)', written]])('%s names the site\'s columns, and their lists are crawled and read', async (_what, home: string) => {
    const facts = await siteWithHome(home, menu);
    expect(facts.columns.map((c) => [c.name, c.category, c.firstLevel, c.seen, c.lastUpdate])).toEqual([['工作动态', 'news', true, true, '2026-11-14'], ['通知公告', 'notice', true, true, '2026-11-14']]);
  });

  cases([['a frameset\'s footer frame', frameset], ['a footer a script loads', included], ['a footer a script of the home page writes (document.write)', written], ['a footer an inline script writes', writtenInline]])('%s is its footer: identifiers, search and the 找错 entry', async (_what, home: string) => {
    expect((await siteWithHome(home)).home).toMatchObject({
      search: true, errorReportEntry: true, identifiers: { siteId: '3401000001', icp: '皖ICP备12345678号', police: '皖公网安备34010202000001号', badge: true },
    });
  });
});
