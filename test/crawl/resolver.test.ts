import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { Fetcher } from '../../src/crawl/fetcher.js';
import { DEFAULT_RETRY } from '../../src/crawl/retry.js';
import type { Resolve } from '../../src/crawl/resolver.js';
import { cases } from '../helpers/cases.js';

const lookupError = (code: string, hostname: string) => Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code, hostname, syscall: 'getaddrinfo' });

/**
 * Host names are looked up once a crawl, for the per-IP key and every connection alike, by the
 * crawl's own resolver: here one that gives real-looking names the loopback address, so the
 * requests below reach the local server only if the connections use it.
 */
describe('HostResolver, through the fetcher, over real sockets', () => {
  const hosts: string[] = [];
  const server = createServer((req, res) => {
    hosts.push(req.headers.host!);
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'), 20);
  });
  let port = 0;
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise((r) => server.close(r)));

  /** A resolver that counts its lookups and answers from `answers`, in order per name. */
  function fetcherWith(answers: Record<string, (() => Promise<{ address: string; family: number }[]>)[]>, timeoutMs = 2000, publicName?: (hostname: string) => boolean) {
    const lookups: Record<string, number> = {};
    const resolve: Resolve = (hostname) => {
      const n = (lookups[hostname] = (lookups[hostname] ?? 0) + 1);
      const answer = answers[hostname]?.[Math.min(n, answers[hostname].length) - 1];
      return answer ? answer() : Promise.reject(lookupError('ENOTFOUND', hostname));
    };
    const fetcher = new Fetcher({ concurrency: 8, perHost: 2, perIp: 8, delayMs: 0, timeoutMs, userAgent: 'govsite-test', retry: { ...DEFAULT_RETRY, baseDelayMs: 20 }, resolve, publicName });
    return { fetcher, lookups };
  }
  const loopback = () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
  const get = (fetcher: Fetcher, url: string) => fetcher.fetch(url, { method: 'GET' });

  it('a host name is looked up once for all its connections and requests', async () => {
    const { fetcher, lookups } = fetcherWith({ 'www.example.gov.cn': [loopback] });
    hosts.length = 0;
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => get(fetcher, `http://www.example.gov.cn:${port}/p${i}.html`)));
    await fetcher.close();
    expect(outcomes.map((o) => (o.ok ? o.status : o.code))).toEqual([200, 200, 200, 200, 200, 200]);
    expect(hosts).toEqual(Array(6).fill(`www.example.gov.cn:${port}`));
    expect(lookups).toEqual({ 'www.example.gov.cn': 1 });
  });

  it('a name that does not resolve fails ENOTFOUND, looked up once however often it is asked for', async () => {
    const { fetcher, lookups } = fetcherWith({});
    const outcomes = await Promise.all([1, 2, 3].map((i) => get(fetcher, `http://gone.example.gov.cn:${port}/p${i}.html`)));
    await fetcher.close();
    expect(outcomes.map((o) => (o.ok ? o.status : o.code))).toEqual(['ENOTFOUND', 'ENOTFOUND', 'ENOTFOUND']);
    expect(lookups).toEqual({ 'gone.example.gov.cn': 1 });
  });

  it('a temporary lookup failure (EAI_AGAIN) is looked up again on the retry', async () => {
    const { fetcher, lookups } = fetcherWith({ 'flaky.example.gov.cn': [() => Promise.reject(lookupError('EAI_AGAIN', 'flaky.example.gov.cn')), loopback] });
    const outcome = await get(fetcher, `http://flaky.example.gov.cn:${port}/`);
    await fetcher.close();
    expect(outcome.ok && outcome.status).toBe(200);
    expect(lookups).toEqual({ 'flaky.example.gov.cn': 2 });
  });

  it('a slow lookup is not inside the request deadline (it is made before the request is timed, once)', async () => {
    const slow = () => new Promise<{ address: string; family: number }[]>((r) => setTimeout(() => r([{ address: '127.0.0.1', family: 4 }]), 600));
    const { fetcher, lookups } = fetcherWith({ 'slow.example.gov.cn': [slow] }, 400);
    const outcomes = await Promise.all([1, 2].map((i) => get(fetcher, `http://slow.example.gov.cn:${port}/p${i}.html`)));
    await fetcher.close();
    expect(outcomes.map((o) => (o.ok ? o.status : o.code))).toEqual([200, 200]);
    expect(lookups).toEqual({ 'slow.example.gov.cn': 1 });
  });

  // 203.0.113.5 is a documentation address: looked up here, never connected to
  const publicAddress = () => Promise.resolve([{ address: '203.0.113.5', family: 4 }]);
  cases([
    ['a public page\'s link to a name on a local network (oa.x.gov.cn → an office address) is not asked', 'http://www.example.gov.cn/', 'EPRIVATE', 0],
    ['a page on a local network links to it freely (an intranet audit)', 'http://intranet.example.gov.cn/', 200, 1],
    ['an address no page links to (the registry\'s) is asked', null, 200, 1],
  ])('%s', async (_what, referrer: string | null, expected: number | string, requests: number) => {
    const { fetcher } = fetcherWith({ 'oa.example.gov.cn': [loopback], 'www.example.gov.cn': [publicAddress], 'intranet.example.gov.cn': [loopback] });
    hosts.length = 0;
    const outcome = await fetcher.fetch(`http://oa.example.gov.cn:${port}/oa/`, { method: 'GET' }, { referrer });
    await fetcher.close();
    expect([outcome.ok ? outcome.status : outcome.code, hosts.length]).toEqual([expected, requests]);
  });

  it('a public page\'s link to a site the registry names, which this machine\'s DNS gives an office address (a government network\'s split DNS), is asked', async () => {
    const { fetcher } = fetcherWith({ 'oa.example.gov.cn': [loopback], 'www.example.gov.cn': [publicAddress] }, 2000, (hostname) => hostname === 'oa.example.gov.cn');
    hosts.length = 0;
    const outcome = await fetcher.fetch(`http://oa.example.gov.cn:${port}/oa/`, { method: 'GET' }, { referrer: 'http://www.example.gov.cn/' });
    await fetcher.close();
    expect([outcome.ok ? outcome.status : outcome.code, hosts.length]).toEqual([200, 1]);
  });

  // the proxy would resolve the name itself (nothing to tell here); no_proxy sends these hosts past it
  it('behind HTTP_PROXY, a host NO_PROXY sends direct is looked at all the same: the link is not asked', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '.example.gov.cn' });
    try {
      const { fetcher } = fetcherWith({ 'oa.example.gov.cn': [loopback], 'www.example.gov.cn': [publicAddress] });
      hosts.length = 0;
      const outcome = await fetcher.fetch(`http://oa.example.gov.cn:${port}/oa/`, { method: 'GET' }, { referrer: 'http://www.example.gov.cn/' });
      await fetcher.close();
      expect([outcome.ok ? outcome.status : outcome.code, hosts.length]).toEqual(['EPRIVATE', 0]);
    } finally {
      for (const name of ['HTTP_PROXY', 'NO_PROXY']) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
    }
  });
});
