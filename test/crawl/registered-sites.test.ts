import { afterEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { RegisteredSites } from '../../src/crawl/registered-sites.js';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { RENDERERS } from '../../src/report/index.js';
import { renderedText } from '../../src/report/rendered.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { scoreRun } from '../../src/history/score-run.js';
import { loadProfile } from '../../src/score/profile.js';
import type { Shard } from '../../src/registry/shard.js';
import { crawlTestSites, expectKeysHold, rows, TEST_CRAWL } from '../helpers/crawl.js';
import { runCli } from '../helpers/cli.js';
import { tmpDb, tmpDir, writeTmp } from '../helpers/tmp.js';

describe('a registered site whose home page leads into another registered site is merged into it', () => {
  const registry = new RegisteredSites([
    { id: 'portal', url: 'http://www.x.gov.cn/' },
    { id: 'fgw-new', url: 'http://www.x.gov.cn/col/fgw/' },
    { id: 'dept', url: 'http://fgw.x.gov.cn/' },
    { id: 'town', url: 'http://127.0.0.1:8081/' },
    { id: 'bare', url: 'http://x.gov.cn/' },
  ]);
  cases([
    ['into the portal\'s column page', 'dept', 'http://fgw.x.gov.cn/', 'http://www.x.gov.cn/col/col123/index.html', { into: 'portal' }],
    ['into the site registered at that column (the longest address that holds it)', 'dept', 'http://fgw.x.gov.cn/', 'https://www.x.gov.cn/col/fgw/index.html', { into: 'fgw-new' }],
    ['www. or not, http or https: one host', 'dept', 'http://fgw.x.gov.cn/', 'https://x.gov.cn/', { into: 'portal' }],
    ['its own host with www. is no move', 'bare', 'http://x.gov.cn/', 'http://www.x.gov.cn/index.html', null],
    ['a new subdomain of the portal\'s domain is a move, not a merger', 'dept', 'http://fgw.x.gov.cn/', 'http://fzgg.x.gov.cn/', null],
    ['a host not in the registry is a move', 'dept', 'http://fgw.x.gov.cn/', 'http://www.newdomain.gov.cn/', null],
    ['into its parent domain\'s site, not registered', 'jw', 'http://jw.y.gov.cn/', 'http://www.y.gov.cn/col/jw/index.html', { into: null }],
    ['a closed site sent to the central portal', 'jw', 'http://www.jw.gov.cn/', 'https://www.gov.cn/', { into: null }],
    ['another port is another site', 'dept', 'http://fgw.x.gov.cn/', 'http://127.0.0.1:8081/a.html', { into: 'town' }],
    ['the same address and port', 'town', 'http://127.0.0.1:8081/', 'http://127.0.0.1:8081/index.html', null],
    ['an address is no domain: 127.0.0.1 is not under 0.0.1', 'town', 'http://127.0.0.1:8081/', 'http://0.0.1/', null],
  ])('%s', (_what, id: string, url: string, landing: string, into: { into: string | null } | null) => {
    expect(registry.mergedInto({ id, url }, landing)).toEqual(into);
  });
});

describe('the host names the registry gives (public sites\', whatever a split DNS answers for them)', () => {
  const registry = new RegisteredSites([{ id: 'jx', url: 'http://www.jx.gov.cn/', mailboxes: ['http://zxts.jiangxi.gov.cn/letters/'] }]);
  cases([
    ['a site\'s', 'www.jx.gov.cn', true],
    ['www. aside', 'JX.gov.cn', true],
    ['a mailbox\'s', 'zxts.jiangxi.gov.cn', true],
    ['not a subdomain of one (an office system at oa.jx.gov.cn)', 'oa.jx.gov.cn', false],
    ['nor another host', 'www.example.gov.cn', false],
  ])('%s', (_what, hostname: string, registered: boolean) => {
    expect(registry.registersName(hostname)).toBe(registered);
  });
});

describe('a site\'s subdomains are its own, but for those another registered site is on', () => {
  const registry = new RegisteredSites([
    { id: 'province', url: 'https://www.hainan.gov.cn/' },
    { id: 'county', url: 'http://tunchang.hainan.gov.cn/' },
    { id: 'hedong', url: 'http://www.tjhd.gov.cn' },
    { id: 'dong', url: 'http://www.tjhd.gov.cn' },
  ]);
  cases([
    ['a county under the province\'s domain is the county\'s', 'tunchang.hainan.gov.cn', 'province', true],
    ['and its subdomains too (the nearest registered host decides)', 'zw.tunchang.hainan.gov.cn', 'province', true],
    ['www. aside', 'www.tunchang.hainan.gov.cn', 'province', true],
    ['an unregistered subdomain is the province\'s', 'zw.hainan.gov.cn', 'province', false],
    ['the county\'s own host', 'tunchang.hainan.gov.cn', 'county', false],
    ['a host two rows of the registry share is each one\'s', 'www.tjhd.gov.cn', 'dong', false],
    ['a host under no registered one', 'www.example.gov.cn', 'province', false],
  ])('%s', (_what, hostname: string, siteId: string, elsewhere: boolean) => {
    expect(registry.ownedElsewhere(hostname, siteId)).toBe(elsewhere);
  });

  it('over real sockets: the province crawls its own subdomain, and only checks the county\'s pages it links to', async () => {
    const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面</title></head><body>${body}</body></html>`;
    const sites = await FixtureFleet.start({
      province: { files: { '/': page('<a href="http://tc.hn.gov.cn/">屯昌县</a> <a href="http://tc.hn.gov.cn/zwgk/index.html">屯昌县政务公开</a> <a href="http://zw.hn.gov.cn/">政务服务</a>') } },
      county: { files: { '/': page('<a href="/zwgk/index.html">政务公开</a>'), '/zwgk/index.html': page('<a href="/gone.html">失效</a>') } },
      services: { files: { '/': page('<a href="/bs.html">办事</a>'), '/bs.html': page('办事指南') } },
    });
    const hosts: Record<string, string> = { 'www.hn.gov.cn': 'province', 'tc.hn.gov.cn': 'county', 'zw.hn.gov.cn': 'services' };
    const proxy = await startLoopbackProxy((host) => (hosts[host] ? sites.origin(hosts[host]) : null));
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'province', url: 'http://www.hn.gov.cn/' }, { id: 'county', url: 'http://tc.hn.gov.cn/' }], { proxy: proxy.url });
      const of = (site: string) => rows(db, `SELECT url, kind, external FROM frontier WHERE run_id = ? AND site_id = ? ORDER BY url`, runId, site);
      expect(of('province')).toEqual([
        { url: 'http://tc.hn.gov.cn/', kind: 'check', external: 1 },
        { url: 'http://tc.hn.gov.cn/zwgk/index.html', kind: 'check', external: 1 },
        { url: 'http://www.hn.gov.cn/', kind: 'page', external: 0 },
        { url: 'http://zw.hn.gov.cn/', kind: 'page', external: 0 },
        { url: 'http://zw.hn.gov.cn/bs.html', kind: 'page', external: 0 },
      ]);
      // the county's dead link is the county's, not the province's too
      expect(of('county').map((r) => r['url'])).toEqual(['http://tc.hn.gov.cn/', 'http://tc.hn.gov.cn/gone.html', 'http://tc.hn.gov.cn/zwgk/index.html']);
      expect(sites.stats('county').hits.get('GET /zwgk/index.html')).toBe(1);
    } finally {
      await proxy.close();
      await sites.close();
    }
  });
});

let fleet: FixtureFleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

const page = (body: string, title = '页面') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const PORTAL = page(`<ul class="nav"><li><a href="/col/xwdt/index.html">工作动态</a></li><li><a href="/col/tzgg/index.html">通知公告</a></li></ul>
  <ul><li><a href="/art/1.html">县政府召开常务会议</a><span>2026-11-12</span></li></ul><p>网站标识码：3408000001</p>`, '某县人民政府');

async function audit(shard?: Shard) {
  fleet = await FixtureFleet.start({
    portal: { files: { '/': PORTAL, '/col/dept/index.html': page('<ul><li><a href="/art/2.html">发改局工作动态</a><span>2026-01-05</span></li></ul><a href="/gone.html">失效链接</a>', '发改局'), '/art/1.html': page('<p>会议</p>'), '/art/2.html': page('<p>动态</p>') } },
    dept: { files: { '/mail/index.html': page('<a href="/mail/1.html">来信一</a> <a href="/mail/gone.html">来信二</a>', '局长信箱') }, behaviours: { '/': { redirect: '{{origin:portal}}/col/dept/index.html', status: 301 } } },
    stub: { files: { '/': '<html><head><meta http-equiv="refresh" content="0;url={{origin:portal}}/"></head><body></body></html>' } },
    old: { files: {}, behaviours: { '/': { redirect: '{{origin:newhome}}/', status: 301 } } },
    newhome: { files: { '/': PORTAL, '/col/xwdt/index.html': page('<ul><li><a href="/art/1.html">动态</a><span>2026-11-12</span></li></ul>'), '/art/1.html': page('<p>会议</p>') } },
  });
  const o = (name: string) => fleet!.origin(name);
  const csv = ['id,name,url,mailbox', `portal,某县人民政府,${o('portal')}/,`, `dept,某县发展和改革局,${o('dept')}/,${o('dept')}/mail/index.html`, `stub,某县某镇,${o('stub')}/,`, `old,某县旧站,${o('old')}/,`].join('\n');
  const { db } = tmpDb();
  const { run } = await crawlRegistry(db, { registry: writeTmp('registry.csv', csv), asOf: '2026-11-15', resume: false, options: TEST_CRAWL, shard });
  expectKeysHold(db);
  return { db, runId: run.id, o };
}

describe('merged sites over real sockets', () => {
  it('a redirect or a stub into another registered site: that site\'s pages are not crawled as this one\'s, and it is not assessed, merged', async () => {
    const { db, runId, o } = await audit();
    expect(rows(db, `SELECT site_id, merged_into FROM run_sites WHERE run_id = ? ORDER BY site_id`, runId)).toEqual([
      { site_id: 'dept', merged_into: 'portal' }, { site_id: 'old', merged_into: null }, { site_id: 'portal', merged_into: null }, { site_id: 'stub', merged_into: 'portal' },
    ]);
    // the merged sites ask for their home page and nothing more: not even the registered mailbox (a later wave)
    expect(rows(db, `SELECT site_id, url, final_url FROM fetches WHERE run_id = ? AND site_id IN ('dept', 'stub') AND purpose IN ('page', 'check') ORDER BY site_id, url`, runId)).toEqual([
      { site_id: 'dept', url: `${o('dept')}/`, final_url: `${o('portal')}/col/dept/index.html` },
      { site_id: 'stub', url: `${o('stub')}/`, final_url: `${o('portal')}/` },
    ]);
    expect(rows(db, `SELECT url, state, skip_reason FROM frontier WHERE run_id = ? AND site_id = 'dept' AND state = 'skipped' ORDER BY url`, runId)).toEqual([
      { url: `${o('dept')}/mail/index.html`, state: 'skipped', skip_reason: 'merged' },
    ]);
    // a site that moved to a host the registry does not name is crawled there, as before
    expect(rows(db, `SELECT url FROM fetches WHERE run_id = ? AND site_id = 'old' AND purpose = 'page' ORDER BY url`, runId).map((r) => r['url']))
      .toEqual([`${o('newhome')}/art/1.html`, `${o('newhome')}/col/tzgg/index.html`, `${o('newhome')}/col/xwdt/index.html`, `${o('old')}/`].sort());

    const report = scoreRun(db, runId, loadProfile('gov-2019'));
    const site = (id: string) => report.sites.find((s) => s.id === id)!;
    expect(['dept', 'stub'].map((id) => ({ verdict: site(id).verdict, score: site(id).score, health: site(id).health, findings: site(id).findings, columns: site(id).columns, mergedInto: site(id).mergedInto })))
      .toEqual([
        { verdict: 'not-assessed', score: null, health: 'down', findings: [], columns: [], mergedInto: { id: 'portal', name: '某县人民政府', url: `${o('portal')}/`, landing: `${o('portal')}/col/dept/index.html` } },
        { verdict: 'not-assessed', score: null, health: 'down', findings: [], columns: [], mergedInto: { id: 'portal', name: '某县人民政府', url: `${o('portal')}/`, landing: `${o('portal')}/` } },
      ]);
    expect([site('portal').mergedInto, site('old').mergedInto, site('old').verdict === 'not-assessed']).toEqual([null, null, false]);
    const lines = renderedText(renderTerminal(report, { lang: 'zh' })).split('\n');
    expect(lines[lines.findIndex((l) => l.includes('某县发展和改革局')) + 1]).toBe(`      首页跳转至名录中的另一网站，视为已整合，未予评估: 某县人民政府（portal） ${o('portal')}/col/dept/index.html`);
  });

  it('a sample knows the sites of the whole registry imported before: merged into a site it does not audit', async () => {
    const { db, o } = await audit();
    const sample = writeTmp('sample.csv', ['id,name,url', `dept,某县发展和改革局,${o('dept')}/`, `old,某县旧站,${o('old')}/`].join('\n'));
    const { run } = await crawlRegistry(db, { registry: sample, asOf: '2026-11-16', resume: false, options: TEST_CRAWL });
    expect(rows(db, `SELECT site_id, merged_into FROM run_sites WHERE run_id = ? ORDER BY site_id`, run.id)).toEqual([{ site_id: 'dept', merged_into: 'portal' }, { site_id: 'old', merged_into: null }]);
  });

  it('a shard knows the sites of the other shards: merged into a site it does not crawl', async () => {
    // "portal" is in shard 1 of 2, the others in shard 2
    const { db, runId } = await audit({ index: 2, count: 2 });
    expect(rows(db, `SELECT site_id, merged_into FROM run_sites WHERE run_id = ? ORDER BY site_id`, runId)).toEqual([
      { site_id: 'dept', merged_into: 'portal' }, { site_id: 'old', merged_into: null }, { site_id: 'stub', merged_into: 'portal' },
    ]);
    const report = scoreRun(db, runId, loadProfile('gov-2019'));
    expect(report.sites.map((s) => [s.id, s.verdict === 'not-assessed', s.mergedInto?.name ?? null])).toEqual([['dept', true, '某县人民政府'], ['stub', true, '某县人民政府'], ['old', false, null]]);
  });
});

describe('a site sent into its parent domain\'s portal, which nobody registered', () => {
  it('is merged into it, not crawled as if it had moved there: named by the page it landed on', async () => {
    const page = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某省人民政府</title></head><body>${body}</body></html>`;
    const sites = await FixtureFleet.start({
      portal: { files: { '/': page('<a href="/col/jw/index.html">教育</a>'), '/col/jw/index.html': page('<a href="/art/1.html">教育动态</a><a href="/gone.html">失效</a>'), '/art/1.html': page('动态') } },
      old: { files: {}, behaviours: { '/': { redirect: 'http://www.hn.gov.cn/col/jw/index.html', status: 301 } } },
    });
    const hosts: Record<string, string> = { 'www.hn.gov.cn': 'portal', 'jw.hn.gov.cn': 'old' };
    const proxy = await startLoopbackProxy((host) => (hosts[host] ? sites.origin(hosts[host]) : null));
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'jw', url: 'http://jw.hn.gov.cn/' }], { proxy: proxy.url });
      expect(rows(db, `SELECT merged, merged_into FROM run_sites WHERE run_id = ?`, runId)).toEqual([{ merged: 1, merged_into: null }]);
      expect(rows(db, `SELECT url FROM fetches WHERE run_id = ? AND purpose IN ('page', 'check')`, runId)).toEqual([{ url: 'http://jw.hn.gov.cn/' }]);
      const report = scoreRun(db, runId, loadProfile('gov-2019'));
      expect(report.sites.map((s) => [s.verdict, s.findings.length, s.mergedInto])).toEqual([['not-assessed', 0, { id: null, name: null, url: null, landing: 'http://www.hn.gov.cn/col/jw/index.html' }]]);
      expect(renderedText(renderTerminal(report, { lang: 'zh' })).split('\n')[2]).toBe('      首页跳转至上级域名的网站，视为已整合，未予评估: http://www.hn.gov.cn/col/jw/index.html');
    } finally {
      await proxy.close();
      await sites.close();
    }
  });
});

