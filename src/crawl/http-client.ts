import { Agent, type Dispatcher } from 'undici';
import type { LookupFunction } from 'node:net';
import { CertificateFaults, certificateCheckedPools, judgedTls, SITE_CERTIFICATE_REFUSED } from './certificates.js';
import { ForwardProxy, RoutedProxies } from './forward-proxy.js';
import { decompress } from './decompress.js';
import { FORGIVABLE, LenientClient } from './lenient-http.js';
import { classifyError, timedOut, type FetchOutcome } from './outcome.js';
import { proxyRoute, proxyUrl, type ProxyRoute } from './proxy-route.js';
import { RuntimeError } from '../errors.js';

export const REQUEST_TIMEOUT_MS = 15_000;
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
export const MAX_DECODED_BYTES = 24 * 1024 * 1024;
/** connections to a forward proxy, shared by every host (the crawl's politeness gate paces each host) */
const PROXY_CONNECTIONS = 64;
export const DEFAULT_USER_AGENT = 'govsite/0.1 (+https://github.com/govsite/govsite; government website audit)';

export interface ClientOptions {
  /** connections per origin; the politeness gate keeps requests within it too */
  perHost: number;
  timeoutMs: number;
  userAgent: string;
  proxy?: string | undefined;
  maxBodyBytes?: number;
  maxDecodedBytes?: number;
  /** how connections look host names up (see HostResolver); by default Node's, at each connection */
  lookup?: LookupFunction;
}

export interface RequestOptions {
  method: 'GET' | 'HEAD';
  headers?: Record<string, string>;
  /**
   * how much of a 2xx answer's body to read, by its Content-Type (see content-types.ts): 0 ends it at
   * its headers; without it every body is read. An attachment's or an image's status is its check,
   * and its bytes are neither the site's bandwidth to spend nor this request's time limit to spend
   * them in (a 5 MB attachment from a slow server timed out: a dead link)
   */
  bodyBytes?: (contentType: string | undefined) => number;
}

/** A body not read (see RequestOptions.bodyBytes) no longer than this is let through, so its connection stays open for the next request. */
const UNREAD_BODY_BYTES = 64 * 1024;

/**
 * Connections to origins (or to a proxy, as `route` says), pooled per origin; their certificates'
 * faults written into `faults` (see certificates.ts).
 */
function dispatcherFor(options: ClientOptions, route: ProxyRoute | null, faults: CertificateFaults): Dispatcher {
  const factory = certificateCheckedPools(faults);
  const pool = { connections: options.perHost, keepAliveTimeout: 10_000, factory, connect: { timeout: options.timeoutMs, ...judgedTls(), ...(options.lookup ? { lookup: options.lookup } : {}) } };
  // plain-HTTP targets go to a proxy as absolute-form requests, HTTPS ones through CONNECT
  const proxied = { ...pool, connect: { timeout: options.timeoutMs }, connections: PROXY_CONNECTIONS };
  if (options.proxy) return new ForwardProxy(options.proxy, proxied);
  return route === null ? new Agent(pool) : new RoutedProxies(route, new Agent(pool), proxied);
}

/** One hop: no redirects followed here (redirects.ts records the chain). */
export type SingleRequest = (url: string, options: RequestOptions) => Promise<FetchOutcome>;

/** undici with keep-alive pooling, a per-request time limit and caps on raw and decompressed size. */
export class HttpClient {
  readonly dispatcher: Dispatcher;
  /** origins whose certificate failed verification, with the fault (pages are read through it: see certificates.ts) */
  private readonly faults = new CertificateFaults();
  /** origins whose answers only a lenient parser reads (see LenientClient), and that client */
  private readonly forgiven = new Set<string>();
  private forgiving: LenientClient | undefined;
  /** the proxy each request goes through (see proxyRoute); null: none is set */
  private readonly route: ProxyRoute | null;
  private readonly maxBodyBytes: number;
  private readonly maxDecodedBytes: number;

  private readonly options: ClientOptions;

  constructor(options: ClientOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.maxDecodedBytes = options.maxDecodedBytes ?? MAX_DECODED_BYTES;
    // the proxy as given (`host:port` is an HTTP proxy's), refused when it is none
    this.options = options.proxy ? { ...options, proxy: proxyUrl(options.proxy, '--proxy') } : options;
    this.route = proxyRoute(this.options.proxy);
    this.dispatcher = dispatcherFor(this.options, this.route, this.faults);
  }

  /**
   * A request for `url` goes through a proxy, which resolves its host's name and answers for it (a
   * 502 when the host does not): not one to a host `no_proxy` names, which goes direct.
   */
  proxiedFor(url: string): boolean {
    return this.proxyOf(url) !== null;
  }

