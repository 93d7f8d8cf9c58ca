import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { HttpClient } from '../../src/crawl/http-client.js';
import { withHttpsUpgrade } from '../../src/crawl/https-upgrade.js';
import type { FetchOutcome } from '../../src/crawl/outcome.js';
import { FixtureFleet, selfSignedTls } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { probeHomePage } from '../../src/probe/probe.js';
import { cases } from '../helpers/cases.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const TLS = selfSignedTls();
const html = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>首页</title></head><body>${body}</body></html>`;

/**
 * A site that closed port 80 when it moved to HTTPS, reached by its registry's http:// address and
 * old http:// links, as a browser reaches it (HTTPS-Upgrades): through the loopback proxy, which
 * answers 502 for plain HTTP to it (nothing listens there) and tunnels HTTPS to a TLS fixture server.
 */
describe('an http:// address whose site answers only over HTTPS', () => {
  let fleet: FixtureFleet;
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  before(async () => {
    fleet = await FixtureFleet.start({ secure: { tls: TLS, files: { '/': html('<a href="http://www.secure.gov.cn/p.html">旧链接</a>'), '/p.html': html('页面') } } });
    proxy = await startLoopbackProxy((host) => (host === 'www.secure.gov.cn:443' ? fleet.origin('secure') : null));
  });
  after(async () => {
    await proxy.close();
    await fleet.close();
  });

  it('is crawled over HTTPS, recorded as a browser shows it: a 307 to the https:// address', async () => {
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, [{ id: 's', url: 'http://www.secure.gov.cn/' }], { proxy: proxy.url });
    expect(rows(db, `SELECT url, final_url, status, verdict, redirects FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY id`, runId)).toEqual([
      { url: 'http://www.secure.gov.cn/', final_url: 'https://www.secure.gov.cn/', status: 200, verdict: 'ok', redirects: JSON.stringify([{ url: 'http://www.secure.gov.cn/', status: 307 }]) },
      { url: 'http://www.secure.gov.cn/p.html', final_url: 'https://www.secure.gov.cn/p.html', status: 200, verdict: 'ok', redirects: JSON.stringify([{ url: 'http://www.secure.gov.cn/p.html', status: 307 }]) },
    ]);
  });

  it('its availability probe opens the page', async () => {
    const client = new HttpClient({ perHost: 1, timeoutMs: 5000, userAgent: 'govsite-test', proxy: proxy.url });
    try {
      expect(await probeHomePage(client, { siteId: 's', url: 'http://www.secure.gov.cn/' })).toMatchObject({ ok: true, status: 200, errorCode: null });
    } finally {
      await client.close();
    }
  });
});

describe('when an http:// address is asked over HTTPS', () => {
  const failed = (code: string) => ({ ok: false as const, code: code as 'ECONNREFUSED', message: code, finalUrl: '', redirects: [], ms: 0 });
  const answered = (status: number) => ({ ok: true as const, status, finalUrl: '', redirects: [], headers: {}, body: Buffer.alloc(0), truncated: false, ms: 0 });
  cases([
    ['http://x.gov.cn/', failed('ECONNREFUSED'), false, false, true],
    ['http://x.gov.cn/', failed('ECONNRESET'), false, false, true],
    ['http://x.gov.cn/', failed('ETIMEDOUT'), false, false, false], // a link: a timeout is not asked again (a dead host would cost two)
    ['http://x.gov.cn/', failed('ETIMEDOUT'), false, true, true], // a home page: it is
    ['http://x.gov.cn/', failed('ENOTFOUND'), false, true, false],
    ['http://x.gov.cn/', answered(404), false, false, false],
    ['http://x.gov.cn/', answered(502), true, false, true], // a proxy's "nothing answers there"
    ['http://x.gov.cn/', answered(502), false, false, false], // the site's own 502
    ['http://x.gov.cn:8080/', failed('ECONNREFUSED'), false, false, false], // a port of its own: browsers do not upgrade it
    ['https://x.gov.cn/', failed('ECONNREFUSED'), false, false, false],
  ])('%s, %j (proxied %s, home %s): asked over HTTPS %s', async (url: string, first: FetchOutcome, proxied: boolean, onTimeout: boolean, upgraded: boolean) => {
    const asked: string[] = [];
    await withHttpsUpgrade(url, (u) => (asked.push(u), Promise.resolve(asked.length === 1 ? first : answered(200))), { proxied, onTimeout });
    expect(asked).toEqual(upgraded ? [url, url.replace('http://', 'https://')] : [url]);
  });

  // through a proxy, nothing answering over HTTPS either is the proxy's 502 / 504 for the tunnel: not a page the upgrade found
  cases([
    ['the proxy\'s 502 for both', answered(502), answered(502), true, 502, 0],
    ['the proxy\'s 504 over HTTPS', answered(502), answered(504), true, 502, 0],
    ['HTTPS answers through the proxy', answered(502), answered(200), true, 200, 1],
    ['the site refuses, then its HTTPS answers 502 itself (no proxy)', failed('ECONNREFUSED'), answered(502), false, 502, 1],
  ])('%s', async (_name: string, first: FetchOutcome, second: FetchOutcome, proxied: boolean, status: number, redirects: number) => {
    const outcome = await withHttpsUpgrade('http://x.gov.cn/', (u) => Promise.resolve(u.startsWith('https:') ? second : first), { proxied, onTimeout: true });
    expect([outcome.ok ? outcome.status : outcome.code, outcome.redirects.length]).toEqual([status, redirects]);
  });
});
