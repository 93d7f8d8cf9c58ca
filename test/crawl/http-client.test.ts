import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { expect } from 'expect';
import { analysedBytes } from '../../src/crawl/content-types.js';
import { HttpClient } from '../../src/crawl/http-client.js';
import { startLoopbackProxy } from '../../src/fixture-server/proxy.js';
import { selfSignedTls } from '../../src/fixture-server/server.js';
import { cases } from '../helpers/cases.js';

/** What the client reads, over a real socket: size caps, a decompression bomb, HEAD and 304, a body that stalls. */
describe('HttpClient', () => {
  const closed: string[] = [];
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      // 64 KB chunks for as long as the client reads: it must stop at its cap and hang up
      const write = () => {
        while (res.write(Buffer.alloc(65_536, 0x61)));
      };
      res.on('drain', write);
      write();
    },
    '/bomb': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x61))),
    '/page': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.from('<html><body>政务公开</body></html>')));
    },
    // 1 MB of attachment at 320 KB/s, past the 1.5 s time limit
    '/slow.pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(1024 * 1024) });
      const send = (left: number) => {
        if (left <= 0 || res.destroyed) return void res.end();
        res.write(Buffer.alloc(32 * 1024, 0x25));
        setTimeout(() => send(left - 32 * 1024), 100);
      };
      send(1024 * 1024);
    },
    '/small.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png', 'content-length': '2048' }).end(Buffer.alloc(2048, 0x89)),
    '/gone.pdf': (_req, res) => res.writeHead(404, { 'content-type': 'application/pdf' }).end('<html><body>页面不存在</body></html>'),
    '/stall': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>'); // and nothing more
    },
  };
  const server = createServer((req, res) => {
    req.socket.once('close', () => closed.push(req.url!));
    routes[req.url!]!(req, res);
  });
  let origin = '';
  const client = new HttpClient({ perHost: 4, timeoutMs: 1500, userAgent: 'govsite-test', maxBodyBytes: 1024 * 1024, maxDecodedBytes: 4 * 1024 * 1024 });

  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await client.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('an endless body is read up to the cap, kept as truncated, and the connection is dropped', async () => {
    const outcome = await client.send(`${origin}/big`, { method: 'GET' });
    expect(outcome).toMatchObject({ ok: true, status: 200, truncated: true });
    expect(outcome.ok && outcome.body.length).toBe(1024 * 1024);
    await new Promise((r) => setTimeout(r, 100));
    expect(closed).toContain('/big');
  });

  it('a gzip body that inflates past the decoded cap is a failure, not 32 MB in memory', async () => {
    const outcome = await client.send(`${origin}/bomb`, { method: 'GET' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.message).toMatch(/buffer|larger|length/i);
  });

  it('a gzip page is inflated and its wire form kept; the same request with its ETag is a 304 without a body', async () => {
    const first = await client.send(`${origin}/page`, { method: 'GET' });
    expect(first.ok && first.body.toString()).toBe('<html><body>政务公开</body></html>');
    expect(first.ok && first.gzipped?.length).toBeGreaterThan(10);
    const second = await client.send(`${origin}/page`, { method: 'GET', headers: { 'if-none-match': '"v1"' } });
    expect(second).toMatchObject({ ok: true, status: 304, truncated: false, headers: { etag: '"v1"' } });
    expect(second.ok && second.body.length).toBe(0);
    const head = await client.send(`${origin}/page`, { method: 'HEAD' });
    expect(head).toMatchObject({ ok: true, status: 200 });
    expect(head.ok && head.body.length).toBe(0);
  });

  it('a body that stalls after the headers costs one timeout', async () => {
    const started = Date.now();
    const outcome = await client.send(`${origin}/stall`, { method: 'GET' });
    expect(outcome).toMatchObject({ ok: false, code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  cases([
    { name: 'an attachment ends at its headers, its long body not read: a slow server is not a timeout', path: '/slow.pdf', status: 200, body: 0, closed: true },
    { name: 'a short one is let through, so its connection stays open', path: '/small.png', status: 200, body: 0, closed: false },
    { name: 'an error answer is read whatever its type (a bot wall says what it is in its body)', path: '/gone.pdf', status: 404, body: 41, closed: false },
    { name: 'an HTML page is read whole', path: '/page', status: 200, body: 38, closed: false },
  ])('bodyBytes analysedBytes: $name', async ({ path, status, body, closed: hungUp }: { path: string; status: number; body: number; closed: boolean }) => {
    const before = closed.length;
    const started = Date.now();
    const outcome = await client.send(`${origin}${path}`, { method: 'GET', bodyBytes: analysedBytes });
    expect(outcome).toMatchObject({ ok: true, status, truncated: false });
    expect(outcome.ok && outcome.body.length).toBe(body);
    expect(Date.now() - started).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 100));
    // a socket's close names every request it served: only closes since this request count
    expect(closed.slice(before).includes(path)).toBe(hungUp);
  });

  it('without bodyBytes (robots.txt, probes) the body is read to its end, within the time limit: the slow attachment times out', async () => {
    const outcome = await client.send(`${origin}/slow.pdf`, { method: 'GET' });
    expect(outcome).toMatchObject({ ok: false, code: 'ETIMEDOUT' });
  });
});

/**
 * Answers that break HTTP/1.1, written byte for byte on a raw socket, each from a server of its own
 * (an origin read leniently once is read leniently from then on): a failure an inspector can name,
 * not EUNKNOWN; and what browsers read, read.
 */
const answers: Record<string, string> = {
  'lf-only': 'HTTP/1.1 200 OK\nContent-Type: text/html\nConnection: close\nContent-Length: 2\n\nok',
  'space-before-colon': 'HTTP/1.1 200 OK\r\nContent-Type : text/html\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok',
  'control-char': 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Powered-By: a\x01b\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok',
  'short-body': 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\nConnection: close\r\n\r\nok',
  'no-reason': 'HTTP/1.1 200\r\nContent-Type: text/html\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok',
};

describe('HttpClient, malformed answers', () => {
  const client = new HttpClient({ perHost: 2, timeoutMs: 2000, userAgent: 'govsite-test' });
  const servers: Server[] = [];
  after(async () => {
    await client.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });
  /** A server that writes `answer` to every request, and counts its connections. */
  async function serving(answer: string) {
    const counted = { origin: '', connections: 0 };
    const server = createNetServer((socket) => {
      counted.connections++;
      socket.once('data', () => socket.end(answer));
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    counted.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return counted;
  }

  // browsers read the first two: so does govsite, through Node's lenient parser; what neither parser reads is EPROTO with the reason
  cases([
    ['lf-only', 200, null],
    ['control-char', 200, null],
    ['space-before-colon', 'EPROTO', /Invalid header token/],
    ['short-body', 'EPROTO', /does not match content-length/],
    ['no-reason', 200, null],
  ])('%s → %s', async (kind: string, expected: string | number, message: RegExp | null) => {
    const { origin } = await serving(answers[kind]!);
    const outcome = await client.send(`${origin}/`, { method: 'GET' });
    expect(outcome.ok ? outcome.status : outcome.code).toBe(expected);
    if (outcome.ok) expect(outcome.body.toString()).toBe('ok');
    if (message) expect(!outcome.ok && outcome.message).toMatch(message);
  });

  it('an origin read leniently once is asked leniently from then on: one connection a request, not two', async () => {
    const server = await serving(answers['lf-only']!);
    const first = await client.send(`${server.origin}/a`, { method: 'GET' });
    expect(server.connections).toBe(2);
    const second = await client.send(`${server.origin}/b`, { method: 'GET' });
    expect([first.ok && first.status, second.ok && second.status]).toEqual([200, 200]);
    expect(server.connections).toBe(3);
  });
});

/**
 * The answers browsers read though they break HTTP, behind a proxy as an inspection office crawls:
 * read again leniently the way the first request went — through the proxy's CONNECT tunnel for
 * HTTPS, in absolute form to the proxy for plain HTTP — and direct for a host NO_PROXY names. The
 * proxied sites' names resolve nowhere: only the proxy can reach them, so an answer proves its way.
 */
describe('HttpClient, malformed answers behind a proxy', () => {
  /** each request head the two sites received */
  const heads: string[] = [];
  const closers: (() => void)[] = [];
  let plain = '';
  let secure = '';
  let proxy: Awaited<ReturnType<typeof startLoopbackProxy>>;
  /** a proxy that relays plain HTTP byte for byte (as a transparent one does), and counts its connections */
  const relay = { url: '', connections: 0 };
  const lfOnly = (socket: Socket) => socket.once('data', (head: Buffer) => {
    heads.push(head.toString('latin1').toLowerCase());
    socket.end(answers['lf-only']);
  });
  before(async () => {
    const servers = [createNetServer(lfOnly), createTlsServer(selfSignedTls(), lfOnly), createNetServer((socket) => {
      relay.connections++;
      const site = connect(Number(new URL(plain).port), '127.0.0.1');
      socket.pipe(site).pipe(socket);
      site.on('error', () => socket.destroy());
      socket.on('error', () => site.destroy());
    })];
    const ports = await Promise.all(servers.map((server) => new Promise<number>((r) => server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)))));
    closers.push(...servers.map((server) => () => server.close()));
    [plain, secure, relay.url] = [`http://127.0.0.1:${ports[0]}`, `https://127.0.0.1:${ports[1]}`, `http://127.0.0.1:${ports[2]}`];
    proxy = await startLoopbackProxy((host) => (host === 'www.tls.gov.cn:443' ? secure : null));
  });
  after(async () => {
    await proxy.close();
    closers.forEach((close) => close());
  });

  it('a proxy that refuses the lenient request\'s tunnel (after letting the first through): its 502, as any refused tunnel is', async () => {
    let tunnels = 0;
    const once = await startLoopbackProxy((host) => (host === 'www.tls.gov.cn:443' && tunnels++ === 0 ? secure : null));
    const client = new HttpClient({ perHost: 2, timeoutMs: 2000, userAgent: 'govsite-test', proxy: once.url });
    try {
      const outcome = await client.send('https://www.tls.gov.cn/', { method: 'GET' });
      expect([outcome.ok ? outcome.status : `${outcome.code} ${outcome.message}`, tunnels]).toEqual([502, 2]);
    } finally {
      await client.close();
      await once.close();
    }
  });

  cases([
    { name: 'HTTPS through --proxy: a second CONNECT tunnel', proxy: 'tunnel', env: {}, url: 'https://www.tls.gov.cn/', certificate: 'DEPTH_ZERO_SELF_SIGNED_CERT', tunnels: 2, relayed: 0 },
    { name: 'HTTPS through HTTPS_PROXY: a second CONNECT tunnel', proxy: null, env: { HTTPS_PROXY: 'tunnel' }, url: 'https://www.tls.gov.cn/', certificate: 'DEPTH_ZERO_SELF_SIGNED_CERT', tunnels: 2, relayed: 0 },
    { name: 'plain HTTP through --proxy: absolute form to the proxy again', proxy: 'relay', env: {}, url: 'http://www.lf.gov.cn/', certificate: null, tunnels: 0, relayed: 2 },
    { name: 'plain HTTP through HTTP_PROXY: absolute form to the proxy again', proxy: null, env: { HTTP_PROXY: 'relay' }, url: 'http://www.lf.gov.cn/', certificate: null, tunnels: 0, relayed: 2 },
    { name: 'a host NO_PROXY names: direct both times', proxy: null, env: { HTTP_PROXY: 'relay', NO_PROXY: '127.0.0.1' }, url: 'plain', certificate: null, tunnels: 0, relayed: 0 },
  ])('$name', async ({ proxy: via, env, url, certificate, tunnels, relayed }: { proxy: string | null; env: Record<string, string>; url: string; certificate: string | null; tunnels: number; relayed: number }) => {
    const named = (v: string) => (v === 'tunnel' ? proxy.url : v === 'relay' ? relay.url : v === 'plain' ? `${plain}/` : v);
    const saved = { ...process.env };
    for (const [name, value] of Object.entries(env)) process.env[name] = named(value);
    const client = new HttpClient({ perHost: 2, timeoutMs: 2000, userAgent: 'govsite-test', ...(via ? { proxy: named(via) } : {}) });
    const before = { tunnels: proxy.requests(), relayed: relay.connections, heads: heads.length };
    try {
      const outcome = await client.send(named(url), { method: 'GET' });
      expect({ status: outcome.ok ? outcome.status : `${outcome.code} ${outcome.message}`, body: outcome.ok && outcome.body.toString(), certificate: outcome.certificate ?? null })
        .toEqual({ status: 200, body: 'ok', certificate });
      expect({ tunnels: proxy.requests() - before.tunnels, relayed: relay.connections - before.relayed }).toEqual({ tunnels, relayed });
      // both requests, the strict one and the lenient one, say who asks
      expect(heads.slice(before.heads).map((head) => /^user-agent: govsite-test\r$/m.test(head))).toEqual([true, true]);
    } finally {
      await client.close();
      for (const name of Object.keys(env)) if (saved[name] === undefined) delete process.env[name]; else process.env[name] = saved[name];
    }
  });
});
