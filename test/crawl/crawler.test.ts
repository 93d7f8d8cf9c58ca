import { randomBytes } from 'node:crypto';
import { createServer as createNetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { FixtureFleet, type SiteContent } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { EXTRACTOR_VERSION } from '../../src/extract/page.js';
import { storedBody } from '../../src/crawl/page-analysis.js';
import { Fetches } from '../../src/store/fetches.js';
import { crawlStats } from '../../src/store/link-status.js';
import { scoreRun } from '../../src/history/score-run.js';
import { loadProfile } from '../../src/score/profile.js';
import { crawlTestSites, miscountedLinks, rows } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const html = (body: string, title = '页面') => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
const linksTo = (paths: string[]) => html(paths.map((p) => `<a href="${p}">${p}</a>`).join(' '), '首页');
const manyPages = (n: number): Record<string, string> => Object.fromEntries([
  ['/', linksTo(Array.from({ length: n }, (_, i) => `/p${i}.html`))],
  ...Array.from({ length: n }, (_, i) => [`/p${i}.html`, html(`<p>第${i}页</p>`)]),
]);

let fleet: FixtureFleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

async function crawl(sites: Record<string, SiteContent>, options: Parameters<typeof crawlTestSites>[2] = {}) {
  fleet = await FixtureFleet.start(sites);
  const { db } = tmpDb();
  const started = Date.now();
  const { runId, warnings } = await crawlTestSites(db, Object.keys(sites).map((name) => ({ id: name, url: `${fleet!.origin(name)}/` })), options);
  const byUrl = (path: string, site = Object.keys(sites)[0]!) =>
    rows(db, `SELECT * FROM fetches WHERE run_id = ? AND url = ? AND purpose IN ('page', 'check') ORDER BY id`, runId, `${fleet!.origin(site)}${path}`);
  return { db, runId, byUrl, ms: Date.now() - started, fleet, warnings };
}

describe('politeness, counted at the server', () => {
  cases([
    { perHost: 2, pages: 40 },
    { perHost: 4, pages: 40 },
  ])('never more than $perHost connections or requests at once per host', async ({ perHost, pages }) => {
    const site = { files: manyPages(pages), behaviours: Object.fromEntries(Array.from({ length: pages }, (_, i) => [`/p${i}.html`, { delayMs: 20 }])) };
    const { fleet } = await crawl({ a: site }, { perHost, concurrency: 32 });
    const stats = fleet.stats('a');
    expect(stats.peakSockets).toBe(perHost);
    expect(stats.peakInFlight).toBe(perHost);
    expect(stats.hits.get('GET /p39.html')).toBe(1);
  });

  it('limits requests per resolved IP across sites that share it', async () => {
    const site = () => ({ files: manyPages(10), behaviours: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/p${i}.html`, { delayMs: 20 }])) });
    const { fleet } = await crawl({ a: site(), b: site(), c: site() }, { perHost: 2, perIp: 3 });
    expect(fleet.peakInFlight).toBe(3);
  });

  cases([
    { name: 'as robots.txt asks', crawlDelay: '1', maxCrawlDelayMs: 30_000, gapMs: 1000,
      warning: 'robots.txt of HOST sets Crawl-delay: 1; pacing that host at one request per 1 s (--ignore-robots is for authorised inspections only)' },
    // a day between two requests would hold the sweep for a year: paced at the longest wait instead, and said
    { name: 'at most --max-crawl-delay', crawlDelay: '86400', maxCrawlDelayMs: 1000, gapMs: 1000,
      warning: 'robots.txt of HOST sets Crawl-delay: 86400; pacing that host at one request per 1 s, the longest --max-crawl-delay allows (--ignore-robots is for authorised inspections only)' },
  ])('paces a host at its robots.txt Crawl-delay, $name', async ({ crawlDelay, maxCrawlDelayMs, gapMs, warning }) => {
    const { fleet, ms, warnings } = await crawl({ a: { files: { ...manyPages(2), '/robots.txt': `User-agent: *\nCrawl-delay: ${crawlDelay}\n` } } }, { maxCrawlDelayMs });
    const arrivals = fleet.stats('a').arrivals;
    // robots.txt, /, the soft-404 probe, /p0.html, /p1.html: every start at least the gap after the last one ended
    expect(arrivals).toHaveLength(5);
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]!.at - arrivals[i - 1]!.at).toBeGreaterThanOrEqual(gapMs);
    expect(ms).toBeGreaterThanOrEqual(4 * gapMs);
    expect(ms).toBeLessThan(4 * gapMs + 3000);
    expect(warnings).toEqual([warning.replace('HOST', new URL(fleet.origin('a')).host)]);
  });
});

describe('robots.txt', () => {
  const site = { files: { '/': linksTo(['/open.html', '/private/a.html']), '/open.html': html('开放'), '/private/a.html': html('内部'), '/robots.txt': 'User-agent: *\nDisallow: /private/\n' } };

  it('a site whose robots.txt disallows its home page is not read, and the crawl says why', async () => {
    const { fleet, warnings } = await crawl({ a: { files: { '/': linksTo(['/open.html']), '/open.html': html('开放'), '/robots.txt': 'User-agent: *\nDisallow: /\n' } } });
    expect([...fleet.stats('a').hits.keys()]).toEqual(['GET /robots.txt']);
    expect(warnings).toEqual([`robots.txt of ${new URL(fleet.origin('a')).host} disallows its home page ${fleet.origin('a')}/: site a is not read, and not assessed (--ignore-robots is for authorised inspections only)`]);
  });

  it('a disallowed path is never requested and is recorded as skipped', async () => {
    const { fleet, db, runId } = await crawl({ a: site });
    expect(fleet.stats('a').hits.get('GET /private/a.html')).toBeUndefined();
    expect(fleet.stats('a').hits.get('GET /open.html')).toBe(1);
    expect(rows(db, `SELECT url, state, skip_reason FROM frontier WHERE run_id = ? AND state = 'skipped'`, runId))
      .toEqual([{ url: `${fleet.origin('a')}/private/a.html`, state: 'skipped', skip_reason: 'robots' }]);
  });

  it('--ignore-robots fetches it (authorised inspections)', async () => {
    const { fleet } = await crawl({ a: site }, { ignoreRobots: true });
    expect(fleet.stats('a').hits.get('GET /private/a.html')).toBe(1);
    expect(fleet.stats('a').hits.get('GET /robots.txt')).toBeUndefined();
  });

  it('a robots.txt answering 404 means no rules', async () => {
    const { fleet } = await crawl({ a: { files: { '/': linksTo(['/private/a.html']), '/private/a.html': html('x') } } });
    expect(fleet.stats('a').hits.get('GET /private/a.html')).toBe(1);
  });
});

describe('retries, redirects and timeouts', () => {
  it('waits for Retry-After on a 429, then gets the page', async () => {
    const { fleet, byUrl } = await crawl({ a: { files: { '/': linksTo(['/busy.html']), '/busy.html': html('忙') }, behaviours: { '/busy.html': { retryAfter: { seconds: 1, times: 1 } } } } });
    expect(fleet.stats('a').hits.get('GET /busy.html')).toBe(2);
    expect(byUrl('/busy.html')).toMatchObject([{ status: 200, verdict: 'ok' }]);
    const [first, second] = fleet.stats('a').arrivals.filter((a) => a.request === 'GET /busy.html');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  it('a 429 whose Retry-After stays beyond the wait is inconclusive, re-checked once, never broken', async () => {
    const { byUrl } = await crawl({ a: { files: { '/': linksTo(['/wall.html']), '/wall.html': html('x') }, behaviours: { '/wall.html': { retryAfter: { seconds: 3600, times: 99 } } } } });
    expect(byUrl('/wall.html')).toMatchObject([{ status: 429, verdict: 'inconclusive', attempt: 1 }, { status: 429, verdict: 'inconclusive', attempt: 2 }]);
  });

  it('retries a 503 with backoff', async () => {
    const { fleet, byUrl } = await crawl({ a: { files: { '/': linksTo(['/flaky.html']), '/flaky.html': html('x') }, behaviours: { '/flaky.html': { failTimes: 2 } } } });
    expect(fleet.stats('a').hits.get('GET /flaky.html')).toBe(3);
    expect(byUrl('/flaky.html')).toMatchObject([{ status: 200, verdict: 'ok' }]);
  });

  it('reports a redirect loop once instead of following it', async () => {
    const { fleet, byUrl } = await crawl({ a: { files: { '/': linksTo(['/loop-a.html']) }, behaviours: { '/loop-a.html': { redirect: '/loop-b.html' }, '/loop-b.html': { redirect: '/loop-a.html' } } } });
    expect(byUrl('/loop-a.html')).toMatchObject([{ error_code: 'EREDIRECTLOOP', verdict: 'broken', redirects: JSON.stringify([
      { url: `${fleet.origin('a')}/loop-a.html`, status: 302 }, { url: `${fleet.origin('a')}/loop-b.html`, status: 302 }]) }]);
    expect(fleet.stats('a').hits.get('GET /loop-a.html')).toBe(1);
    expect(fleet.stats('a').hits.get('GET /loop-b.html')).toBe(1);
  });

  it('a cookie check (302 back to the page, Set-Cookie) opens to the second request, which carries the cookies', async () => {
    const { fleet, byUrl } = await crawl({ a: { files: { '/': linksTo(['/guarded.html']), '/guarded.html': html('受保护') }, behaviours: { '/guarded.html': { cookieCheck: 'waf_ok=7f3a' } } } });
    expect(byUrl('/guarded.html')).toMatchObject([{ status: 200, verdict: 'ok', final_url: `${fleet.origin('a')}/guarded.html`,
      redirects: JSON.stringify([{ url: `${fleet.origin('a')}/guarded.html`, status: 302 }]) }]);
    expect(fleet.stats('a').hits.get('GET /guarded.html')).toBe(2);
  });

  it('records a redirect chain and the final URL', async () => {
    const { fleet, byUrl } = await crawl({ a: { files: { '/': linksTo(['/old.html']), '/new.html': html('新') }, behaviours: { '/old.html': { redirect: '/new.html', status: 301 } } } });
    expect(byUrl('/old.html')).toMatchObject([{ status: 200, final_url: `${fleet.origin('a')}/new.html`, redirects: JSON.stringify([{ url: `${fleet.origin('a')}/old.html`, status: 301 }]) }]);
  });

  const stubPage = (head: string, body = '') => `<html><head><meta charset="utf-8">${head}<title>跳转</title></head><body>${body}</body></html>`;
  const refresh = (content: string) => stubPage(`<meta http-equiv="Refresh" content="${content}">`);
  cases([
    ['a refresh at once', refresh('0;url=/col/col1/index.html'), '/col/col1/index.html'],
    ['a refresh in 3 s to an absolute URL', refresh("3; URL='http://{{origin}}/col/col1/index.html'"), '/col/col1/index.html'],
    ['a refresh 5 minutes later (a reload: the page is read)', refresh('300;url=/col/col1/index.html'), '/'],
    ['a refresh without a URL', refresh('5'), '/'],
    ['a refresh to the page itself (no loop)', refresh('0;url=/'), '/'],
    ['a script that sets the location', stubPage('<script>window.location.href = "/col/col1/index.html";</script>'), '/col/col1/index.html'],
    ['a script that replaces the location', stubPage('', '<script type="text/javascript">location.replace(\'/col/col1/index.html\')</script>'), '/col/col1/index.html'],
    ['a script that sets the location, an old one commented out', stubPage('<script>// location.href = "/old/index.html";\n/* location.href = "/older/"; */ location.href = "/col/col1/index.html";</script>'), '/col/col1/index.html'],
    ['a script that picks the mobile site (not a page to read)', stubPage('<script>if (/Android|iPhone/i.test(navigator.userAgent)) { location.href = "/m/"; }</script>'), '/'],
    ['a page with links and a script that sets the location', stubPage('<script>location.href="/col/col1/index.html"</script>', '<a href="/p0.html">网站地图</a>'), '/'],
    ['a refresh commented out (an old redirect: not one a browser follows)', stubPage('<!-- <meta http-equiv="refresh" content="0;url=/col/col1/index.html"> -->', '<a href="/p0.html">网站地图</a>'), '/'],
    ['a refresh inside <noscript> (raw text to a browser that runs scripts)', stubPage('<NOSCRIPT><meta http-equiv="refresh" content="0;url=/col/col1/index.html"></NOSCRIPT>', '<a href="/p0.html">网站地图</a>'), '/'],
    ['a refresh after a long head (an old home page kept with its content)', stubPage(`${'<style>.a { color: #333 }</style>'.repeat(300)}<meta http-equiv="refresh" content="0;url=/col/col1/index.html">`, '<p>旧版首页</p>'), '/col/col1/index.html'],
    ['a Refresh header, the page itself blank', stubPage(''), '/col/col1/index.html', { refresh: '0; url=/col/col1/index.html' }],
    ['a Refresh header 10 minutes later (a reload)', stubPage(''), '/', { refresh: '600; url=/col/col1/index.html' }],
    ['an entrance page (引导页): a picture, a few words, 进入网站 and the footer\'s ICP link', stubPage('<style>body{background:url(bg.jpg)}</style>', '<img src="banner.jpg"><p>欢迎访问某县人民政府网站</p><a href="/col/col1/index.html"> 进入网站 </a><p><a href="https://beian.miit.gov.cn/">皖ICP备05000000号</a></p>'), '/col/col1/index.html'],
    ['an entrance that is a picture', stubPage('', '<a href="col/col1/index.html"><img src="enter.png" alt="点击进入"></a>'), '/col/col1/index.html'],
    ['an entrance opened by script: no address to ask', stubPage('', '<a href="javascript:void(0)" onclick="location.href=\'/col/col1/index.html\'">进入首页</a>'), '/'],
    ['a page of many links, one of them 进入 (a home page, not an entrance)', stubPage('', `${Array.from({ length: 9 }, (_, i) => `<a href="/p${i}.html">栏目${i}</a>`).join('')}<a href="/col/col1/index.html">进入</a>`), '/'],
    ['two entrances (中文 and English sites): none is the home page', stubPage('', '<a href="/col/col1/index.html">进入网站</a><a href="/en/">进入</a>'), '/'],
  ])('a home page that is a stub — %s — is read at its target', async (_what: string, stub: string, at: string, headers?: Record<string, string>) => {
    fleet = await FixtureFleet.start({ a: { files: { '/': 'placeholder', '/col/col1/index.html': linksTo(['/p0.html']), '/p0.html': html('文章') } } });
    const origin = fleet.origin('a');
    fleet.update('a', { files: { '/': stub.replace('{{origin}}', origin.replace('http://', '')), '/col/col1/index.html': linksTo(['/p0.html']), '/p0.html': html('文章') }, ...(headers ? { behaviours: { '/': { headers } } } : {}) });
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${origin}/` }]);
    const home = rows(db, `SELECT final_url, redirects FROM fetches WHERE run_id = ? AND url = ? AND purpose = 'page'`, runId, `${origin}/`);
    expect(home).toEqual([{ final_url: `${origin}${at}`, redirects: JSON.stringify(at === '/' ? [] : [{ url: `${origin}/`, status: 200 }]) }]);
  });

  it('a home page stored as its refresh stub by an earlier govsite is asked for in full and followed, though the stub is unchanged', async () => {
    const stub = refresh('0;url=/col/col1/index.html');
    fleet = await FixtureFleet.start({ a: { files: { '/': stub, '/col/col1/index.html': linksTo(['/p0.html']), '/p0.html': html('文章') } } });
    const origin = fleet.origin('a');
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${origin}/` }];
    const first = await crawlTestSites(db, site);
    // as a govsite that read the stub itself stored it: the stub's text and ETag, its facts by other extractors
    const body = storedBody(stub);
    db.prepare(`INSERT INTO bodies (hash, data, format) VALUES (?, ?, ?)`).run(body.hash, body.gz, body.format);
    const home = rows(db, `SELECT id FROM fetches WHERE run_id = ? AND url = ? AND purpose = 'page'`, first.runId, `${origin}/`)[0]!['id'];
    db.prepare(`UPDATE fetches SET final_url = url, redirects = '[]', body_hash = ?, etag = ? WHERE id = ?`).run(body.hash, (await fetch(`${origin}/`)).headers.get('etag'), home);
    db.prepare(`UPDATE page_facts SET extractor = ? WHERE fetch_id = ?`).run(EXTRACTOR_VERSION - 1, home);
    const second = await crawlTestSites(db, site);
    expect(rows(db, `SELECT final_url, not_modified FROM fetches WHERE run_id = ? AND url = ? AND purpose = 'page'`, second.runId, `${origin}/`))
      .toEqual([{ final_url: `${origin}/col/col1/index.html`, not_modified: 0 }]);
    expect(rows(db, `SELECT count(*) AS n FROM fetches WHERE run_id = ? AND url = ?`, second.runId, `${origin}/p0.html`)).toEqual([{ n: 1 }]);
  });

  it('a site whose address now leads to a new domain is crawled there: its pages are pages, not external links', async () => {
    fleet = await FixtureFleet.start({
      old: { files: {}, behaviours: { '/': { redirect: '{{origin:moved}}/', status: 301 } } },
      moved: { files: { '/': linksTo(['/col/col1/index.html', 'http://127.0.0.1:9/elsewhere.html']), '/col/col1/index.html': linksTo(['/p0.html']), '/p0.html': html('文章') } },
    });
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, [{ id: 'old', url: `${fleet.origin('old')}/` }]);
    const moved = fleet.origin('moved');
    expect(rows(db, `SELECT url, kind, external FROM frontier WHERE run_id = ? ORDER BY url`, runId)).toEqual([
      { url: 'http://127.0.0.1:9/elsewhere.html', kind: 'check', external: 1 },
      { url: `${fleet.origin('old')}/`, kind: 'page', external: 0 },
      { url: `${moved}/col/col1/index.html`, kind: 'page', external: 0 },
      { url: `${moved}/p0.html`, kind: 'page', external: 0 },
    ].sort((a, b) => (a.url < b.url ? -1 : 1)));
  });

  it('a dead link\'s "not found, back to the home page" refresh stub is not followed: it stays a soft 404', async () => {
    const stub = `<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="3;url=/"><title>提示</title></head><body><p>您访问的页面不存在，3秒后返回首页</p></body></html>`;
    const { byUrl, fleet } = await crawl({ a: { files: { '/': linksTo(['/gone.html']), '/gone.html': stub } } });
    expect(byUrl('/gone.html').map((r) => [r['status'], r['final_url'], r['verdict'], r['soft404']])).toEqual([[200, `${fleet.origin('a')}/gone.html`, 'broken', 1]]);
  });

  it('a hanging server costs a timeout (and one re-check), not a stuck crawl', async () => {
    const { byUrl, ms } = await crawl({ a: { files: { ...manyPages(3), '/': linksTo(['/p0.html', '/p1.html', '/p2.html', '/hang.html']) }, behaviours: { '/hang.html': { hang: true } } } }, { timeoutMs: 600 });
    expect(byUrl('/hang.html')).toMatchObject([{ error_code: 'ETIMEDOUT', verdict: 'inconclusive', attempt: 1 }, { error_code: 'ETIMEDOUT', verdict: 'broken', attempt: 2 }]);
    expect(byUrl('/p2.html')).toMatchObject([{ status: 200, verdict: 'ok' }]);
    expect(ms).toBeLessThan(3000);
  });

  const paths = (n: number) => Array.from({ length: n }, (_, i) => `/x${i}.html`);
  cases([
    {
      name: 'a host that stops answering is given up on after 3 timeouts in a row, and asked once more by the re-check',
      other: { files: {}, fallback: { hang: true } }, links: paths(8),
      // 2 connections: 2 timeouts, then 2 more; the other 4 are not asked; the re-check asks once, and the rest wait for that answer
      requests: 5,
      verdicts: [['ETIMEDOUT', 'inconclusive', 4], ['EHOSTDOWN', 'inconclusive', 4], ['ETIMEDOUT', 'broken', 1], ['EHOSTDOWN', 'broken', 7]],
    },
    {
      name: 'a host that answers the re-check is a host like the others again: every link is checked for real',
      other: { files: Object.fromEntries(paths(5).map((p: string) => [p, html('在')])), behaviours: Object.fromEntries(paths(4).map((p: string) => [p, { hangTimes: 1 }])) }, links: paths(5),
      requests: 9,
      verdicts: [['ETIMEDOUT', 'inconclusive', 4], ['EHOSTDOWN', 'inconclusive', 1], ['200', 'ok', 5]],
    },
    {
      name: 'a host whose gateway times out (504: behind a proxy, the proxy\'s) is given up on after 3 URLs, as a silent one is',
      other: { files: {}, fallback: { status: 504, body: '<html><body><h1>504 Gateway Time-out</h1></body></html>' } }, links: paths(8),
      // one connection: 3 URLs × (1 + 2 retries), then the re-check's one URL × 3, each a HEAD and the GET it falls back to
      perHost: 1, requests: 24,
      verdicts: [['EHOSTDOWN', 'inconclusive', 5], ['504', 'inconclusive', 3], ['EHOSTDOWN', 'broken', 7], ['504', 'broken', 1]],
    },
    {
      name: 'a host that answers 429 to every request, after the retries, is given up on after 3 URLs (their retries still go)',
      other: { files: Object.fromEntries(paths(8).map((p: string) => [p, html('在')])), behaviours: Object.fromEntries(paths(8).map((p: string) => [p, { retryAfter: { seconds: 0, times: 100 } }])) }, links: paths(8),
      // one connection, so that exactly 3 URLs are asked: 3 × (1 + 2 retries), then the re-check's one URL × 3
      perHost: 1, requests: 12,
      verdicts: [['ETHROTTLED', 'inconclusive', 5], ['429', 'inconclusive', 3], ['ETHROTTLED', 'inconclusive', 7], ['429', 'inconclusive', 1]],
    },
  ])('$name', async ({ other, links, perHost = 2, requests, verdicts }: { other: SiteContent; links: string[]; perHost?: number; requests: number; verdicts: [string, string, number][] }) => {
    fleet = await FixtureFleet.start({ other });
    const origin = fleet.origin('other');
    const sites = { a: { files: { '/': linksTo(links.map((p) => `${origin}${p}`)) } } };
    const own = await FixtureFleet.start(sites);
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${own.origin('a')}/` }], { timeoutMs: 300, perHost });
      expect([...fleet.stats('other').hits.values()].reduce((a, b) => a + b, 0)).toBe(requests);
      const found = rows(db, `SELECT coalesce(error_code, status) AS outcome, verdict, count(*) AS n FROM fetches WHERE run_id = ? AND url LIKE ? GROUP BY attempt, outcome, verdict ORDER BY attempt, outcome DESC`, runId, `${origin}/%`);
      expect(found.map((r) => [String(r['outcome']), r['verdict'], r['n']])).toEqual(verdicts);
      const given = rows(db, `SELECT error_code, error_message FROM fetches WHERE run_id = ? AND error_code IN ('EHOSTDOWN', 'ETHROTTLED') ORDER BY id LIMIT 1`, runId)[0]!;
      const said = given['error_code'] === 'EHOSTDOWN' ? 'answered none of the last [34] URLs asked of it within the time limit' : 'answered 429 Too Many Requests to the last 3 URLs asked of it, after their retries';
      expect(given['error_message']).toMatch(new RegExp(`^not asked: ${new URL(origin).host} ${said} \\(the last: ${origin}/x\\d\\.html at 20\\d\\d-\\d\\d-\\d\\dT`));
    } finally {
      await own.close();
    }
  });

  it('a page that answers only when re-checked is followed and read like any other', async () => {
    const { byUrl, db, runId, fleet } = await crawl({ a: { files: { '/': linksTo(['/late.html']), '/late.html': linksTo(['/child.html']), '/child.html': html('子页面') }, behaviours: { '/late.html': { hangTimes: 1 } } } }, { timeoutMs: 500 });
    expect(byUrl('/late.html')).toMatchObject([{ error_code: 'ETIMEDOUT', verdict: 'inconclusive', attempt: 1 }, { status: 200, verdict: 'ok', attempt: 2 }]);
    expect(byUrl('/child.html')).toMatchObject([{ purpose: 'page', status: 200, verdict: 'ok' }]);
    expect(rows(db, `SELECT count(*) AS n FROM page_facts WHERE run_id = ? AND url = ?`, runId, `${fleet.origin('a')}/late.html`)).toEqual([{ n: 1 }]);
  });

  it('a home page that answers only when re-checked: its status is the re-check\'s (the crawl summary\'s, a report\'s homeStatus)', async () => {
    const { byUrl, db, runId } = await crawl({ a: { files: { '/': linksTo(['/x.html']), '/x.html': html('页') }, behaviours: { '/': { hangTimes: 1 } } } }, { timeoutMs: 500 });
    expect(byUrl('/')).toMatchObject([{ error_code: 'ETIMEDOUT', verdict: 'inconclusive', attempt: 1 }, { status: 200, verdict: 'ok', attempt: 2 }]);
    expect(crawlStats(db, runId).map((s) => s.homepageStatus)).toEqual(['200']);
  });

  it('stops a decompression bomb at the decoded-size cap', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    const { byUrl } = await crawl({ a: { files: { '/': linksTo(['/bomb.html']), '/bomb.html': bomb }, behaviours: { '/bomb.html': { contentType: 'application/octet-stream', headers: { 'content-encoding': 'gzip', 'content-type': 'text/html' } } } } });
    expect(byUrl('/bomb.html')).toMatchObject([{ error_code: 'EBODYTOOLARGE', verdict: 'broken' }]);
  });
});

