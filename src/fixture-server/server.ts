import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURES_DIR } from '../paths.js';
import { contentTypeFor, type Behaviour, type Behaviours } from './behaviours.js';

/** A key and certificate of fixtures/tls, `name`.key and `name`.crt. */
const tlsPair = (name: string): { key: Buffer; cert: Buffer } => ({ key: readFileSync(join(FIXTURES_DIR, 'tls', `${name}.key`)), cert: readFileSync(join(FIXTURES_DIR, 'tls', `${name}.crt`)) });

/** A self-signed pair: a site served with it fails verification as a self-signed site does. */
export const selfSignedTls = (): { key: Buffer; cert: Buffer } => tlsPair('self-signed');

/** A test CA's certificate: trusted as a root (NODE_EXTRA_CA_CERTS), the certificate of testCaTls() verifies. */
export const TEST_CA_FILE = join(FIXTURES_DIR, 'tls', 'test-ca.crt');
/** 127.0.0.1's key and certificate from the test CA (TEST_CA_FILE). */
export const testCaTls = (): { key: Buffer; cert: Buffer } => tlsPair('test-ca-leaf');

/** A site's files by path ('/' → index.html), as bytes, plus planted behaviours. */
export interface SiteContent {
  files: Record<string, Buffer | string>;
  behaviours?: Behaviours;
  /** charset named in Content-Type for text files; default utf-8 */
  charset?: string;
  /** behaviour for every path that has neither a file nor a behaviour of its own (default: 404) */
  fallback?: Behaviour;
  /**
   * A Java server's sessions, for a visitor that sends no cookie: `{{session}}` in a text file is
   * written `;jsessionid=ID`, ID the one in the request's path or a new one for a request without
   * one (as Tomcat's encodeURL writes it), and the path is routed without it
   */
  sessions?: boolean;
  /** served over HTTPS with this key and certificate (selfSignedTls: fixtures/tls's self-signed pair) */
  tls?: { key: Buffer | string; cert: Buffer | string };
}

export interface SiteStats {
  requests: number;
  /** requests by path and method, e.g. "GET /a.html" */
  hits: Map<string, number>;
  openSockets: number;
  peakSockets: number;
  inFlight: number;
  peakInFlight: number;
  /** when each request arrived (ms since the epoch) and what it asked for, for pacing tests */
  arrivals: { at: number; request: string }[];
  /** TLS handshakes the client broke off (it refused the certificate) */
  refusedHandshakes: number;
  /** connections accepted (over TLS: handshakes completed) */
  connections: number;
}

export interface ServedSite {
  name: string;
  origin: string;
  stats: SiteStats;
}

/** Reads fixtures/sites/<name>: every file, and behaviours.json / site.json when present. */
export function loadSiteDir(dir: string): SiteContent {
  const files: Record<string, Buffer> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = `${sub}/${name}`;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else if (rel !== '/behaviours.json' && rel !== '/site.json') files[rel] = readFileSync(join(dir, rel));
    }
  };
  walk('');
  const behaviours = existsSync(join(dir, 'behaviours.json')) ? (JSON.parse(readFileSync(join(dir, 'behaviours.json'), 'utf8')) as Behaviours) : {};
  const meta = existsSync(join(dir, 'site.json')) ? (JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')) as { charset?: string }) : {};
  return { files, behaviours, ...(meta.charset ? { charset: meta.charset } : {}) };
}