describe('a portal registered at one of its inner pages', () => {
  const page = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

  it('is audited as registered, and the report says its 首页 link leads to its host\'s root — in every run — as notice and bulletin do', async () => {
    const sites = await FixtureFleet.start({ a: { files: { '/': page('某县人民政府', '<p>首页</p>'), '/zjx/index.html': page('走进某县', '<a href="/">首页</a> &gt; 走进某县<p>某县概况</p>') } } });
    try {
      const { db, file } = tmpDb();
      const root = `${sites.origin('a')}/`;
      for (const asOf of ['2026-11-15', '2026-11-16']) {
        // the second run's home page answers 304: its links are read from the copy it stands for
        const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${root}zjx/index.html` }], {}, asOf);
        expect(rows(db, `SELECT url FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY id LIMIT 1`, runId)).toEqual([{ url: `${root}zjx/index.html` }]);
        const report = scoreRun(db, runId, loadProfile('gov-2019'));
        expect({ asOf, innerPageOf: report.sites[0]!.innerPageOf, verdict: report.sites[0]!.verdict }).toEqual({ asOf, innerPageOf: root, verdict: 'unqualified' });
        expect(renderedText(renderTerminal(report, { lang: 'zh' })).split('\n')[3]).toBe(`      登记地址为网站内页（其“首页”链接指向 ${root}），请核对网站名录`);
        expect([renderedText(RENDERERS.csv(report, { lang: 'zh' })), renderedText(RENDERERS.html(report, { lang: 'en' })), renderedText(RENDERERS.md(report, { lang: 'en' }))].map((text) => text.includes(`""innerPageOf"":""${root}""`) || text.includes('the registered address is an inner page')))
          .toEqual([true, true, true]);
      }
      db.close();
      const notice = runCli(['notice', '--db', file, '--out', tmpDir(), '--format', 'md']);
      expect(notice.stderr).toContain(`check before sending: site a is registered at ${root}zjx/index.html, an inner page whose 首页 link leads to ${root}\n`);
      const bulletin = runCli(['bulletin', '--db', file, '--quarter', '2026Q4', '--out', tmpDir(), '--format', 'md']);
      expect(bulletin.stderr).toContain(`check before publishing: site a is registered at ${root}zjx/index.html, an inner page whose 首页 link leads to ${root}\n`);
    } finally {
      await sites.close();
    }
  });

  it('is not said of a department\'s site at a path of its registered portal, nor of a site at its root, a stub in front of its home page', async () => {
    const sites = await FixtureFleet.start({
      portal: { files: { '/': page('某市人民政府', '<a href="/">首页</a> <a href="/bm/fgw/">市发展改革委</a>'), '/bm/fgw/index.html': page('市发展改革委', '<a href="/">首页</a> &gt; 部门 &gt; 市发展改革委') } },
      trs: { files: { '/': '<html><head><meta http-equiv="refresh" content="0;url=/col/col1/index.html"></head></html>', '/col/col1/index.html': page('某县人民政府', '<a href="/">首页</a> <p>要闻</p>') } },
    });
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'portal', url: `${sites.origin('portal')}/` }, { id: 'fgw', url: `${sites.origin('portal')}/bm/fgw/` }, { id: 'trs', url: `${sites.origin('trs')}/` }]);
      expect(scoreRun(db, runId, loadProfile('gov-2019')).sites.map((s) => [s.id, s.innerPageOf])).toEqual([['portal', null], ['fgw', null], ['trs', null]]);
    } finally {
      await sites.close();
    }
  });
});