describe('link checks', () => {
  it('an attachment from a slow server is checked at its headers: 200, not a timeout, and its body is not downloaded', async () => {
    // 2 MB at 200 KB/s: 10 s to download, past the 1 s limit
    const pdf = Buffer.alloc(2 * 1024 * 1024, 0x25);
    const { byUrl, ms } = await crawl({ a: { files: { '/': linksTo(['/files/report.pdf']), '/files/report.pdf': pdf }, behaviours: { '/files/report.pdf': { bytesPerSecond: 200 * 1024 } } } }, { timeoutMs: 1000 });
    expect(byUrl('/files/report.pdf')).toMatchObject([{ purpose: 'check', method: 'GET', status: 200, verdict: 'ok', bytes: 0, content_type: 'application/pdf' }]);
    expect(ms).toBeLessThan(3000);
  });

  it('finds dead internal and external links with their status or error code', async () => {
    fleet = await FixtureFleet.start({ other: { files: { '/ok.html': html('ok') } } });
    const other = fleet.origin('other');
    await fleet.close();
    const { byUrl, db, runId } = await crawl({
      a: { files: { '/': linksTo(['/gone.html', '/ok.html', '/img.png', 'http://127.0.0.1:1/x', `${other}/ok.html`]), '/ok.html': html('ok'), '/img.png': Buffer.from('png') } },
    });
    expect(byUrl('/gone.html')).toMatchObject([{ purpose: 'page', method: 'GET', status: 404, verdict: 'broken' }]);
    expect(byUrl('/img.png')).toMatchObject([{ purpose: 'check', method: 'GET', status: 200, verdict: 'ok' }]);
    const external = rows(db, `SELECT url, method, status, error_code, verdict FROM fetches WHERE run_id = ? AND purpose = 'check' AND url LIKE 'http://127.0.0.1:1/%'`, runId);
    expect(external).toEqual([{ url: 'http://127.0.0.1:1/x', method: 'HEAD', status: null, error_code: 'ECONNREFUSED', verdict: 'broken' }]);
    // the other server is closed now: refused too
    expect(rows(db, `SELECT error_code FROM fetches WHERE url = ?`, `${other}/ok.html`)).toEqual([{ error_code: 'ECONNREFUSED' }]);
  });

  it('checks an external target once per run, however many sites link to it', async () => {
    fleet = await FixtureFleet.start({ ext: { files: { '/x.html': html('x') } } });
    const ext = fleet.origin('ext');
    const extFleet = fleet;
    fleet = undefined;
    try {
      const page = { files: { '/': linksTo([`${ext}/x.html`, `${ext}/missing.html`]) } };
      const { db, runId } = await crawl({ a: page, b: page, c: page });
      expect(extFleet.stats('ext').hits.get('HEAD /x.html')).toBe(1);
      expect(extFleet.stats('ext').hits.get('GET /x.html')).toBeUndefined();
      // HEAD 404 is not trusted: confirmed by one GET
      expect(extFleet.stats('ext').hits.get('HEAD /missing.html')).toBe(1);
      expect(extFleet.stats('ext').hits.get('GET /missing.html')).toBe(1);
      expect(rows(db, `SELECT count(*) AS n FROM page_links WHERE run_id = ? AND target = ?`, runId, `${ext}/x.html`)).toEqual([{ n: 3 }]);
    } finally {
      await extFleet.close();
    }
  });

  cases([
    ['a page that says it is missing', { files: { '/': linksTo(['/gone.html']), '/gone.html': html('<p>对不起，您访问的页面不存在或已被删除！</p>', '提示') } }],
    ['a host that answers every unknown path with the same page', { files: { '/': linksTo(['/gone.html']) }, fallback: { body: html('欢迎访问'.repeat(200), '首页') } }],
  ])('a soft 404 is broken: %s', async (_name, site: SiteContent) => {
    const { byUrl } = await crawl({ a: site });
    expect(byUrl('/gone.html')).toMatchObject([{ status: 200, soft404: 1, verdict: 'broken' }]);
  });

  it('a home page is not a soft 404 of itself, and a page that only mentions 404 in a long text is fine', async () => {
    const { byUrl } = await crawl({ a: { files: { '/': linksTo(['/stats.html']), '/stats.html': html(`<p>全年受理 404 件</p>${'<p>统计数据</p>'.repeat(200)}`, '统计') }, fallback: { body: linksTo(['/stats.html']) } } });
    expect(byUrl('/')).toMatchObject([{ status: 200, soft404: 0, verdict: 'ok' }]);
    expect(byUrl('/stats.html')).toMatchObject([{ status: 200, soft404: 0, verdict: 'ok' }]);
  });

  it('records javascript:, mailto: and tel: links without fetching them', async () => {
    const { db, runId, fleet } = await crawl({ a: { files: { '/': html('<a href="javascript:void(0)">收藏</a><a href="mailto:a@b.cn">邮件</a><a href="tel:12345">热线</a>') } } });
    expect(rows(db, `SELECT target, scheme, text FROM page_links WHERE run_id = ? ORDER BY target`, runId)).toEqual([
      { target: 'javascript:void(0)', scheme: 'javascript', text: '收藏' },
      { target: 'mailto:a@b.cn', scheme: 'mailto', text: '邮件' },
      { target: 'tel:12345', scheme: 'tel', text: '热线' },
    ]);
    expect(fleet.stats('a').requests).toBe(2); // robots.txt and the home page
  });

  it('a link that opens its page by script is followed and checked as that page', async () => {
    const { db, runId, fleet, byUrl } = await crawl({ a: { files: {
      '/': html('<a href="javascript:void(0)" onclick="window.open(\'/xzxx/index.html\')">县长信箱</a><a href="#" onclick="location.href=\'/gone.html\'">旧栏目</a>'),
      '/xzxx/index.html': html('<p>写信</p>'),
    } } });
    const origin = fleet.origin('a');
    expect(rows(db, `SELECT target, scheme, text FROM page_links WHERE run_id = ? AND from_url = ? ORDER BY target`, runId, `${origin}/`)).toEqual([
      { target: `${origin}/gone.html`, scheme: 'http', text: '旧栏目' },
      { target: `${origin}/xzxx/index.html`, scheme: 'http', text: '县长信箱' },
      { target: 'javascript:void(0)', scheme: 'javascript', text: '县长信箱' },
    ]);
    expect([byUrl('/xzxx/index.html'), byUrl('/gone.html')].map((f) => f.map((r) => [r['purpose'], r['status'], r['verdict']]))).toEqual([[['page', 200, 'ok']], [['page', 404, 'broken']]]);
  });

  it('a link is asked for from its page, as a visitor\'s browser asks (Referer): a hotlink-protected attachment is there, another host\'s protected image is not', async () => {
    fleet = await FixtureFleet.start({ ext: { files: { '/logo.png': Buffer.from('png') }, behaviours: { '/logo.png': { hotlinkProtected: true } } } });
    const ext = fleet.origin('ext');
    const extFleet = fleet;
    const protectedFiles = { '/files/a.pdf': { hotlinkProtected: true }, '/files/b.doc': { hotlinkProtected: true }, '/news/list.html': { hotlinkProtected: true } };
    const { byUrl, db, runId } = await crawl({ a: { files: {
      '/': linksTo(['/files/a.pdf', '/news/list.html', `${ext}/logo.png`]), '/news/list.html': linksTo(['/files/b.doc']),
      '/files/a.pdf': Buffer.from('%PDF'), '/files/b.doc': Buffer.from('doc'),
    }, behaviours: protectedFiles } });
    await extFleet.close();
    const verdicts = (path: string) => byUrl(path).map((r) => [r['purpose'], r['status'], r['verdict']]);
    expect([verdicts('/files/a.pdf'), verdicts('/news/list.html'), verdicts('/files/b.doc')]).toEqual([[['check', 200, 'ok']], [['page', 200, 'ok']], [['check', 200, 'ok']]]);
    // another site's image refuses this site's pages, as it refuses a visitor's browser on them
    expect(rows(db, `SELECT method, status, verdict FROM fetches WHERE run_id = ? AND url = ?`, runId, `${ext}/logo.png`)).toEqual([{ method: 'GET', status: 403, verdict: 'broken' }]);
  });

  it('a home page\'s script is read for what it writes, and is no soft 404 though it writes nothing on a host that answers every path with an empty page', async () => {
    const { byUrl, db, runId, fleet } = await crawl({ a: {
      files: { '/': html('<script src="/js/jquery.min.js"></script><script src="/js/foot.js"></script>'), '/js/jquery.min.js': '(function(w){return w})(window);', '/js/foot.js': 'document.write("<p>网站标识码：3601000009</p>");' },
      // what the host answers for a path it does not have: 200, a script sending the visitor home, no text
      fallback: { status: 200, body: '<html><head><script>location.href="/";</script></head><body></body></html>', contentType: 'text/html' },
    } });
    expect([byUrl('/js/jquery.min.js'), byUrl('/js/foot.js')].map((f) => f.map((r) => [r['purpose'], r['status'], r['verdict'], r['soft404']]))).toEqual([[['page', 200, 'ok', 0]], [['page', 200, 'ok', 0]]]);
    const facts = rows(db, `SELECT url, facts ->> '$.identifiers.siteId' AS siteId FROM run_page_facts WHERE run_id = ? ORDER BY url`, runId);
    expect(facts).toEqual([
      { url: `${fleet.origin('a')}/`, siteId: null }, { url: `${fleet.origin('a')}/js/foot.js`, siteId: '3601000009' }, { url: `${fleet.origin('a')}/js/jquery.min.js`, siteId: null },
    ]);
    // parts of the home page, not pages of the site
    expect(crawlStats(db, runId).map((s) => s.pages)).toEqual([1]);
  });

  it('a home page\'s large script from a slow server is read at its start (what a footer script writes is there): no timeout', async () => {
    // 2 MB that do not compress, at 400 KB/s: 5 s to read whole, past the 2 s limit
    const script = `document.write("<p>网站标识码：3601000009</p>");\n/* ${randomBytes(1536 * 1024).toString('base64')} */`;
    const { byUrl, db, runId, ms } = await crawl({ a: { files: { '/': html('<script src="/js/app.js"></script>'), '/js/app.js': script }, behaviours: { '/js/app.js': { bytesPerSecond: 400 * 1024 } } } }, { timeoutMs: 2000 });
    expect(byUrl('/js/app.js').map((r) => [r['purpose'], r['status'], r['verdict']])).toEqual([['page', 200, 'ok']]);
    expect(rows(db, `SELECT facts ->> '$.identifiers.siteId' AS siteId FROM run_page_facts WHERE run_id = ? AND url LIKE '%/js/app.js'`, runId)).toEqual([{ siteId: '3601000009' }]);
    expect(ms).toBeLessThan(2000);
  });

  it('a link no visitor can open — a file on its author\'s computer (file:///C:/…, D:\\…), a malformed address — is broken without asking, on the home page and as a guide\'s form', async () => {
    const guide = html('<h1>农村宅基地审批办事指南</h1><table><tr><th>事项名称</th><td>农村宅基地审批</td></tr><tr><th>办理地点</th><td>县政务大厅</td></tr></table><a href="D:\\办事指南\\申请表.xls">申请表下载</a>', '农村宅基地审批办事指南');
    const { db, runId, fleet } = await crawl({ a: { files: {
      '/': html('<a href="file:///C:/Users/admin/Desktop/关于开展工作的通知.doc">通知附件</a><a href="/bszn/1.html">办事指南</a><a href="http://www.jx gov.cn/">江西省人民政府</a>'), '/bszn/1.html': guide,
    } } });
    const origin = fleet.origin('a');
    const report = scoreRun(db, runId, loadProfile('gov-2019'));
    const found = report.sites[0]!.findings.filter((f) => f.rule === 'dead-link' || f.rule === 'attachment-broken').map((f) => [f.rule, f.url, f['target'], f['status']]);
    // the guide's form is attachment-broken's only: one problem, one rule
    expect(found.sort()).toEqual([
      ['attachment-broken', `${origin}/bszn/1.html`, 'D:\\办事指南\\申请表.xls', 'EFILE'],
      ['dead-link', `${origin}/`, 'file:///C:/Users/admin/Desktop/关于开展工作的通知.doc', 'EFILE'],
      ['dead-link', `${origin}/`, 'http://www.jx gov.cn/', 'EBADURL'],
    ]);
    // recorded as checks that ended without a request, with the reason
    expect(rows(db, `SELECT url, status, error_code, ms, bytes FROM fetches WHERE run_id = ? AND purpose = 'check' AND error_code IN ('EFILE', 'EBADURL') ORDER BY url`, runId)).toEqual([
      { url: 'D:\\办事指南\\申请表.xls', status: null, error_code: 'EFILE', ms: 0, bytes: 0 },
      { url: 'file:///C:/Users/admin/Desktop/关于开展工作的通知.doc', status: null, error_code: 'EFILE', ms: 0, bytes: 0 },
      { url: 'http://www.jx gov.cn/', status: null, error_code: 'EBADURL', ms: 0, bytes: 0 },
    ]);
  });

  it('a Java site that writes a new session id into its links on every visit is crawled a page once, and its dead link counted once', async () => {
    // as Struts and JSP tags write links for a visitor without a cookie; the template's own links carry none
    const { db, runId, fleet, byUrl } = await crawl({ a: { sessions: true, files: {
      '/': html('<a href="/news/list.jsp{{session}}">要闻</a><a href="/about.html">概况</a><a href="/gone.jsp{{session}}">旧栏目</a>'),
      '/news/list.jsp': html('<a href="a1.jsp{{session}}">一</a><a href="a2.jsp{{session}}">二</a><a href="/about.html">概况</a>'),
      '/news/a1.jsp': html('<a href="list.jsp{{session}}">返回</a>'),
      '/news/a2.jsp': html('<a href="list.jsp{{session}}">返回</a>'),
      '/about.html': html('<a href="/news/list.jsp{{session}}">要闻</a><a href="/gone.jsp{{session}}">旧栏目</a>'),
    } } });
    const hits = fleet.stats('a').hits;
    expect(['/', '/news/list.jsp', '/news/a1.jsp', '/news/a2.jsp', '/about.html', '/gone.jsp'].map((path) => hits.get(`GET ${path}`))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(byUrl('/gone.jsp')).toMatchObject([{ purpose: 'page', status: 404, verdict: 'broken' }]);
    expect(rows(db, `SELECT count(*) AS n FROM page_links WHERE run_id = ? AND target LIKE '%jsessionid%'`, runId)).toEqual([{ n: 0 }]);
    expect(rows(db, `SELECT DISTINCT target FROM page_links WHERE run_id = ? AND target LIKE '%list.jsp%'`, runId)).toEqual([{ target: `${fleet.origin('a')}/news/list.jsp` }]);
  });
});

describe('decoding', () => {
  cases([
    ['GBK named in Content-Type', { charset: 'gbk' }, {}],
    ['GBK named only in <meta>', { charset: 'gbk' }, { noCharsetHeader: true }],
    ['GBK served under a wrong utf-8 header', { charset: 'utf-8' }, {}],
  ])('%s decodes', async (_name, { charset }, behaviour) => {
    const gbk = Buffer.from('3c68746d6c3e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d22746578742f68746d6c3b20636861727365743d676232333132223e3c7469746c653ec8abcfd8c7efbcbeb7c0bbf0b9a4d7f73c2f7469746c653e3c2f686561643e3c626f64793e3c703ec8abcfd8c7efbcbeb7c0bbf0b9a4d7f7b2bfcaf0bbe1d5d9bfaaa3a13c2f703e3c2f626f64793e3c2f68746d6c3e', 'hex');
    const { db, runId, fleet } = await crawl({ a: { files: { '/': gbk }, charset, behaviours: { '/': behaviour } } });
    const [page] = rows(db, `SELECT charset, body_hash FROM fetches WHERE run_id = ? AND url = ?`, runId, `${fleet.origin('a')}/`);
    expect(page!['charset']).toBe('gb18030');
    expect(new Fetches(db).bodyText(page!['body_hash'] as string)).toContain('<p>全县秋季防火工作部署会召开！</p>');
  });

  it('decompresses gzip bodies', async () => {
    const { db, runId, fleet } = await crawl({ a: { files: { '/': html('<p>政务公开</p>'.repeat(500)) } } });
    const [page] = rows(db, `SELECT bytes, body_hash FROM fetches WHERE run_id = ? AND url = ?`, runId, `${fleet.origin('a')}/`);
    expect(new Fetches(db).bodyText(page!['body_hash'] as string)).toContain('<p>政务公开</p><p>政务公开</p>');
    expect(page!['bytes']).toBeGreaterThan(5000);
  });
});

describe('hostile pages', () => {
  it('a page of 20,000 unclosed tags is read as a browser reads it (its tree capped at 512 levels): the crawl goes on and follows its links', async () => {
    const deep = html(`${'<div><span>'.repeat(20_000)}<a href="/after.html">埋在两万层标签下的链接</a>`);
    const { db, runId, byUrl, fleet } = await crawl({ a: { files: { '/': linksTo(['/deep.html']), '/deep.html': deep, '/after.html': html('<p>深处链接到的页面</p>') } } });
    expect(byUrl('/deep.html').map((f) => [f['status'], f['verdict']])).toEqual([[200, 'ok']]);
    expect(byUrl('/after.html').map((f) => [f['status'], f['verdict']])).toEqual([[200, 'ok']]);
    expect(rows(db, `SELECT count(*) AS n FROM run_page_facts WHERE run_id = ? AND url = ?`, runId, `${fleet.origin('a')}/deep.html`)).toEqual([{ n: 1 }]);
  });
});

describe('conditional requests', () => {
  it('a second run sends ETag and reuses the stored page on 304', async () => {
    fleet = await FixtureFleet.start({ a: { files: manyPages(5) } });
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${fleet.origin('a')}/` }];
    const first = await crawlTestSites(db, site);
    const second = await crawlTestSites(db, site);
    const pages = (runId: number) => rows(db, `SELECT url, status, not_modified, body_hash FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY url`, runId);
    expect(pages(first.runId).every((p) => p['not_modified'] === 0)).toBe(true);
    expect(pages(second.runId)).toEqual(pages(first.runId).map((p) => ({ ...p, not_modified: 1 })));
    // the second run still followed the home page's links, and kept the pages' facts without reading them again
    const links = (runId: number) => rows(db, `SELECT from_url, target, tag, text, scheme, on_homepage FROM page_links WHERE run_id = ? ORDER BY from_url, target`, runId);
    expect(links(second.runId)).toHaveLength(5);
    expect(links(second.runId)).toEqual(links(first.runId));
    // … by sharing the first run's link rows (a third run shares them too), not by writing them again
    const third = await crawlTestSites(db, site);
    expect(links(third.runId)).toEqual(links(first.runId));
    const own = (runId: number) => rows(db, `SELECT coalesce(sum(json_array_length(l.links)), 0) AS n FROM link_sets l JOIN fetches f ON f.id = l.fetch_id WHERE f.run_id = ?`, runId);
    expect([own(first.runId), own(second.runId), own(third.runId)]).toEqual([[{ n: 5 }], [{ n: 0 }], [{ n: 0 }]]);
    // … and counts them as the first run did (a copy's count is its original's)
    expect([second, third].map(({ runId }) => crawlStats(db, runId)[0]!.links)).toEqual([5, 5]);
    expect(crawlStats(db, first.runId)[0]!.links).toBe(5);
    // each fetch's count is its own link set's, null where it stores none (the copies, the checks)
    expect([first, second, third].map(({ runId }) => miscountedLinks(db, runId))).toEqual([[], [], []]);
    expect(rows(db, `SELECT count(*) AS n FROM fetches WHERE run_id = ? AND link_count IS NOT NULL`, first.runId)).toEqual([{ n: 1 }]);
    // … and its facts: every run reads them, only the first one stored them
    const facts = (runId: number) => rows(db, `SELECT url, facts FROM run_page_facts WHERE run_id = ? ORDER BY url`, runId);
    expect(facts(second.runId)).toEqual(facts(first.runId));
    expect(facts(third.runId)).toEqual(facts(first.runId));
    const stored = (runId: number) => rows(db, `SELECT count(*) AS n FROM page_facts WHERE run_id = ?`, runId)[0]!['n'];
    expect([stored(first.runId), stored(second.runId), stored(third.runId)]).toEqual([facts(first.runId).length, 0, 0]);
  });

  it('a page that changed is asked for with its newest copy\'s ETag: changed once, unchanged since', async () => {
    fleet = await FixtureFleet.start({ a: { files: manyPages(2) } });
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${fleet.origin('a')}/` }];
    const home = (runId: number) => rows(db, `SELECT not_modified, body_hash, etag FROM fetches WHERE run_id = ? AND url = ? AND purpose = 'page'`, runId, `${fleet!.origin('a')}/`)[0]!;
    const first = await crawlTestSites(db, site);
    fleet.update('a', { files: { ...manyPages(2), '/': linksTo(['/p0.html', '/p1.html', '/new.html']), '/new.html': html('新') } });
    const second = await crawlTestSites(db, site);
    const third = await crawlTestSites(db, site);
    expect([home(first.runId)['not_modified'], home(second.runId)['not_modified'], home(third.runId)['not_modified']]).toEqual([0, 0, 1]);
    expect(home(second.runId)['etag']).not.toBe(home(first.runId)['etag']);
    expect(home(third.runId)['body_hash']).toBe(home(second.runId)['body_hash']);
  });

  it('an unchanged page whose facts an earlier version of the extractors read is fetched in full and read again, once', async () => {
    fleet = await FixtureFleet.start({ a: { files: manyPages(3) } });
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${fleet.origin('a')}/` }];
    const first = await crawlTestSites(db, site);
    db.prepare(`UPDATE page_facts SET extractor = ?`).run(EXTRACTOR_VERSION - 1);
    const second = await crawlTestSites(db, site);
    const third = await crawlTestSites(db, site);
    const own = (runId: number) => rows(db, `SELECT p.extractor, count(*) AS n FROM page_facts p JOIN fetches f ON f.id = p.fetch_id WHERE f.run_id = ? GROUP BY p.extractor`, runId);
    // the second run sent no validators for copies the old extractors read (a fetch in full, its facts by
    // this version); the third run's pages answered 304 and reused those
    expect([first, second, third].map((r) => rows(db, `SELECT sum(not_modified) AS n FROM fetches WHERE run_id = ? AND purpose = 'page'`, r.runId)[0]!['n'])).toEqual([0, 0, 4]);
    expect([own(first.runId), own(second.runId), own(third.runId)]).toEqual([[{ extractor: EXTRACTOR_VERSION - 1, n: 4 }], [{ extractor: EXTRACTOR_VERSION, n: 4 }], []]);
    const facts = (runId: number) => rows(db, `SELECT url, facts, extractor FROM run_page_facts WHERE run_id = ? ORDER BY url`, runId);
    expect(facts(third.runId)).toEqual(facts(second.runId));
  });

  it('robots.txt is asked for with its ETag too, and a 304 keeps its rules', async () => {
    fleet = await FixtureFleet.start({ a: { files: { '/': linksTo(['/open.html', '/private/a.html']), '/open.html': html('开放'), '/private/a.html': html('内部'), '/robots.txt': 'User-agent: *\nDisallow: /private/\n' } } });
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${fleet.origin('a')}/` }];
    const runs = [await crawlTestSites(db, site), await crawlTestSites(db, site)];
    const robots = (runId: number) => rows(db, `SELECT status, not_modified, bytes, etag IS NOT NULL AS validated, body_hash FROM fetches WHERE run_id = ? AND purpose = 'robots'`, runId);
    const [first, second] = runs.map((r) => robots(r.runId));
    expect(first).toEqual([{ status: 200, not_modified: 0, bytes: Buffer.byteLength('User-agent: *\nDisallow: /private/\n'), validated: 1, body_hash: expect.any(String) }]);
    expect(second).toEqual([{ ...first![0], not_modified: 1, bytes: 0 }]);
    expect(fleet.stats('a').hits.get('GET /robots.txt')).toBe(2);
    expect(fleet.stats('a').hits.get('GET /private/a.html')).toBeUndefined();
    expect(runs.map((r) => rows(db, `SELECT url FROM frontier WHERE run_id = ? AND skip_reason = 'robots'`, r.runId))).toEqual([0, 1].map(() => [{ url: `${fleet!.origin('a')}/private/a.html` }]));
  });

  it('a link check answered before is asked for with its validators: an unchanged attachment is a bodiless 304 that keeps its connection', async () => {
    // attachments past the unread rest a connection survives (64 KB): a 200 closes the connection it came on
    const attachment = (fill: string) => Buffer.alloc(100 * 1024, fill);
    const home = linksTo(['/same.pdf', '/changed.pdf', '/removed.pdf', '/p.html']);
    const page = html('<a href="/deep.html">深</a>');
    fleet = await FixtureFleet.start({ a: { files: { '/': home, '/p.html': page, '/deep.html': html('深层'), '/same.pdf': attachment('a'), '/changed.pdf': attachment('b'), '/removed.pdf': attachment('c') } } });
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${fleet.origin('a')}/` }];
    // one connection at a time, and /deep.html past the depth limit: a page that is only checked
    const options = { perHost: 1, maxDepth: 1 };
    const checks = (runId: number) => rows(db, `SELECT substr(url, ?) AS url, status, verdict, not_modified, etag IS NOT NULL AS validated FROM fetches
      WHERE run_id = ? AND purpose = 'check' ORDER BY url`, fleet!.origin('a').length + 1, runId);
    const first = await crawlTestSites(db, site, options);
    fleet.update('a', { files: { '/': home, '/p.html': page, '/deep.html': html('深层'), '/same.pdf': attachment('a'), '/changed.pdf': attachment('B') } });
    const second = await crawlTestSites(db, site, options);
    expect(checks(first.runId)).toEqual([
      { url: '/changed.pdf', status: 200, verdict: 'ok', not_modified: 0, validated: 1 },
      { url: '/deep.html', status: 200, verdict: 'ok', not_modified: 0, validated: 1 },
      { url: '/removed.pdf', status: 200, verdict: 'ok', not_modified: 0, validated: 1 },
      { url: '/same.pdf', status: 200, verdict: 'ok', not_modified: 0, validated: 1 },
    ]);
    // the unchanged attachment confirmed; the changed one, the removed one and the page (whose body says
    // whether it is a soft 404) asked for in full
    expect(checks(second.runId)).toEqual([
      { url: '/changed.pdf', status: 200, verdict: 'ok', not_modified: 0, validated: 1 },
      { url: '/deep.html', status: 200, verdict: 'ok', not_modified: 0, validated: 1 },
      { url: '/removed.pdf', status: 404, verdict: 'broken', not_modified: 0, validated: 0 },
      { url: '/same.pdf', status: 200, verdict: 'ok', not_modified: 1, validated: 1 },
    ]);
    // each attachment answered in full closed the connection it came on; by the third run every attachment
    // left is unchanged, and the whole site is read over one connection
    const connections = fleet.stats('a').connections;
    const third = await crawlTestSites(db, site, options);
    expect(checks(third.runId).map((c) => [c['url'], c['not_modified']])).toEqual([['/changed.pdf', 1], ['/deep.html', 0], ['/removed.pdf', 0], ['/same.pdf', 1]]);
    expect(fleet.stats('a').connections - connections).toBe(1);
  });

  it('a page whose list dates have no year is read again when the as-of date moves', async () => {
    fleet = await FixtureFleet.start({ a: { files: { '/': html('<ul><li><a href="/n.html">一条没有年份日期的工作动态</a> (11-02)</li></ul>'), '/n.html': html('x') } } });
    const { db } = tmpDb();
    const site = [{ id: 'a', url: `${fleet.origin('a')}/` }];
    const dateOf = (runId: number) => (JSON.parse(String(rows(db, `SELECT facts FROM run_page_facts WHERE run_id = ? AND url = ?`, runId, `${fleet!.origin('a')}/`)[0]!['facts'])) as { lists: { items: { date: string }[] }[] }).lists[0]!.items[0]!.date;
    const first = await crawlTestSites(db, site, {}, '2026-11-15');
    const second = await crawlTestSites(db, site, {}, '2026-11-01');
    expect([dateOf(first.runId), dateOf(second.runId)]).toEqual(['2026-11-02', '2025-11-02']);
    expect(rows(db, `SELECT not_modified FROM fetches WHERE run_id = ? AND url = ?`, second.runId, `${fleet.origin('a')}/`)).toEqual([{ not_modified: 1 }]);
  });
});

describe('proxy', () => {
  it('a proxy that never answers a CONNECT costs a timeout, not a stuck crawl', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createNetServer((socket) => void sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const { db } = tmpDb();
      const started = Date.now();
      const proxy = `http://127.0.0.1:${(silent.address() as import('node:net').AddressInfo).port}`;
      const { runId } = await crawlTestSites(db, [{ id: 'tls', url: 'https://www.example.gov.cn/' }], { proxy, timeoutMs: 500, retry: { retries: 0, baseDelayMs: 10, maxRetryAfterMs: 1000 } });
      expect(rows(db, `SELECT url, error_code, attempt FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY id`, runId)).toEqual([
        { url: 'https://www.example.gov.cn/', error_code: 'ETIMEDOUT', attempt: 1 }, { url: 'https://www.example.gov.cn/', error_code: 'ETIMEDOUT', attempt: 2 }]);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      sockets.forEach((s) => s.destroy());
      silent.close();
    }
  });

  it('crawls real host names through --proxy', async () => {
    fleet = await FixtureFleet.start({ a: { files: { '/': linksTo(['/p.html', 'http://dead.example.gov.cn/x']), '/p.html': html('x') } } });
    const proxy = await startLoopbackProxy((host) => (host === 'www.jx.gov.cn' ? fleet!.origin('a') : null));
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'jx', url: 'http://www.jx.gov.cn/' }], { proxy: proxy.url });
      expect(rows(db, `SELECT url, status, verdict FROM fetches WHERE run_id = ? AND purpose IN ('page', 'check') ORDER BY url`, runId)).toEqual([
        { url: 'http://dead.example.gov.cn/x', status: 502, verdict: 'broken' },
        { url: 'http://www.jx.gov.cn/', status: 200, verdict: 'ok' },
        { url: 'http://www.jx.gov.cn/p.html', status: 200, verdict: 'ok' },
      ]);
      expect(fleet.stats('a').hits.get('GET /p.html')).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('a public site\'s links into a local network are broken without asking, and a redirect there is not followed: the crawl never reaches the inspector\'s own network', async () => {
    const intranet = ['http://192.168.1.10:8080/oa/', 'http://localhost:8080/x.html', 'http://10.0.0.1/', 'http://[fd00::1]/'];
    fleet = await FixtureFleet.start({ a: { files: { '/': linksTo([...intranet, '/go.html']) }, behaviours: { '/go.html': { redirect: 'http://127.0.0.1:1/inner', status: 302 } } } });
    const asked: string[] = [];
    const proxy = await startLoopbackProxy((host) => (asked.push(host), host === 'www.jx.gov.cn' ? fleet!.origin('a') : null));
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'jx', url: 'http://www.jx.gov.cn/' }], { proxy: proxy.url });
      expect(rows(db, `SELECT url, status, error_code, verdict FROM fetches WHERE run_id = ? AND error_code = 'EPRIVATE' ORDER BY url`, runId)).toEqual(
        [...intranet, 'http://www.jx.gov.cn/go.html'].sort().map((url) => ({ url, status: null, error_code: 'EPRIVATE', verdict: 'broken' })),
      );
      expect([...new Set(asked)]).toEqual(['www.jx.gov.cn']);
    } finally {
      await proxy.close();
    }
  });
});
