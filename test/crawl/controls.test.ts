import { createServer as createNetServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { NetworkControls } from '../../src/crawl/controls.js';
import { HttpClient } from '../../src/crawl/http-client.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { cases } from '../helpers/cases.js';
import { crawlTestSites, rows } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

/**
 * This machine's network, as the crawl sees it: a gate on a port of its own that forwards to the
 * fixture site while up, and refuses connections while down (its listener closed, as a route or a
 * proxy gone refuses them).
 */
class Gate {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(private readonly upstreamPort: number, readonly port: number) {}

  static async open(upstreamPort: number): Promise<Gate> {
    const probe = createNetServer();
    const port = await new Promise<number>((r) => probe.listen(0, '127.0.0.1', () => r((probe.address() as { port: number }).port)));
    await new Promise((r) => probe.close(r));
    const gate = new Gate(upstreamPort, port);
    await gate.up();
    return gate;
  }

  up(): Promise<void> {
    this.server = createNetServer((socket) => {
      this.sockets.add(socket);
      const upstream = connect(this.upstreamPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      const end = () => { socket.destroy(); upstream.destroy(); this.sockets.delete(socket); };
      socket.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
    });
    return new Promise((r) => this.server!.listen(this.port, '127.0.0.1', () => r()));
  }

  down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    return new Promise((r) => (server ? server.close(() => r()) : r()));
  }
}

const html = (body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>首页</title></head><body>${body}</body></html>`;
const SITE = { files: { '/': html('<a href="/p1.html">一</a><a href="/p2.html">二</a>'), '/p1.html': html('一'), '/p2.html': html('二') } };

let fleet: FixtureFleet | undefined;
let gate: Gate | undefined;
let reopening: NodeJS.Timeout | undefined;
afterEach(async () => {
  clearTimeout(reopening);
  await gate?.down();
  await fleet?.close();
  fleet = undefined;
  gate = undefined;
});

describe('this machine\'s network down during a crawl (--control)', () => {
  cases([
    { name: 'with a control: the crawl waits for the network and reads the site whole', controls: true, backAfterMs: 600,
      pages: [['/', 200, 'ok', null], ['/p1.html', 200, 'ok', null], ['/p2.html', 200, 'ok', null]] },
    // the network stays down for the whole crawl: reopened after 600 ms, it was back before the first request on a busy machine
    { name: 'without one: every request meanwhile is the site\'s failure (its home page refused)', controls: false, backAfterMs: null,
      pages: [['/', null, 'broken', 'ECONNREFUSED']] },
    { name: 'down past the longest outage: EOFFLINE, inconclusive, never a dead link', controls: true, backAfterMs: null,
      pages: [['/', null, 'inconclusive', 'EOFFLINE'], ['/', null, 'inconclusive', 'EOFFLINE']] },
  ])('$name', async ({ controls, backAfterMs, pages }: { controls: boolean; backAfterMs: number | null; pages: unknown[][] }) => {
    fleet = await FixtureFleet.start({ a: SITE });
    gate = await Gate.open(Number(new URL(fleet.origin('a')).port));
    const origin = `http://127.0.0.1:${gate.port}`;
    await gate.down();
    const closed = gate;
    if (backAfterMs !== null) reopening = setTimeout(() => void closed.up(), backAfterMs);
    const { db } = tmpDb();
    const started = Date.now();
    const { runId } = await crawlTestSites(db, [{ id: 'a', url: `${origin}/` }], {
      timeoutMs: 1000, ...(controls ? { controls: [`${origin}/control.html`], outagePollMs: 100, maxOutageMs: 1500 } : {}),
    });
    const fetched = rows(db, `SELECT url, status, verdict, error_code FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY id`, runId)
      .map((r) => [String(r['url']).slice(origin.length), r['status'], r['verdict'], r['error_code']]);
    expect(fetched).toEqual(pages);
    if (controls && backAfterMs !== null) expect(Date.now() - started).toBeGreaterThanOrEqual(backAfterMs);
  });
});

describe('through a proxy whose own uplink is down (its 502 for everything)', () => {
  it('the crawl waits for it with a control, and reads the site whole', async () => {
    fleet = await FixtureFleet.start({ a: SITE });
    const upstream = fleet.origin('a');
    let up = false;
    const proxy = await startLoopbackProxy(() => (up ? upstream : null));
    reopening = setTimeout(() => (up = true), 600);
    try {
      const { db } = tmpDb();
      const { runId } = await crawlTestSites(db, [{ id: 'a', url: 'http://www.example.gov.cn/' }], {
        proxy: proxy.url, timeoutMs: 1000, controls: ['http://www.gov.cn/'], outagePollMs: 100, maxOutageMs: 3000,
      });
      expect(rows(db, `SELECT url, status, verdict FROM fetches WHERE run_id = ? AND purpose = 'page' ORDER BY id`, runId)).toEqual(
        ['/', '/p1.html', '/p2.html'].map((path) => ({ url: `http://www.example.gov.cn${path}`, status: 200, verdict: 'ok' })),
      );
    } finally {
      await proxy.close();
    }
  });
});

describe('NetworkControls', () => {
  it('failures share an ask in flight or a recent answer, never an older one; any HTTP answer will do', async () => {
    const control = await FixtureFleet.start({ control: { files: {}, behaviours: { '/': { delayMs: 100, status: 404 } } } });
    const client = new HttpClient({ perHost: 2, timeoutMs: 5000, userAgent: 'govsite-test' });
    const hits = () => control.stats('control').hits.get('GET /');
    const send = (url: string) => client.send(url, { method: 'GET' });
    try {
      const urls = [`${control.origin('control')}/`];
      const fresh = new NetworkControls(urls, send, 100, 1000, 60_000);
      const together = [fresh.reachableSince(Date.now()), fresh.reachableSince(Date.now())];
      await new Promise((r) => setTimeout(r, 20));
      // begun before this failure, but still in flight: its answer comes after the failure
      together.push(fresh.reachableSince(Date.now()));
      expect(await Promise.all(together)).toEqual([true, true, true]);
      expect(await fresh.reachableSince(Date.now())).toBe(true); // answered a moment ago
      expect(hits()).toBe(1);
      const stale = new NetworkControls(urls, send, 100, 1000, 0);
      await stale.reachableSince(Date.now());
      expect(await stale.reachableSince(Date.now())).toBe(true); // answered before this failure began: asked again
      expect(hits()).toBe(3);
      expect(await new NetworkControls(['http://127.0.0.1:1/'], send).reachableSince(Date.now())).toBe(false);
    } finally {
      await client.close();
      await control.close();
    }
  });
});
