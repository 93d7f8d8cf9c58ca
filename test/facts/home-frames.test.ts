import { describe, it } from 'node:test';
import { expect } from 'expect';
import { homepageNotUpdated } from '../../src/checks/homepage-not-updated.js';
import { runCheck } from '../../src/checks/run.js';
import { loadSiteFacts } from '../../src/facts/site-facts.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { sitesOfRun } from '../../src/store/sites.js';
import { crawlTestSites } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';
import { factsFor } from '../checks/factsfor.js';

const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>县人民政府</title></head><body>${body}</body></html>`;
const news = page(`<ul>${[14, 13, 12].map((d) => `<li><a href="/art/${d}.html">县政府召开第${d}次常务会议研究重点工作</a><span>2026-11-${d}</span></li>`).join('')}</ul>`);

/** A home page whose news list is another page it embeds: what a visitor sees on the home page is in the frame. */
describe('home page frames', () => {
  for (const [name, home] of [
    ['an <iframe> in the home page', page('<div class="nav"><a href="/zwgk/">政务公开</a></div><iframe src="/news.html" width="600" height="300"></iframe>')],
    ['a frameset', '<html><head><meta charset="utf-8"><title>县人民政府</title></head><frameset rows="120,*"><frame src="/top.html"><frame src="/news.html" name="main"></frameset></html>'],
  ] as const) {
    it(`${name}: its dated items are the home page's, so the home page was updated`, async () => {
      const fleet = await FixtureFleet.start({ a: { files: { '/': home, '/news.html': news, '/top.html': page('县人民政府'), '/zwgk/': page('政务公开') } } });
      try {
        const { db } = tmpDb();
        const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${fleet.origin('a')}/` }]);
        const facts = loadSiteFacts(db, runId, sitesOfRun(db, runId)[0]!, '2026-11-15');
        expect(facts.homeItems.map((i) => i.date)).toEqual(['2026-11-14', '2026-11-13', '2026-11-12']);
        expect(runCheck(homepageNotUpdated, factsFor({ home: facts.home, homeItems: facts.homeItems, columns: facts.columns }), '2026-11-15')).toEqual({ kind: 'findings', findings: [] });
      } finally {
        await fleet.close();
      }
    });
  }
});
