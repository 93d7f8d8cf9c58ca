import { describe, it } from 'node:test';
import { expect } from 'expect';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { scoreRun } from '../../src/history/score-run.js';
import { loadProfile } from '../../src/score/profile.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const page = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const letters = (rows: [string, string, string][]) => `<table class="letters"><tr><th>标题</th><th>来信时间</th><th>状态</th></tr>${rows.map(([href, title, date]) => `<tr><td><a href="${href}">${title}</a></td><td>${date}</td><td>已回复</td></tr>`).join('')}</table>`;

describe('a registered mailbox on a shared platform or a portal', () => {
  it('only the mailbox\'s letters and further list pages, and mailboxes the site\'s own pages name, are crawled there: not the platform\'s other areas, nor its news', async () => {
    const fleet = await FixtureFleet.start({
      county: { files: { '/': page('甲县人民政府', '<p>甲县</p><a href="{{origin:platform}}/letters/a/write.html">县长信箱</a>') } },
      platform: { files: {
        '/letters/a/index.html': page('甲县县长信箱', `<ul class="nav"><li><a href="/news/index.html">省政府要闻</a></li><li><a href="/letters/b/list.html">乙县县长信箱</a></li></ul>
          ${letters([['/letters/a/1.html', '关于道路维修的建议', '2026-10-01']])}<a href="/letters/a/index_1.html">下一页</a>`),
        '/letters/a/index_1.html': page('甲县县长信箱', letters([['/letters/a/2.html', '关于学校招生的咨询', '2026-09-01']])),
        '/letters/a/1.html': page('来信', '<p>来信内容</p>'),
        '/letters/a/2.html': page('来信', '<p>来信内容</p>'),
        '/letters/a/write.html': page('写信', '<form>写信给县长</form>'),
        '/letters/b/list.html': page('乙县县长信箱', letters([['/letters/b/1.html', '乙县的来信', '2026-10-02']])),
        '/letters/b/1.html': page('来信', '<p>乙县来信</p>'),
        '/news/index.html': page('省政府要闻', '<a href="/news/1.html">要闻</a>'),
        '/news/1.html': page('要闻', '<p>要闻</p>'),
      } },
    });
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'county', url: `${fleet.origin('county')}/`, mailbox: `${fleet.origin('platform')}/letters/a/index.html` }]);
      const p = fleet.origin('platform');
      expect(rows(db, `SELECT url, kind, role FROM frontier WHERE run_id = ? AND url LIKE ? ORDER BY url`, runId, `${p}/%`)).toEqual([
        { url: `${p}/letters/a/1.html`, kind: 'page', role: 'letter' },
        { url: `${p}/letters/a/2.html`, kind: 'page', role: 'letter' },
        { url: `${p}/letters/a/index.html`, kind: 'page', role: 'mailbox' },
        { url: `${p}/letters/a/index_1.html`, kind: 'page', role: 'letters' },
        // named by the county's own home page
        { url: `${p}/letters/a/write.html`, kind: 'page', role: 'mailbox' },
        // another county's mailbox and the platform's news are checked, not read as the county's
        { url: `${p}/letters/b/list.html`, kind: 'check', role: 'page' },
        { url: `${p}/news/index.html`, kind: 'check', role: 'page' },
      ]);
      const report = scoreRun(db, runId, loadProfile('gov-2019'));
      expect(report.sites[0]!.letters.total).toBe(2);
    } finally {
      await fleet.close();
    }
  });

  it('another site\'s registered mailbox on this site\'s host is that site\'s: the city checks the district\'s 区长信箱, the district reads it', async () => {
    const fleet = await FixtureFleet.start({
      city: { files: {
        '/': page('某市人民政府', '<p>某市</p><a href="/hdjl/index.html">互动交流</a>'),
        '/hdjl/index.html': page('互动交流', '<a href="/hdjl/szxx/index.html">市长信箱</a> <a href="/hdjl/qx/a.html">甲区区长信箱</a>'),
        '/hdjl/szxx/index.html': page('市长信箱', letters([['/hdjl/szxx/1.html', '关于公交线路的建议', '2026-10-01']])),
        '/hdjl/szxx/1.html': page('来信', '<p>来信内容</p>'),
        '/hdjl/qx/a.html': page('甲区区长信箱', letters([['/hdjl/qx/a1.html', '关于甲区道路的反映', '2026-03-01']])),
        '/hdjl/qx/a1.html': page('来信', '<p>来信内容</p>'),
      } },
      district: { files: { '/': page('甲区人民政府', '<p>甲区</p>') } },
    });
    try {
      const { db } = tmpDb();
      const c = fleet.origin('city');
      const { runId } = await crawlTestSites(db, [{ id: 'city', url: `${c}/` }, { id: 'district', url: `${fleet.origin('district')}/`, mailbox: `${c}/hdjl/qx/a.html` }]);
      const of = (site: string) => rows(db, `SELECT url, kind FROM frontier WHERE run_id = ? AND site_id = ? AND url LIKE ? ORDER BY url`, runId, site, `${c}/hdjl/%`);
      expect(of('city')).toEqual([
        { url: `${c}/hdjl/index.html`, kind: 'page' },
        { url: `${c}/hdjl/qx/a.html`, kind: 'check' },
        { url: `${c}/hdjl/szxx/1.html`, kind: 'page' },
        { url: `${c}/hdjl/szxx/index.html`, kind: 'page' },
      ]);
      expect(of('district')).toEqual([{ url: `${c}/hdjl/qx/a.html`, kind: 'page' }, { url: `${c}/hdjl/qx/a1.html`, kind: 'page' }]);
      const report = scoreRun(db, runId, loadProfile('gov-2019'));
      expect(report.sites.map((s) => [s.id, s.letters.total])).toEqual([['city', 1], ['district', 1]]);
    } finally {
      await fleet.close();
    }
  });
});