  /**
   * The issuer of this many hosts' faulty certificates, through a proxy: most likely the proxy
   * inspecting HTTPS, whose CA Node was not given (see CertificateFaults). Null otherwise.
   */
  interceptingIssuer(hosts: number): { issuer: string; origins: number } | null {
    return this.route === null ? null : this.faults.commonIssuer(hosts);
  }

  /** The proxy a request for `url` goes through, or null (--proxy: every request's, without parsing the URL). */
  private proxyOf(url: string): string | null {
    return this.route === null ? null : this.options.proxy || this.route(new URL(url));
  }

  /**
   * One request: through undici (see exchange), or through Node's lenient parser for an origin whose
   * answers need it; an answer carries its origin's certificate fault, if one was read through.
   */
  readonly send: SingleRequest = async (url, request) => {
    const started = performance.now();
    let outcome: FetchOutcome;
    if (this.forgiven.size > 0 && this.forgiven.has(new URL(url).origin)) outcome = await this.leniently(url, request, started);
    else {
      outcome = await this.exchange(this.dispatcher, url, request, started);
      // an answer that breaks HTTP in a way browsers forgive is read as they read it (through the same proxy, if any)
      if (!outcome.ok && outcome.code === 'EPROTO' && FORGIVABLE.test(outcome.message)) {
        this.forgiven.add(new URL(url).origin);
        outcome = await this.leniently(url, request, started);
      }
    }
    if (this.route !== null) outcome = this.asProxyAnswered(url, outcome);
    // the page behind a certificate a browser warns about or chains itself is read all the same (leniently too), and the certificate's fault kept
    const certificate = this.faults.size > 0 ? this.faults.get(new URL(url).origin) : undefined;
    return certificate ? { ...outcome, certificate } : outcome;
  };

  /**
   * What a proxy said for itself. A 407 stops the run (see ProxyRefused). Its policy refusing a host
   * (a blocked category: a hacked site's often is one) says nothing of the site: EPROXYDENIED, from a
   * tunnel refused with 403 or a plain-HTTP answer bearing the proxy's own refusal (policyRefusal).
   * Any other tunnel it refused is its answer, as its answer to a plain-HTTP request is: a 502 when
   * the site does not answer it (undici and LenientClient give a refused tunnel as an error).
   */
  private asProxyAnswered(url: string, outcome: FetchOutcome): FetchOutcome {
    const proxy = this.proxyOf(url);
    if (proxy === null) return outcome;
    const tunnel = outcome.ok ? null : refusedTunnel(outcome.message);
    if ((outcome.ok ? outcome.status : tunnel?.status) === 407) throw new ProxyRefused(proxy, url, outcome.ok ? outcome.headers['proxy-authenticate'] : tunnel?.asks);
    // over a tunnel the answers are the site's own (its front proxy's refusal among them): only the CONNECT is the proxy's
    const refusal = tunnel?.status === 403 ? 'it refused the tunnel (403)' : outcome.ok && url.startsWith('http:') ? policyRefusal(outcome.headers) : null;
    if (refusal !== null) return { ok: false, code: 'EPROXYDENIED', message: `the proxy ${named(proxy)} refused the request by its policy (${refusal})`, finalUrl: url, redirects: [], ms: outcome.ms };
    return tunnel === null ? outcome : { ok: true, status: tunnel.status, finalUrl: url, redirects: [], headers: {}, body: Buffer.alloc(0), truncated: false, ms: outcome.ms };
  }

  /**
   * A failure to reach the proxy a request goes through (refused, its name unknown, no route to it):
   * never a site's, which the proxy answers for (502, 504). Null for any other outcome.
   */
  unreachableProxy(url: string, outcome: FetchOutcome): ProxyUnreachable | null {
    // an ECERT not of a site's judgement (see certificates.ts) is an https:// proxy's own certificate, which Node does not trust
    const untrusted = !outcome.ok && outcome.code === 'ECERT' && !outcome.message.startsWith(SITE_CERTIFICATE_REFUSED);
    if (outcome.ok || !(untrusted || PROXY_UNREACHABLE.has(outcome.code))) return null;
    const proxy = this.proxyOf(url);
    if (proxy === null || (untrusted && !proxy.startsWith('https:'))) return null;
    return new ProxyUnreachable(proxy, url, `${outcome.code}: ${outcome.message}${untrusted ? '; its certificate is not trusted: give its CA to Node, NODE_EXTRA_CA_CERTS=/path/ca.pem' : ''}`);
  }

