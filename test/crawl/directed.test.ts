import { after, describe, it } from 'node:test';
import { expect } from 'expect';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const page = (body: string, title = '页面') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const nav = '<div class="nav"><a href="/">首页</a><a href="/gzdt/index.html">工作动态</a><a href="/tzgg/index.html">通知公告</a><a href="/xzxx/list.html">县长信箱</a></div>';
const list = (items: [string, string, string][], more = '') =>
  page(`${nav}<div class="crumb">当前位置：首页 &gt; 工作动态</div><ul class="list">${items.map(([href, title, date]) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`).join('')}</ul>${more}`, '工作动态');

const files: Record<string, string> = {
  '/': page(`${nav}<div class="body">${Array.from({ length: 20 }, (_, i) => `<a href="/p${i}.html">一篇不在栏目里的普通文章第${i}号</a>`).join(' ')}</div>`, '首页'),
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/p${i}.html`, page(`<p>文章${i}</p>`)])),
  '/gzdt/index.html': list([['/gzdt/a1.html', '全县秋季森林防火工作部署会召开', '2026-11-10']], '<a href="index_1.html">下一页</a>'),
  '/gzdt/index_1.html': list([['/gzdt/a2.html', '县领导督导农村人居环境整治工作', '2026-10-01']], '<a href="index_2.html">下一页</a>'),
  '/gzdt/index_2.html': list([['/gzdt/a3.html', '全县经济工作会议召开部署来年', '2025-01-05']], '<a href="index_3.html">下一页</a>'),
  '/gzdt/index_3.html': list([['/gzdt/a4.html', '全县春耕生产现场会议召开部署', '2024-03-01']]),
  // a column whose rows carry no date: its newest article is fetched for its publish date
  '/tzgg/index.html': page(`${nav}<ul class="list"><li><a href="/tzgg/n1.html">关于冬季供暖工作安排的通知公告</a></li><li><a href="/tzgg/n2.html">关于春节期间值班安排的通知公告</a></li><li><a href="/tzgg/n3.html">关于调整部分公交线路运营的通告</a></li></ul>`, '通知公告'),
  '/tzgg/n1.html': page('<div class="content">发布时间：2026-09-01 关于冬季供暖工作安排的通知全文。</div>'),
  '/xzxx/list.html': page(`${nav}<table><tr><td><a href="/xzxx/l1.html">关于停车难的建议</a></td><td>2026-10-02</td><td>已回复</td></tr><tr><td><a href="/xzxx/l0.html">关于路灯的反映</a></td><td>2024-01-02</td><td>已回复</td></tr></table>`, '县长信箱'),
  '/xzxx/l1.html': page('<h1>关于停车难的建议</h1><p>来信时间：2026-10-02</p><p>回复时间：2026-10-04</p><p>办理状态：已回复</p>'),
};

let fleet: FixtureFleet | undefined;
after(() => fleet?.close());

describe('audit-directed crawling', async () => {
  fleet = await FixtureFleet.start({ a: { files } });
  const { db } = tmpDb();
  const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${fleet.origin('a')}/` }], { maxPages: 6, maxDepth: 1 });
  const origin = fleet.origin('a');
  const frontier = Object.fromEntries(rows(db, `SELECT url, kind, role FROM frontier WHERE run_id = ?`, runId).map((r) => [String(r['url']).replace(origin, ''), `${r['kind']} ${r['role']}`]));
  const fetchedPages = rows(db, `SELECT url FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY id`, runId).map((r) => String(r['url']).replace(origin, ''));

  it('fetches the home page, the column lists and their pages, the mailbox and its letters, then plain pages', () => {
    expect(fetchedPages.slice(0, 8)).toEqual(['/', '/gzdt/index.html', '/tzgg/index.html', '/gzdt/index_1.html', '/gzdt/index_2.html', '/xzxx/list.html', '/xzxx/l1.html', '/tzgg/n1.html']);
    expect(fetchedPages.slice(8).every((url) => /^\/p\d+\.html$/.test(url))).toBe(true);
  });

  it('follows a column\'s pagination beyond the depth limit while its items are recent, and stops after the first old page', () => {
    expect([frontier['/gzdt/index_1.html'], frontier['/gzdt/index_2.html'], frontier['/gzdt/index_3.html']]).toEqual(['page column', 'page column', 'check page']);
  });

  it('fetches the newest article of a dateless column as a page', () => {
    expect(frontier['/tzgg/n1.html']).toBe('page article');
    expect(frontier['/tzgg/n2.html']).toBe('check page');
  });

  it('fetches the letters of the last year from the mailbox list, not older ones', () => {
    expect(frontier['/xzxx/l1.html']).toBe('page letter');
    expect(frontier['/xzxx/l0.html']).toBe('check page');
  });

  it('keeps plain pages within the page budget (6: the home page, the three lists its navigation names, two plain pages); the directed ones go beyond it', () => {
    expect(fetchedPages.slice(8)).toEqual(['/p0.html', '/p1.html']);
    expect(Array.from({ length: 18 }, (_, i) => frontier[`/p${i + 2}.html`])).toEqual(Array(18).fill('check page'));
  });
});