const SESSION_IN_PATH = /;jsessionid=([^;/?#]*)/i;

/** The request comes from a page of the host it asks (its Referer names that host). */
function fromHost(req: IncomingMessage): boolean {
  const referer = req.headers.referer;
  return referer !== undefined && URL.canParse(referer) && new URL(referer).host === req.headers.host;
}

const newStats = (): SiteStats => ({ requests: 0, hits: new Map(), openSockets: 0, peakSockets: 0, inFlight: 0, peakInFlight: 0, arrivals: [], refusedHandshakes: 0, connections: 0 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Writes `body` a `chunk` of bytes every 100 ms, until it is sent or the client hangs up. */
async function trickle(res: ServerResponse, body: Buffer, chunk: number): Promise<void> {
  for (let at = 0; at < body.length && !res.destroyed; at += chunk) {
    res.write(body.subarray(at, at + chunk));
    await sleep(100);
  }
  if (!res.destroyed) res.end();
}

/**
 * Serves fixture sites on 127.0.0.1, each on its own ephemeral port, counting connections and
 * in-flight requests per site. `{{origin:NAME}}` in a text file becomes that site's origin, so sites
 * can link to each other whatever ports they got.
 */
export class FixtureFleet {
  private readonly servers: Server[] = [];
  private readonly hanging = new Set<ServerResponse>();
  /** each file's served bytes, ETag and gzip form, computed once: the server must not eat the CPU the crawler is measured on */
  private readonly prepared = new Map<string | Buffer, { body: Buffer; etag: string; gzipped: Buffer | null }>();
  readonly sites = new Map<string, ServedSite>();
  private readonly contents = new Map<string, SiteContent>();
  /** requests in flight across every site of the fleet (they all share 127.0.0.1) */
  inFlight = 0;
  peakInFlight = 0;

  static async start(sites: Record<string, SiteContent>): Promise<FixtureFleet> {
    const fleet = new FixtureFleet();
    const servers = Object.keys(sites).map((name) => fleet.listen(name, sites[name]!));
    await Promise.all(servers);
    return fleet;
  }

  static async startDir(sitesDir: string, only?: readonly string[]): Promise<FixtureFleet> {
    const names = readdirSync(sitesDir).filter((n) => statSync(join(sitesDir, n)).isDirectory() && (!only || only.includes(n)));
    return FixtureFleet.start(Object.fromEntries(names.map((n) => [n, loadSiteDir(join(sitesDir, n))])));
  }

  origin(name: string): string {
    const site = this.sites.get(name);
    if (!site) throw new Error(`no fixture site "${name}"`);
    return site.origin;
  }

  stats(name: string): SiteStats {
    return this.sites.get(name)!.stats;
  }

  /** Replaces {{origin:NAME}} in a text with the served origins. */
  resolve(text: string): string {
    return text.replace(/\{\{origin:([a-z0-9-]+)\}\}/g, (m, name: string) => this.sites.get(name)?.origin ?? m);
  }

  /** Serves new content for a site on the same origin from the next request on (a site changed between two audits). */
  update(name: string, content: SiteContent): void {
    this.origin(name);
    this.contents.set(name, content);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
  }

  private listen(name: string, content: SiteContent): Promise<void> {
    const stats = newStats();
    const served: ServedSite = { name, origin: '', stats };
    this.sites.set(name, served);
    this.contents.set(name, content);
    const calls = new Map<string, number>();
    const handle = (req: IncomingMessage, res: ServerResponse) => {
      stats.requests++;
      stats.inFlight++;
      stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
      this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
      res.on('close', () => {
        stats.inFlight--;
        this.inFlight--;
      });
      const current = this.contents.get(name)!;
      const pathname = new URL(req.url ?? '/', 'http://x').pathname;
      const path = current.sessions ? pathname.replace(SESSION_IN_PATH, '') : pathname;
      const key = `${req.method} ${path}`;
      stats.hits.set(key, (stats.hits.get(key) ?? 0) + 1);
      stats.arrivals.push({ at: Date.now(), request: key });
      const n = (calls.get(path) ?? 0) + 1;
      calls.set(path, n);
      void this.answer(req, res, current, path, n);
    };
    const server = content.tls ? createHttpsServer(content.tls, handle) : createServer(handle);
    server.keepAliveTimeout = 5000;
    server.on('tlsClientError', () => stats.refusedHandshakes++);
    server.on(content.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      stats.connections++;
      stats.openSockets++;
      stats.peakSockets = Math.max(stats.peakSockets, stats.openSockets);
      socket.on('close', () => stats.openSockets--);
    });
    this.servers.push(server);
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
      served.origin = `${content.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    }));
  }

  private prepare(file: string | Buffer, text: boolean): { body: Buffer; etag: string; gzipped: Buffer | null } {
    let ready = this.prepared.get(file);
    if (!ready) {
      let body = Buffer.isBuffer(file) ? file : Buffer.from(file);
      // latin1 round-trips every byte, so ASCII placeholders are replaced in GBK files without re-encoding them
      if (text) body = Buffer.from(this.resolve(body.toString('latin1')), 'latin1');
      const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
      ready = { body, etag, gzipped: text && body.length > 1024 ? gzipSync(body) : null };
      this.prepared.set(file, ready);
    }
    return ready;
  }

  /** A text file as written for one session: its `{{session}}` links carry the session id. */
  private sessionPage(file: string | Buffer, session: string): Buffer {
    return Buffer.from(this.prepare(file, true).body.toString('latin1').replaceAll('{{session}}', `;jsessionid=${session}`), 'latin1');
  }

  private async answer(req: IncomingMessage, res: ServerResponse, content: SiteContent, path: string, nth: number): Promise<void> {
    const behaviour: Behaviour = content.behaviours?.[path] ?? (content.files[path] === undefined && content.files[`${path}index.html`] === undefined ? content.fallback : undefined) ?? {};
    if (behaviour.hang || (behaviour.hangTimes !== undefined && nth <= behaviour.hangTimes)) {
      this.hanging.add(res);
      return;
    }
    if (behaviour.delayMs) await sleep(behaviour.delayMs);
    if (behaviour.retryAfter && nth <= behaviour.retryAfter.times) {
      res.writeHead(429, { 'retry-after': String(behaviour.retryAfter.seconds), 'content-type': 'text/plain' }).end('slow down');
      return;
    }
    if ((behaviour.failTimes && nth <= behaviour.failTimes) || (behaviour.failEvery && nth % behaviour.failEvery === 0)) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    if (behaviour.hotlinkProtected && !fromHost(req)) {
      res.writeHead(403, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><h1>403 Forbidden</h1></body></html>');
      return;
    }
    if (behaviour.redirect) {
      res.writeHead(behaviour.status ?? 302, { location: this.resolve(behaviour.redirect) }).end();
      return;
    }
    const cookies = (req.headers.cookie ?? '').split(/;\s*/);
    if (behaviour.cookieCheck && !(cookies.includes(behaviour.cookieCheck) && cookies.includes('lang=zh-CN'))) {
      // two Set-Cookie headers, the first with an Expires date (its comma must not split it), both wanted back
      res.writeHead(302, { location: path, 'set-cookie': [`${behaviour.cookieCheck}; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/; HttpOnly`, 'lang=zh-CN; Path=/'] }).end();
      return;
    }
    const file = behaviour.body !== undefined ? behaviour.body : content.files[path] ?? content.files[path.endsWith('/') ? `${path}index.html` : `${path}/index.html`];
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    const type = behaviour.contentType ?? contentTypeFor(path.endsWith('/') ? 'index.html' : path);
    const text = /^text\/|javascript|json|xml/.test(type);
    const session = content.sessions && text ? SESSION_IN_PATH.exec(req.url ?? '')?.[1] ?? randomBytes(16).toString('hex').toUpperCase() : null;
    // a page written for its session has no validators and no stored gzip form
    const { body: plain, etag, gzipped } = session === null ? this.prepare(file, text) : { body: this.sessionPage(file, session), etag: null, gzipped: null };
    let body = plain;
    const headers: Record<string, string> = {
      'content-type': text && !behaviour.noCharsetHeader ? `${type}; charset=${content.charset ?? 'utf-8'}` : type,
      ...(session === null ? { etag: etag!, 'last-modified': 'Sun, 01 Nov 2026 00:00:00 GMT' } : { 'set-cookie': `JSESSIONID=${session}; Path=/; HttpOnly` }),
      ...behaviour.headers,
    };
    const status = behaviour.status ?? 200;
    if (etag !== null && status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    if (gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      body = gzipped;
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(status, headers);
    if (behaviour.bytesPerSecond && req.method !== 'HEAD') return trickle(res, body, behaviour.bytesPerSecond / 10);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}
