import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { judgedHttpsAgent, type CertificateFaults } from './certificates.js';
import { proxyAuthorization } from './forward-proxy.js';
import type { RequestOptions } from './http-client.js';
import { timedOut } from './outcome.js';
import type { ProxyRoute } from './proxy-route.js';
import { bareHostname } from './scope.js';

/**
 * Answers a browser reads though they break HTTP/1.1 — a line ended by a lone LF, a control character
 * in a header value — which undici's strict parser refuses (its messages, as EPROTO). Node's own
 * client reads them with its lenient parser, as browsers do: a page citizens can open must not be a
 * dead link, nor its site down. What neither parser reads (a space before a header's colon, a
 * duplicated Content-Length) stays EPROTO.
 */
export const FORGIVABLE = /Missing expected CR|Invalid header value char/;

export interface LenientAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  chunks: Buffer[];
  truncated: boolean;
}

export interface LenientOptions {
  timeoutMs: number;
  maxBodyBytes: number;
  lookup?: LookupFunction | undefined;
  /** origins' certificate faults, as the main client's (see certificates.ts): each connection is judged as its are */
  faults: CertificateFaults;
  /** the main client's proxies (see proxyRoute): a request goes the way the main client's went (absolute form for plain HTTP, a CONNECT tunnel for HTTPS) */
  route?: ProxyRoute | null;
}

/** Keep-alive agents for the few origins that need them, made on first use. */
export class LenientClient {
  private agents: { http: http.Agent; https: https.Agent } | null = null;

  constructor(private readonly connections: number, private readonly options: LenientOptions) {}

  /** One request read leniently, under one deadline and the body cap; an Error for a failure. */
  request(url: string, { method, headers = {} }: RequestOptions): Promise<LenientAnswer | Error> {
    this.agents ??= { http: new http.Agent({ keepAlive: true, maxSockets: this.connections }), https: judgedHttpsAgent(this.options.faults, this.options.timeoutMs, { keepAlive: true, maxSockets: this.connections }, this.tunnels()) };
    const secure = url.startsWith('https:');
    const { timeoutMs, maxBodyBytes, lookup } = this.options;
    return new Promise((resolve) => {
      let settled = false;
      const done = (answer: LenientAnswer | Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve(answer);
      };
      const onResponse = (response: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = (truncated: boolean): LenientAnswer => ({ status: response.statusCode ?? 0, headers: response.headers, chunks, truncated });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size <= maxBodyBytes) return;
          done(answer(true));
          request.destroy();
        });
        response.on('end', () => done(answer(false)));
        response.on('error', done);
      };
      const proxy = secure ? null : this.options.route?.(new URL(url)) ?? null;
      const request = proxy === null
        ? (secure ? https : http).request(url, { method, headers, agent: secure ? this.agents!.https : this.agents!.http, insecureHTTPParser: true, ...(lookup ? { lookup } : {}) }, onResponse)
        : throughProxy(new URL(proxy), url, { method, headers, agent: this.agents!.http, insecureHTTPParser: true }, onResponse);
      const deadline = setTimeout(() => {
        done(timedOut(timeoutMs));
        request.destroy();
      }, timeoutMs);
      request.on('error', done);
      request.end();
    });
  }

  /** An HTTPS origin behind a proxy: its TLS runs over a CONNECT tunnel the proxy opens to it. */
  private tunnels(): (origin: string) => Promise<Duplex> | null {
    const { route, timeoutMs } = this.options;
    return (origin) => {
      const target = new URL(origin);
      const proxy = route?.(target) ?? null;
      return proxy === null ? null : tunnel(new URL(proxy), `${target.hostname}:${target.port || 443}`, timeoutMs);
    };
  }

  close(): void {
    this.agents?.http.destroy();
    this.agents?.https.destroy();
  }
}

/** A plain-HTTP request to a forward proxy, in absolute form (the proxy asks the site), as ForwardProxy sends one. */
function throughProxy(proxy: URL, url: string, options: http.RequestOptions, onResponse: (response: http.IncomingMessage) => void): http.ClientRequest {
  const { secure, host, port } = addressOf(proxy);
  return (secure ? https : http).request({
    ...options, host, port, path: url,
    headers: { host: new URL(url).host, ...options.headers, ...proxyAuthorization(proxy) },
    // a proxy spoken to over TLS gets a connection of its own (the pooled agent is for plain connections)
    ...(secure ? { agent: false } : {}),
  }, onResponse);
}

/** Where a proxy listens: an IPv6 address without its brackets, the scheme's default port. */
function addressOf(proxy: URL): { secure: boolean; host: string; port: number } {
  const secure = proxy.protocol === 'https:';
  return { secure, host: bareHostname(proxy), port: Number(proxy.port) || (secure ? 443 : 80) };
}

/** A CONNECT tunnel through `proxy` to `authority` (host:port); refused unless the proxy answers 200. */
function tunnel(proxy: URL, authority: string, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const { secure, host, port } = addressOf(proxy);
    const connect = (secure ? https : http).request({
      host, port, method: 'CONNECT', path: authority,
      headers: { host: authority, ...proxyAuthorization(proxy) }, agent: false, timeout: timeoutMs,
    });
    connect.once('connect', (answer, socket, head) => {
      if (answer.statusCode !== 200) {
        socket.destroy();
        // worded as undici words its own, so that one reading tells either client's refused tunnel (see refusedTunnel)
        const asks = answer.statusCode === 407 ? answer.headers['proxy-authenticate'] : undefined;
        return void reject(new Error(`Proxy response (${answer.statusCode}) !== 200 when HTTP Tunneling to ${authority}${asks ? `; Proxy-Authenticate: ${asks}` : ''}`));
      }
      if (head.length > 0) socket.unshift(head);
      // the tunnel is the connection now: the CONNECT's own time limit is not its idle one
      socket.setTimeout(0);
      resolve(socket);
    });
    connect.once('timeout', () => connect.destroy(timedOut(timeoutMs)));
    connect.once('error', reject);
    connect.end();
  });
}
