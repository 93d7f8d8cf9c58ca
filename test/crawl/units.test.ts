import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { classifyError, verdictFor, type FetchOutcome } from '../../src/crawl/outcome.js';
import { parseRetryAfter, retryDelay, DEFAULT_RETRY } from '../../src/crawl/retry.js';
import { intranetLink, isIntranetHost } from '../../src/crawl/intranet.js';
import { refererHeader } from '../../src/crawl/referer.js';
import { looksLikePage, normaliseUrl, schemeOf, SiteScope, urlParts } from '../../src/crawl/scope.js';
import { saysNotFound } from '../../src/crawl/soft-404.js';
import { stubRedirect } from '../../src/crawl/redirects.js';
import { cpusOfQuota, usableCores } from '../../src/crawl/cores.js';
import { availableParallelism } from 'node:os';

describe('classifyError: every failure code from one place', () => {
  cases([
    [{ name: 'TimeoutError' }, 'ETIMEDOUT'],
    [{ code: 'UND_ERR_CONNECT_TIMEOUT' }, 'ETIMEDOUT'],
    [{ code: 'UND_ERR_HEADERS_TIMEOUT' }, 'ETIMEDOUT'],
    [{ message: 'fetch failed', cause: { code: 'ECONNREFUSED' } }, 'ECONNREFUSED'],
    [{ code: 'ECONNRESET' }, 'ECONNRESET'],
    [{ code: 'UND_ERR_SOCKET' }, 'ECONNRESET'],
    [{ cause: { code: 'ENOTFOUND' } }, 'ENOTFOUND'],
    [{ code: 'EAI_AGAIN' }, 'EAI_AGAIN'],
    [{ code: 'EHOSTUNREACH' }, 'EHOSTUNREACH'],
    [{ code: 'CERT_HAS_EXPIRED' }, 'ECERT'],
    [{ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'ECERT'],
    [{ code: 'HPE_INVALID_CHUNK_SIZE' }, 'EPROTO'],
    [{ code: 'ERR_BUFFER_TOO_LARGE' }, 'EBODYTOOLARGE'],
    [{ code: 'Z_DATA_ERROR' }, 'EDECODE'],
    [new Error('something else'), 'EUNKNOWN'],
  ])('%j → %s', (error, code) => {
    expect(classifyError(error)).toBe(code);
  });
});

const response = (status: number, headers: Record<string, string> = {}, body = ''): FetchOutcome => ({ ok: true, status, finalUrl: 'http://x/', redirects: [], headers, body: Buffer.from(body), truncated: false, ms: 1 });
const failure = (code: 'ETIMEDOUT' | 'ECONNREFUSED'): FetchOutcome => ({ ok: false, code, message: '', finalUrl: 'http://x/', redirects: [], ms: 1 });

describe('verdictFor', () => {
  cases([
    ['200', response(200), false, 1, 'ok'],
    ['200 soft 404', response(200), true, 1, 'broken'],
    ['404', response(404), false, 1, 'broken'],
    ['410', response(410), false, 1, 'broken'],
    ['500', response(500), false, 1, 'broken'],
    ['429 after retries', response(429), false, 1, 'inconclusive'],
    ['403 from a WAF', response(403, { server: 'yunjiasu-nginx' }), false, 1, 'inconclusive'],
    ['403 from a plain server', response(403, { server: 'nginx' }), false, 1, 'broken'],
    ['412, a script challenge (Rivers)', response(412), false, 1, 'inconclusive'],
    ['521 with a cookie challenge (Jiasule)', response(521, {}, '<script>document.cookie=(\'_\')+(\'_jsl_clearance\')+\'=1\';location.href=location.pathname</script>'), false, 1, 'inconclusive'],
    ['521, its server down', response(521, {}, '<html><body>Web server is down</body></html>'), false, 1, 'broken'],
    ['403 with a cookie challenge', response(403, { server: 'nginx' }, '<script>var $_ts=window[\'$_ts\'];</script>'), false, 1, 'inconclusive'],
    ['first timeout', failure('ETIMEDOUT'), false, 1, 'inconclusive'],
    ['second timeout', failure('ETIMEDOUT'), false, 2, 'broken'],
    ['refused', failure('ECONNREFUSED'), false, 1, 'broken'],
    ['first gateway timeout (504: a proxy\'s, or the site\'s front server\'s)', response(504), false, 1, 'inconclusive'],
    ['second gateway timeout', response(504), false, 2, 'broken'],
    ['502, the gateway found no answer', response(502), false, 1, 'broken'],
  ])('%s → %s', (_name, outcome, soft404, attempt, verdict) => {
    expect(verdictFor(outcome, soft404, attempt)).toBe(verdict);
  });
});

describe('retry policy', () => {
  const now = Date.parse('2026-11-15T00:00:00Z');
  cases([
    ['429 with seconds', response(429, { 'retry-after': '3' }), 0, 3000],
    ['503 with an HTTP date', response(503, { 'retry-after': 'Sun, 15 Nov 2026 00:00:05 GMT' }), 0, 5000],
    ['429 beyond the longest wait', response(429, { 'retry-after': '3600' }), 0, null],
    ['429 without Retry-After: backoff', response(429), 1, 1000],
    ['502 backoff', response(502), 0, 500],
    ['404 not retried', response(404), 0, null],
    ['timeout not retried', failure('ETIMEDOUT'), 0, null],
    ['refused not retried', failure('ECONNREFUSED'), 0, null],
    ['reset retried', { ...failure('ECONNREFUSED'), code: 'ECONNRESET' } as FetchOutcome, 1, 1000],
  ])('%s', (_name, outcome, i, wait) => {
    expect(retryDelay(outcome, i, DEFAULT_RETRY, now)).toBe(wait);
  });

  it('parses a Retry-After date in the past as no wait', () => {
    expect(parseRetryAfter('Sat, 14 Nov 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('scope and normalisation', () => {
  const scope = new SiteScope('http://www.example.gov.cn/portal/', ['http://zmhd.other.gov.cn/letters/']);
  cases([
    ['http://www.example.gov.cn/a.html', true],
    ['http://example.gov.cn/a.html', true],
    ['http://zwgk.example.gov.cn/a.html', true],
    ['https://www.example.gov.cn/a.html', true],
    ['http://www.example.gov.cn:8080/a.html', false],
    ['http://notexample.gov.cn/a.html', false],
    ['http://zmhd.other.gov.cn/letters/1.html', true],
    ['http://www.other.gov.cn/', false],
  ])('%s in scope: %s', (url, inScope) => {
    expect(scope.reach(url) !== null).toBe(inScope);
  });

  it('the central portal\'s domain is a suffix: the ministries under it are other sites', () => {
    const central = new SiteScope('https://www.gov.cn/');
    const urls = ['https://www.gov.cn/zhengce/a.htm', 'https://gov.cn/a.htm', 'https://www.ndrc.gov.cn/', 'https://sousuo.www.gov.cn/s.htm'];
    expect(urls.map((u) => central.reach(u) !== null)).toEqual([true, false, false, false]);
  });

  cases([
    ['../a.html#top', 'http://x.gov.cn/b/c/index.html', 'http://x.gov.cn/b/a.html'],
    ['HTTP://X.GOV.CN:80/A.html', 'http://x.gov.cn/', 'http://x.gov.cn/A.html'],
    ['//cdn.x.gov.cn/a.js', 'https://x.gov.cn/', 'https://cdn.x.gov.cn/a.js'],
    ['http://[bad', 'http://x.gov.cn/', null],
    // session ids a server writes for a visitor without cookies: the same page without them
    ['list.jsp;jsessionid=977D50BF4A7F1CE7C2C5B1D12CEE0F66?col=3#top', 'http://x.gov.cn/news/', 'http://x.gov.cn/news/list.jsp?col=3'],
    ['/web/guest/welcomepage;jsessionid=977D50BF4A7F1CE7C2C5B1D12CEE0F66.node1', 'http://x.gov.cn/', 'http://x.gov.cn/web/guest/welcomepage'],
    ['/a.do;JSESSIONID=aBc!-1234!5678;type=2', 'http://x.gov.cn/', 'http://x.gov.cn/a.do;type=2'],
    ['/a.php?PHPSESSID=9682993c8daa2c5497996114facdc805&id=7', 'http://x.gov.cn/', 'http://x.gov.cn/a.php?id=7'],
    ['/a.php?id=7&phpsessid=9682993c8daa2c5497996114facdc805', 'http://x.gov.cn/', 'http://x.gov.cn/a.php?id=7'],
    ['/s.jsp?jsessionid=ABC', 'http://x.gov.cn/', 'http://x.gov.cn/s.jsp'],
    ['/(S(lit3py55t21z5v55vlm25s55))/xxgk/default.aspx', 'http://x.gov.cn/', 'http://x.gov.cn/xxgk/default.aspx'],
    ['/(X(1)S(lit3py55t21z5v55vlm25s55))/default.aspx', 'http://x.gov.cn/', 'http://x.gov.cn/default.aspx'],
    // names that are not a session's, or not where a server writes one: kept
    ['/a.jsp?sid=9682993c8daa2c5497996114facdc805&lm=2', 'http://x.gov.cn/', 'http://x.gov.cn/a.jsp?sid=9682993c8daa2c5497996114facdc805&lm=2'],
    ['/a.jsp?sessionid=1&x', 'http://x.gov.cn/', 'http://x.gov.cn/a.jsp?sessionid=1&x'],
    ['/a.jsp?q=jsessionid%3D1', 'http://x.gov.cn/', 'http://x.gov.cn/a.jsp?q=jsessionid%3D1'],
    ['/session/(draft)/a.html', 'http://session.gov.cn/', 'http://session.gov.cn/session/(draft)/a.html'],
  ])('%s on %s → %s', (href, base, expected) => {
    expect(normaliseUrl(href, base)).toBe(expected);
  });

  // the memo shares a resolution between pages of one site: the same href on two pages of another
  // directory, query or host must still resolve against its own page
  const pages = ['http://x.gov.cn/', 'http://x.gov.cn/a/b/c.html?q=/1#f', 'http://x.gov.cn:8080/a/', 'https://y.gov.cn/p?x', 'http://x.gov.cn/a/d/'];
  cases([
    '/p/q.html', 'p.html', '../r.html', './s.html', '?page=2', '#top', '', '//c.gov.cn/x', '/\\evil.gov.cn/x', 'http:foo', 'HTTP://D.gov.cn/a/../b',
    'help.html', ' spaced.html', 'a b.html', '\\x', 'q?x=1#y', '/a/./b/../c', 'a#b#c', 'http://x#@y.gov.cn/', '#', ' #top ',
  ].map((href) => [href]))('%j resolves on every page as the URL parser does, in any order', (href: string) => {
    // the parser's answer, without its fragment ('#' only ever delimits one in a serialised URL)
    const parsed = (base: string) => URL.canParse(href.trim(), base) ? new URL(href.trim(), base).href.split('#')[0] : null;
    for (const base of [...pages, ...[...pages].reverse()]) expect([base, normaliseUrl(href, base)]).toEqual([base, parsed(base)]);
  });

  cases([
    ['http://x.gov.cn:8080/a/b.html?q=1#f', { hostname: 'x.gov.cn', pathname: '/a/b.html' }],
    ['https://user:pw@WWW.X.GOV.CN', { hostname: 'www.x.gov.cn', pathname: '/' }],
    ['http://[::1]:3000/p', { hostname: '[::1]', pathname: '/p' }],
    ['not a url', null],
  ])('urlParts(%s) → %j', (url, parts) => {
    expect(urlParts(url)).toEqual(parts);
  });

  cases([['javascript:void(0)', 'javascript'], ['mailto:a@b', 'mailto'], ['tel:123', 'tel'], ['ftp://x', 'other'], ['/a.html', 'http'], ['https://x', 'http'],
    ['file:///C:/Users/a/通知.doc', 'file'], ['D:\\办事指南\\表.xls', 'file'], ['c:/a.doc', 'file']])('%s is %s', (href, scheme) => {
    expect(schemeOf(href)).toBe(scheme);
  });

  cases([['http://x/a.html', true], ['http://x/col/col1/', true], ['http://x/a.pdf', false], ['http://x/f.DOC', false], ['http://x/p.jsp?id=1', true]])('%s looks like a page: %s', (url, page) => {
    expect(looksLikePage(url)).toBe(page);
  });
});

describe('Referer, as a browser sends it (strict-origin-when-cross-origin)', () => {
  cases([
    [null, 'http://x.gov.cn/a.pdf', {}],
    ['http://x.gov.cn/news/list.html?p=2', 'http://x.gov.cn/a.pdf', { referer: 'http://x.gov.cn/news/list.html?p=2' }],
    ['http://x.gov.cn/news/list.html', 'http://www.gov.cn/a.html', { referer: 'http://x.gov.cn/' }],
    ['http://x.gov.cn:8080/news/', 'http://x.gov.cn/a.html', { referer: 'http://x.gov.cn:8080/' }],
    ['http://x.gov.cn/news/', 'https://x.gov.cn/a.html', { referer: 'http://x.gov.cn/' }],
    ['https://x.gov.cn/news/', 'http://y.gov.cn/a.html', {}],
    ['https://x.gov.cn/news/', 'http://x.gov.cn/a.html', {}],
  ])('from %s to %s: %j', (referrer, target, header) => {
    expect(refererHeader(referrer, target)).toEqual(header);
  });
});

describe('intranet addresses', () => {
  cases([
    ['localhost', true], ['oa.localhost', true], ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.1', true], ['172.32.0.1', false],
    ['192.168.1.10', true], ['169.254.1.1', true], ['100.64.0.1', true], ['100.128.0.1', false], ['[::1]', true], ['[fd00::1]', true], ['[fe80::1]', true],
    ['[::ffff:10.0.0.1]', true], ['[2408:8000::1]', false], ['8.8.8.8', false], ['www.gov.cn', false], ['10.gov.cn', false],
  ])('%s: %s', (host: string, intranet: boolean) => {
    expect(isIntranetHost(host)).toBe(intranet);
  });

  cases([
    ['http://192.168.1.10/oa/', 'http://www.x.gov.cn/', true],
    ['http://192.168.1.10/oa/', 'http://192.168.1.9/', false], // a site on a local network links within it
    ['http://www.x.gov.cn/', 'http://www.y.gov.cn/', false],
    ['http://localhost/a', null, false],
    ['http://[fd00::1]/', 'http://www.x.gov.cn/', true],
    ['http://[fd00::1', 'http://www.x.gov.cn/', false], // no address at all: malformed (EBADURL), not intranet
  ])('%s from %s: %s', (target: string, from: string | null, link: boolean) => {
    expect(intranetLink(target, from)).toBe(link);
  });
});

describe('soft 404 wording', () => {
  cases([
    ['<title>404 Not Found</title>', true],
    ['<title>提示</title><body>对不起，您访问的页面不存在！</body>', true],
    ['<title>提示</title><body>您访问的页面已删除</body>', true],
    ['<title>统计公报</title><body>受理 404 件' + '统计'.repeat(400) + '</body>', false],
    ['<title>首页</title><body>欢迎</body>', false],
    ['<title>404</title><body></body>', true],
    ['<title>404错误 - 示范市人民政府</title>', true],
    ['<title>提示</title><body>HTTP 错误 404：找不到文件</body>', true],
    ['<title>国务院令第404号</title><body>现公布《国务院关于修改部分行政法规的决定》，自公布之日起施行。</body>', false],
    ['<title>关于G404国道施工的通告</title><body>短文</body>', false],
    ['<title>提示</title><script>var t="页面不存在";</script><body>欢迎访问</body>', false],
    ['<title>提示</title><!-- 页面不存在 --><body>欢迎访问</body>', false],
    ['<title>提示</title><SCRIPT type="x">a</Script><p>页面不存在</p>', true],
    ['<TITLE lang="zh">页面未找到</TITLE>', true],
    ['<title>提示</title><script>页面不存在', true],
  ])('%s → %s', (html, expected) => {
    expect(saysNotFound(html)).toBe(expected);
  });

  it('a hostile page is read in one pass (100,000 unclosed "<", comments or scripts took seconds each, quadratic)', () => {
    const started = performance.now();
    // left unclosed, the rest stays text (a long page: no); closed tags go, and the message is the page (yes)
    const pages: [string, boolean][] = [['<', false], ['<!--', false], ['<a ', false], ['<script>', true], ['<title>', true]];
    expect(pages.map(([run]) => [run, saysNotFound(`<p>页面不存在</p>${run.repeat(100_000)}`)])).toEqual(pages);
    // quadratic, these took minutes; linear, milliseconds: the bound only tells the two apart
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

/**
 * A home page is searched whole for its refresh (on the main thread, where no watchdog stands):
 * hostile pages of a megabyte are each read in one pass. Bounds far above linear (4–12 ms here).
 */
describe('stubRedirect on hostile home pages', () => {
  const answer = (html: string): FetchOutcome => ({ ok: true, status: 200, headers: { 'content-type': 'text/html' }, body: Buffer.from(html), finalUrl: 'http://x.gov.cn/', redirects: [], truncated: false, ms: 0 });
  cases([
    ['100,000 <meta without a >', '<html>' + '<meta '.repeat(100_000), undefined],
    ['100,000 comments, then a refresh', '<html>' + '<!-- x -->'.repeat(100_000) + '<meta http-equiv="refresh" content="0;url=/x">', 'http://x.gov.cn/x'],
    ['100,000 unclosed <noscript>', '<html>' + '<noscript>'.repeat(100_000), undefined],
    // an entrance page is looked for in 16 KB at most
    ['16 KB of unclosed <a>', '<a>'.repeat(5_400), undefined],
    ['an entrance, then 16 KB of unclosed <script>', '<a href="/x">进入</a>' + '<script>'.repeat(2_000), 'http://x.gov.cn/x'],
  ])('%s', (_what: string, html: string, target: string | undefined) => {
    const started = performance.now();
    expect(stubRedirect(answer(html), 'http://x.gov.cn/')).toBe(target);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});


describe('the cores a container may use: its CPU quota caps the CPUs it sees', () => {
  cases([
    ['200000', '100000', 2], // cgroup v2 cpu.max "200000 100000": docker --cpus 2
    ['150000', '100000', 2], // 1.5 CPUs: a second thread has half a core
    ['50000', '100000', 1],
    ['400000\n', '100000\n', 4], // v1's files end with a newline
    ['max', '100000', null], // v2: no limit
    ['-1', '100000', null], // v1: no limit
    ['', '', null],
  ] as const)('quota %j, period %j → %j CPUs', (quota, period, cpus) => {
    expect(cpusOfQuota(quota, period)).toBe(cpus);
  });

  it('this process: at least one core, at most the CPUs it may run on', () => {
    expect(usableCores()).toBeGreaterThanOrEqual(1);
    expect(usableCores()).toBeLessThanOrEqual(availableParallelism());
  });
});