  /** Through Node's lenient parser (see LenientClient): the same caps and deadline, the same way (direct or tunnelled: see proxyRoute); the whole body is read, whatever its type (a rare path). */
  private async leniently(url: string, request: RequestOptions, started: number): Promise<FetchOutcome> {
    this.forgiving ??= new LenientClient(this.options.perHost, { timeoutMs: this.options.timeoutMs, maxBodyBytes: this.maxBodyBytes, lookup: this.options.lookup, faults: this.faults, route: this.route });
    const answer = await this.forgiving.request(url, { ...request, headers: this.sent(request.headers) });
    const failure = (e: Error): FetchOutcome => ({ ok: false, code: classifyError(e), message: e.message, finalUrl: url, redirects: [], ms: Math.round(performance.now() - started) });
    if (answer instanceof Error) return failure(answer);
    const headers = flattenHeaders(answer.headers);
    try {
      const read = answer.status === 304 || request.method === 'HEAD' ? { body: Buffer.alloc(0) } : this.decoded(answer.chunks, headers['content-encoding']);
      return { ok: true, status: answer.status, finalUrl: url, redirects: [], headers, truncated: answer.truncated, ...read, ms: Math.round(performance.now() - started) };
    } catch (e) {
      return failure(e as Error);
    }
  }

  /**
   * One exchange through undici's dispatch API: the body's chunks are collected as they arrive (no
   * stream, no AbortSignal per request: a third of the CPU of `request()` on a crawl of small pages).
   * One deadline covers queueing, connecting, headers and body, so a hanging peer costs one timeout
   * whatever stage it hangs in.
   */
  private exchange(dispatcher: Dispatcher, url: string, { method, headers = {}, bodyBytes }: RequestOptions, started: number): Promise<FetchOutcome> {
    const { timeoutMs } = this.options;
    let maxBody = method === 'HEAD' ? 0 : this.maxBodyBytes;
    return new Promise<FetchOutcome>((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let status = 0;
      let flat: Record<string, string> = {};
      /** the body is not read (see bodyBytes) */
      let unread = false;
      let controller: Dispatcher.DispatchController | null = null;
      let settled = false;
      const ms = () => Math.round(performance.now() - started);
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({ ok: false, code: classifyError(e), message: (e as Error)?.message ?? String(e), finalUrl: url, redirects: [], ms: ms() });
      };
      const succeed = (truncated: boolean) => {
        if (settled) return;
        try {
          const read = status === 304 || maxBody === 0 || unread ? { body: Buffer.alloc(0) } : this.decoded(chunks, flat['content-encoding'], maxBody);
          settled = true;
          clearTimeout(deadline);
          resolve({ ok: true, status, finalUrl: url, redirects: [], headers: flat, truncated, ...read, ms: ms() });
        } catch (e) {
          fail(e);
        }
      };
      const deadline = setTimeout(() => {
        const e = timedOut(timeoutMs);
        fail(e);
        controller?.abort(e);
      }, timeoutMs);
      let target: URL;
      try {
        target = new URL(url);
      } catch (e) {
        fail(e);
        return;
      }
      const options: Dispatcher.DispatchOptions = {
        origin: target.origin, path: `${target.pathname}${target.search}`, method,
        headers: this.sent(headers),
        headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
      };
      try {
        dispatcher.dispatch(options, {
          onRequestStart: (c) => {
            controller = c;
            if (settled) c.abort(new Error('given up'));
          },
          onResponseStart: (c, statusCode, responseHeaders) => {
            status = statusCode;
            flat = flattenHeaders(responseHeaders);
            if (!bodyBytes || maxBody === 0 || status < 200 || status >= 300) return;
            maxBody = Math.min(maxBody, bodyBytes(flat['content-type']));
            if (maxBody > 0) return;
            // answered at its headers; a short rest is let through so the connection stays open, a longer one is not read
            unread = true;
            succeed(false);
            if (!(Number(flat['content-length']) <= UNREAD_BODY_BYTES)) c.abort(new Error('body not read'));
          },
          onResponseData: (c, chunk) => {
            // a 304 or HEAD body (there should be none) is not read
            if (settled || status === 304 || maxBody === 0) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size > maxBody) {
              // ends the request; the rest of the body is never read
              succeed(true);
              c.abort(new Error('body over the size cap'));
            }
          },
          onResponseEnd: () => succeed(false),
          onResponseError: (_c, e) => fail(e),
        });
      } catch (e) {
        fail(e);
      }
    });
  }

  /** A request's headers as sent, by either client: who asks (the User-Agent with its contact URL), what it reads, and the request's own. */
  private sent(headers: Record<string, string> = {}): Record<string, string> {
    return { 'user-agent': this.options.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers };
  }

  /** At most `limit` bytes off the wire, decompressed within maxDecodedBytes (a zip bomb stops there). */
  private decoded(chunks: Buffer[], encoding: string | undefined, limit = this.maxBodyBytes): { body: Buffer; gzipped?: Buffer } {
    const wire = Buffer.concat(chunks).subarray(0, limit);
    const body = decompress(wire, encoding, this.maxDecodedBytes);
    return { body, ...(encoding?.trim().toLowerCase() === 'gzip' ? { gzipped: wire } : {}) };
  }

  /** Ends every connection: requests given up on by the deadline must not keep the process waiting. */
  async close(): Promise<void> {
    this.forgiving?.close();
    await this.dispatcher.destroy();
  }
}


