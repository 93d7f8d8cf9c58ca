import { after, before, describe } from 'node:test';
import { expect } from 'expect';
import { HttpClient } from '../../src/crawl/http-client.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { cases } from '../helpers/cases.js';

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
    { name: 'HTTP_PROXY', option: false, env: { HTTP_PROXY: 'proxy' } },
    { name: 'http_proxy, with NO_PROXY naming other hosts', option: false, env: { http_proxy: 'proxy', NO_PROXY: 'localhost,.example.org' } },
  ])('$name: six hosts, at most two connections to the proxy', async ({ option, env }: { option: boolean; env: Record<string, string> }) => {
    const saved = { ...process.env };
    for (const [name, value] of Object.entries(env)) process.env[name] = value === 'proxy' ? proxy.url : value;
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test', ...(option ? { proxy: proxy.url } : {}) });
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
