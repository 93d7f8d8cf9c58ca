import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { HttpClient, ProxyRefused, ProxyUnreachable } from '../../src/crawl/http-client.js';
import { FixtureFleet, selfSignedTls } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { cases } from '../helpers/cases.js';
import { startCli } from '../helpers/cli.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { openDb } from '../../src/store/db.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { tmpDb, tmpDir, writeTmp } from '../helpers/tmp.js';

/**
 * Plain-HTTP requests to many hosts through a proxy share its connections, whether the proxy is named
 * by --proxy or by HTTP_PROXY: a pool of connections to the proxy per host made a sweep behind
 * HTTP_PROXY 14–19 times slower than one behind --proxy, and its idle pools grew with the hosts. Counted
 * at the proxy, over real sockets: one request at a time to six hosts takes at most two connections.
 */
describe('requests through a forward proxy', () => {
  let fleet: FixtureFleet;
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  const hosts = ['www.a.gov.cn', 'www.b.gov.cn', 'www.c.gov.cn', 'www.d.gov.cn', 'www.e.gov.cn', 'www.f.gov.cn'];
  before(async () => {
    fleet = await FixtureFleet.start({ site: { files: { '/': '<html><body>首页</body></html>' } } });
    proxy = await startLoopbackProxy((host) => (hosts.includes(host) ? fleet.origin('site') : null));
  });
  after(async () => {
    await proxy.close();
    await fleet.close();
  });

  cases([
    { name: '--proxy', option: true, env: {} },
    { name: '--proxy as host:port', option: 'bare', env: {} },
    { name: 'HTTP_PROXY', option: false, env: { HTTP_PROXY: 'proxy' } },
    { name: 'http_proxy, with NO_PROXY naming other hosts', option: false, env: { http_proxy: 'proxy', NO_PROXY: 'localhost,.example.org' } },
  ])('$name: six hosts, at most two connections to the proxy', async ({ option, env }: { option: boolean | 'bare'; env: Record<string, string> }) => {
    const saved = { ...process.env };
    for (const [name, value] of Object.entries(env)) process.env[name] = value === 'proxy' ? proxy.url : value;
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', ...(option ? { proxy: option === 'bare' ? proxy.url.replace('http://', '') : proxy.url } : {}) });
    const before = { requests: proxy.requests(), connections: proxy.connections() };
    try {
      const statuses: (number | string)[] = [];
      for (const host of hosts) {
        const outcome = await client.send(`http://${host}/`, { method: 'GET' });
        statuses.push(outcome.ok ? outcome.status : outcome.code);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect(proxy.requests() - before.requests).toBe(6);
      // the pool's second connection is opened while its first is being freed: at most two, however many hosts
      expect(proxy.connections() - before.connections).toBeLessThanOrEqual(2);
    } finally {
      await client.close();
      for (const name of Object.keys(env)) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
    }
  });
});

/**
 * A proxy that wants credentials the crawl was not given (407) refuses every request alike: none of
 * its refusals is a site's answer. The run stops with a line saying what to fix, stores none of them
 * (recorded, every site would be down), and goes on with --resume once the credentials are right.
 */
describe('a proxy that refuses the crawl (407)', () => {
  let fleet: FixtureFleet;
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  before(async () => {
    fleet = await FixtureFleet.start({
      plain: { files: { '/': '<html><body><a href="/a.html">一</a></body></html>', '/a.html': '<html><body>一</body></html>' } },
      tls: { files: { '/': '<html><body><a href="/b.html">二</a></body></html>', '/b.html': '<html><body>二</body></html>' }, tls: selfSignedTls() },
    });
    proxy = await startLoopbackProxy((host) => (host === 'www.plain.gov.cn' ? fleet.origin('plain') : host === 'www.tls.gov.cn:443' ? fleet.origin('tls') : null), { credentials: 'inspector:p@ss' });
  });
  after(async () => {
    await proxy.close();
    await fleet.close();
  });
  const through = (password: string) => proxy.url.replace('http://', `http://inspector:${encodeURIComponent(password)}@`);

  cases([
    { name: 'plain HTTP (the proxy answers 407)', url: 'http://www.plain.gov.cn/' },
    { name: 'HTTPS (the proxy refuses the tunnel with 407)', url: 'https://www.tls.gov.cn/' },
  ])('HttpClient: $name throws ProxyRefused, naming the proxy without the password', async ({ url }: { url: string }) => {
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', proxy: through('x9-not-it') });
    try {
      const refusal = await client.send(url, { method: 'GET' }).then(() => null, (e: Error) => e);
      expect(refusal).toBeInstanceOf(ProxyRefused);
      expect(refusal!.message).toContain(`the proxy ${proxy.url} refused the request for ${url} (407 Proxy Authentication Required): its user and password are missing or wrong`);
      expect(refusal!.message).not.toContain('x9-not-it');
    } finally {
      await client.close();
    }
  });

  cases([
    { name: 'plain HTTP', url: 'http://www.plain.gov.cn/' },
    // undici's refused tunnel drops the 407's Proxy-Authenticate: it was "its user and password are missing or wrong"
    { name: 'HTTPS (the tunnel refused)', url: 'https://www.tls.gov.cn/' },
  ])('a proxy that asks for Windows sign-in alone (NTLM), $name: the message says govsite speaks only Basic', async ({ url }: { url: string }) => {
    const windows = await startLoopbackProxy(() => fleet.origin('plain'), { credentials: 'inspector:p@ss', asks: 'NTLM, Negotiate' });
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', proxy: windows.url });
    try {
      const refusal = await client.send(url, { method: 'GET' }).then(() => null, (e: Error) => e);
      expect(refusal).toBeInstanceOf(ProxyRefused);
      expect(refusal!.message).toContain('(407 Proxy Authentication Required): it asks for NTLM sign-in, which govsite does not speak (only Basic, a user and password in the proxy URL)');
    } finally {
      await client.close();
      await windows.close();
    }
  });

  it('govsite crawl stops (exit 3), stores no refusal, and goes on with --resume and the right password', async () => {
    const dir = tmpDir();
    const db = join(dir, 'c.db');
    const registry = writeTmp('proxied.csv', 'id,url\nplain,http://www.plain.gov.cn/\ntls,https://www.tls.gov.cn/\n');
    const refused = await startCli(['crawl', registry, '--db', db, '--as-of', '2026-11-15', '--proxy', through('x9-not-it')]).done;
    expect({ code: refused.code, said: /^govsite: the proxy http:\/\/127\.0\.0\.1:\d+ refused the request for \S+ \(407 Proxy Authentication Required\)/m.test(refused.stderr), password: refused.stderr.includes('x9-not-it') }).toEqual({ code: 3, said: true, password: false });
    expect(rows(openDb(db), `SELECT count(*) AS n FROM fetches`)).toEqual([{ n: 0 }]);
    const resumed = await startCli(['crawl', registry, '--db', db, '--as-of', '2026-11-15', '--proxy', through('p@ss'), '--resume']).done;
    expect(resumed.code).toBe(0);
    expect(rows(openDb(db), `SELECT url, status FROM fetches WHERE purpose = 'page' ORDER BY url`)).toEqual([
      { url: 'http://www.plain.gov.cn/', status: 200 }, { url: 'http://www.plain.gov.cn/a.html', status: 200 },
      { url: 'https://www.tls.gov.cn/', status: 200 }, { url: 'https://www.tls.gov.cn/b.html', status: 200 },
    ]);
  });
});

/**
 * A host the proxy's policy refuses (a blocked category: hacked sites often are in one) was a site
 * answering 403 — a dead home page, the site read as down. The proxy's own refusal, as Squid and RFC
 * 9209 mark it, or its 403 to a tunnel, is EPROXYDENIED: inconclusive, and the crawl says so.
 */
describe('a proxy whose policy refuses hosts', () => {
  let fleet: FixtureFleet;
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  const DENIED: Record<string, 'squid' | 'proxy-status'> = { 'www.barred.gov.cn': 'squid', 'www.flagged.gov.cn': 'proxy-status', 'www.tls.gov.cn:443': 'squid' };
  before(async () => {
    fleet = await FixtureFleet.start({
      plain: { files: { '/': '<html><body><a href="/a.html">一</a></body></html>', '/a.html': '<html><body>一</body></html>' } },
      // a site's own 403, relayed by the proxy: the site's answer
      own: { files: { '/': '<html><body>首页</body></html>' }, behaviours: { '/': { status: 403 } } },
      tls: { files: { '/': '<html><body>二</body></html>' }, tls: selfSignedTls() },
    });
    const upstream: Record<string, string> = { 'www.plain.gov.cn': 'plain', 'www.barred.gov.cn': 'plain', 'www.flagged.gov.cn': 'plain', 'www.own.gov.cn': 'own', 'www.tls.gov.cn:443': 'tls' };
    proxy = await startLoopbackProxy((host) => (upstream[host] ? fleet.origin(upstream[host]) : null), { denies: (host) => DENIED[host] ?? null });
  });
  after(async () => {
    await proxy.close();
    await fleet.close();
  });

  cases([
    { name: 'plain HTTP, Squid\'s error page', url: 'http://www.barred.gov.cn/', said: 'EPROXYDENIED (X-Squid-Error: ERR_ACCESS_DENIED 0)' },
    { name: 'plain HTTP, RFC 9209\'s Proxy-Status', url: 'http://www.flagged.gov.cn/', said: 'EPROXYDENIED (Proxy-Status: office-proxy; error=http_request_denied; details="category: gambling")' },
    { name: 'HTTPS, the tunnel refused with 403', url: 'https://www.tls.gov.cn/', said: 'EPROXYDENIED (it refused the tunnel (403))' },
    { name: 'a site\'s own 403, relayed: the site\'s answer', url: 'http://www.own.gov.cn/', said: '403' },
    { name: 'a site the policy lets through', url: 'http://www.plain.gov.cn/', said: '200' },
  ])('HttpClient: $name', async ({ url, said }: { url: string; said: string }) => {
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', proxy: proxy.url });
    try {
      const outcome = await client.send(url, { method: 'GET' });
      const refusal = !outcome.ok && /^the proxy http:\/\/127\.0\.0\.1:\d+ refused the request by its policy \((.*)\)$/.exec(outcome.message);
      expect(outcome.ok ? String(outcome.status) : `${outcome.code} (${refusal ? refusal[1] : outcome.message})`).toBe(said);
    } finally {
      await client.close();
    }
  });

  it('govsite crawl: the refused hosts\' pages are inconclusive, not dead, and a warning names the hosts', async () => {
    const db = join(tmpDir(), 'c.db');
    const registry = writeTmp('policy.csv', 'id,url\nplain,http://www.plain.gov.cn/\nbarred,http://www.barred.gov.cn/\nflagged,http://www.flagged.gov.cn/\ntls,https://www.tls.gov.cn/\n');
    const { code, stderr } = await startCli(['crawl', registry, '--db', db, '--as-of', '2026-11-15', '--proxy', proxy.url]).done;
    expect(code).toBe(0);
    expect(stderr).toContain('warning: the proxy refused run 1\'s requests to 3 host(s) by its policy: ');
    expect(stderr.split('\n').find((l) => l.startsWith('warning: the proxy refused'))!.match(/www\.\w+\.gov\.cn/g)!.sort()).toEqual(['www.barred.gov.cn', 'www.flagged.gov.cn', 'www.tls.gov.cn']);
    // an inconclusive page is asked once more in the re-check, as any is
    expect(rows(openDb(db), `SELECT site_id AS site, url, status, error_code AS code, verdict, count(*) AS asked FROM fetches WHERE purpose = 'page' GROUP BY site_id, url, status, error_code, verdict ORDER BY site_id, url`)).toEqual([
      { site: 'barred', url: 'http://www.barred.gov.cn/', status: null, code: 'EPROXYDENIED', verdict: 'inconclusive', asked: 2 },
      { site: 'flagged', url: 'http://www.flagged.gov.cn/', status: null, code: 'EPROXYDENIED', verdict: 'inconclusive', asked: 2 },
      { site: 'plain', url: 'http://www.plain.gov.cn/', status: 200, code: null, verdict: 'ok', asked: 1 },
      { site: 'plain', url: 'http://www.plain.gov.cn/a.html', status: 200, code: null, verdict: 'ok', asked: 1 },
      { site: 'tls', url: 'https://www.tls.gov.cn/', status: null, code: 'EPROXYDENIED', verdict: 'inconclusive', asked: 2 },
    ]);
    // the report says why those sites are not assessed
    const json = await startCli(['check', '--db', db, '--format', 'json']).done;
    expect((JSON.parse(json.stdout) as { sites: { id: string; verdict: string; homeStatus: string | null }[] }).sites.map(({ id, verdict, homeStatus }) => ({ id, verdict, homeStatus }))).toEqual([
      { id: 'plain', verdict: 'unqualified', homeStatus: null }, { id: 'barred', verdict: 'not-assessed', homeStatus: 'EPROXYDENIED' },
      { id: 'flagged', verdict: 'not-assessed', homeStatus: 'EPROXYDENIED' }, { id: 'tls', verdict: 'not-assessed', homeStatus: 'EPROXYDENIED' },
    ]);
    const terminal = await startCli(['check', '--db', db, '--lang', 'en']).done;
    expect(terminal.stdout).toContain('the home page could not be read: not assessed: EPROXYDENIED (the proxy this machine goes through refused it by its policy: not checked)');
  });
});

/**
 * Behind a proxy, a site's own failure is the proxy's answer (502 when the site does not answer it),
 * and a failure to reach the proxy is no site's: over HTTPS as over plain HTTP, and a proxy that
 * cannot be reached stops the crawl after about half a minute of asking again (here, with the
 * tests' short backoff, 3 s), storing nothing for it — or lets it go on, once the proxy is back.
 */
describe('a proxy that cannot reach a site, or cannot be reached', () => {
  let fleet: FixtureFleet;
  before(async () => {
    fleet = await FixtureFleet.start({ site: { files: { '/': '<html><body><a href="/a.html">一</a></body></html>', '/a.html': '<html><body>一</body></html>' } } });
  });
  after(() => fleet.close());
  /** a loopback port nothing listens on (yet) */
  const freePort = async () => {
    const proxy = await startLoopbackProxy(() => null);
    const port = Number(new URL(proxy.url).port);
    await proxy.close();
    return port;
  };

  cases([
    { url: 'http://www.gone.gov.cn/' },
    { url: 'https://www.gone.gov.cn/' },
  ])('a site the proxy cannot reach, $url: the proxy\'s 502', async ({ url }: { url: string }) => {
    const proxy = await startLoopbackProxy(() => null);
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', proxy: proxy.url });
    try {
      const outcome = await client.send(url, { method: 'GET' });
      expect(outcome.ok ? outcome.status : `${outcome.code} ${outcome.message}`).toBe(502);
    } finally {
      await client.close();
      await proxy.close();
    }
  });

  it('a proxy that cannot be reached: the crawl stops with ProxyUnreachable, nothing stored', async () => {
    const { db } = tmpDb();
    const port = await freePort();
    const started = Date.now();
    const stopped = await crawlTestSites(db, [{ id: 'site', url: 'http://www.site.gov.cn/' }], { proxy: `http://127.0.0.1:${port}` }).then(() => null, (e: Error) => e);
    expect(stopped).toBeInstanceOf(ProxyUnreachable);
    expect(stopped!.message).toMatch(new RegExp(`^the proxy http://127\\.0\\.0\\.1:${port} cannot be reached \\(ECONNREFUSED: `));
    // 50 + 100 + … + 1,600 ms of asking again first
    expect(Date.now() - started).toBeGreaterThan(3000);
    expect(rows(db, `SELECT count(*) AS n FROM fetches`)).toEqual([{ n: 0 }]);
  });

  it('a proxy back within the patience: the crawl goes on as if it had never been away', async () => {
    const { db } = tmpDb();
    const port = await freePort();
    let proxy: Awaited<ReturnType<typeof startLoopbackProxy>> | undefined;
    const back = setTimeout(async () => (proxy = await startLoopbackProxy(() => fleet.origin('site'), { port })), 400);
    try {
      const { runId } = await crawlTestSites(db, [{ id: 'site', url: 'http://www.site.gov.cn/' }], { proxy: `http://127.0.0.1:${port}` });
      expect(rows(db, `SELECT url, status, error_code FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY url`, runId))
        .toEqual([{ url: 'http://www.site.gov.cn/', status: 200, error_code: null }, { url: 'http://www.site.gov.cn/a.html', status: 200, error_code: null }]);
    } finally {
      clearTimeout(back);
      await proxy?.close();
    }
  });
});

/**
 * An https:// proxy (TLS to the proxy itself): its certificate is checked against its own name, not a
 * site's; one Node does not trust stops the crawl, saying to give its CA — else every site would be
 * stored as a certificate failure. Trusted in a child process through NODE_EXTRA_CA_CERTS (the
 * fixtures' self-signed certificate is for 127.0.0.1), as an office gives its CA.
 */
describe('an https:// proxy', () => {
  let fleet: FixtureFleet;
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  before(async () => {
    fleet = await FixtureFleet.start({ plain: { files: { '/': '<html><body>平</body></html>' } }, tls: { files: { '/': '<html><body>密</body></html>' }, tls: selfSignedTls() } });
    proxy = await startLoopbackProxy((host) => (host === 'www.plain.gov.cn' ? fleet.origin('plain') : host === 'www.tls.gov.cn:443' ? fleet.origin('tls') : null), { tls: selfSignedTls() });
  });
  after(async () => {
    await proxy.close();
    await fleet.close();
  });

  it('trusted: plain HTTP and HTTPS through it, and no warning of Node\'s for a proxy at an address', async () => {
    const script = `
      import { HttpClient } from ${JSON.stringify(new URL('../../src/crawl/http-client.js', import.meta.url).href)};
      const c = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', proxy: ${JSON.stringify(proxy.url)} });
      const seen = [];
      for (const url of ['http://www.plain.gov.cn/', 'https://www.tls.gov.cn/']) {
        const o = await c.send(url, { method: 'GET' });
        seen.push(o.ok ? o.status : o.code + ' ' + o.message);
      }
      process.stdout.write(JSON.stringify(seen));
      await c.close();`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, NODE_EXTRA_CA_CERTS: join(FIXTURES_DIR, 'tls', 'self-signed.crt') }, encoding: 'utf8' });
    expect({ seen: JSON.parse(stdout) as unknown, stderr }).toEqual({ seen: [200, 200], stderr: '' });
  });

  it('not trusted: the crawl stops with ProxyUnreachable, saying to give its CA, nothing stored', async () => {
    const { db } = tmpDb();
    const stopped = await crawlTestSites(db, [{ id: 'plain', url: 'http://www.plain.gov.cn/' }], { proxy: proxy.url }).then(() => null, (e: Error) => e);
    expect(stopped).toBeInstanceOf(ProxyUnreachable);
    expect(stopped!.message).toMatch(/^the proxy https:\/\/127\.0\.0\.1:\d+ cannot be reached \(ECERT: self-signed certificate; its certificate is not trusted: give its CA to Node, NODE_EXTRA_CA_CERTS=/);
    expect(rows(db, `SELECT count(*) AS n FROM fetches`)).toEqual([{ n: 0 }]);
  });
});