/**
 * The proxy wants credentials it was not given (407): every request through it would be refused so,
 * and none of those refusals is a site's answer — recorded, each site would be down. The run stops
 * instead, saying what to fix; what it stored before stays (a crawl or audit goes on with --resume).
 */
export class ProxyRefused extends RuntimeError {
  override name = 'ProxyRefused';
  /** `asked`: its Proxy-Authenticate header, when the answer has one */
  constructor(proxy: string, url: string, asked?: string) {
    // only Basic is spoken: a proxy that asks for Windows sign-in alone (NTLM, Negotiate) is told apart
    const basic = asked === undefined || /\bbasic\b/i.test(asked);
    super(`the proxy ${named(proxy)} refused the request for ${url} (407 Proxy Authentication Required): `
      + (basic ? 'its user and password are missing or wrong; give them in the proxy URL (--proxy, HTTP_PROXY, HTTPS_PROXY: http://user:password@host:port). '
        : `it asks for ${asked.split(',')[0]!.trim().split(/\s/)[0]} sign-in, which govsite does not speak (only Basic, a user and password in the proxy URL): use a proxy, or a port of it, that takes Basic or none. `)
      + 'Nothing it refused is stored as a site\'s answer, and a crawl or audit goes on with --resume');
  }
}

/**
 * The proxy cannot be reached (its connections refused, its name unknown, no route to it): no request
 * goes through it, and none of these failures is a site's — recorded, each site would be down. The
 * run stops, saying so; with --control it waits for the network instead (see Fetcher.online).
 */
export class ProxyUnreachable extends RuntimeError {
  override name = 'ProxyUnreachable';
  constructor(proxy: string, url: string, failure: string) {
    super(`the proxy ${named(proxy)} cannot be reached (${failure}; asking for ${url}): no site's failure is stored for it. `
      + 'Check the proxy (--proxy, HTTP_PROXY, HTTPS_PROXY), or give --control URLs to wait for it through an outage; a crawl or audit goes on with --resume');
  }
}

/** A proxy named without the user and password its URL may hold. */
const named = (proxy: string): string => {
  const { protocol, host } = new URL(proxy);
  return `${protocol}//${host}`;
};

/** Failures of a connection to the proxy itself: behind a proxy, a site's own come back as the proxy's answers. */
const PROXY_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * The status with which a proxy refused a CONNECT tunnel, and what a 407 asked for, from the
 * refusal's message (undici's; ForwardProxy and LenientClient word theirs alike, with the
 * Proxy-Authenticate a 407 came with), or null.
 */
function refusedTunnel(message: string): { status: number; asks?: string } | null {
  const m = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling(?:.*?; Proxy-Authenticate: (.*))?/s.exec(message);
  return m ? { status: Number(m[1]), ...(m[2] ? { asks: m[2] } : {}) } : null;
}

/**
 * How a proxy marks its own refusal of a plain-HTTP request by policy, or null: Squid's error page
 * (X-Squid-Error ERR_ACCESS_DENIED), or RFC 9209's Proxy-Status error of a denied request or address.
 */
function policyRefusal(headers: Record<string, string>): string | null {
  const squid = headers['x-squid-error'];
  if (squid?.startsWith('ERR_ACCESS_DENIED')) return `X-Squid-Error: ${squid}`;
  const status = headers['proxy-status'];
  return status !== undefined && /;\s*error=(?:http_request_denied|destination_ip_prohibited)\b/.test(status) ? `Proxy-Status: ${status}` : null;
}

function flattenHeaders(headers: Record<string, string | string[] | undefined> | undefined | null): Record<string, string> {
  const out: Record<string, string> = {};
  // Set-Cookie headers one per line: their Expires dates hold commas
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(k.toLowerCase() === 'set-cookie' ? '\n' : ', ') : v;
  return out;
}
