import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';
import { ForwardProxy } from './forward-proxy.js';
import { decompress } from './decompress.js';
import type { Readable } from 'node:stream';
import { classifyError, type FetchOutcome } from './outcome.js';

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
}

export interface RequestOptions {
  method: 'GET' | 'HEAD';
  headers?: Record<string, string>;
}

/** One hop: no redirects followed here (redirects.ts records the chain). */
export type SingleRequest = (url: string, options: RequestOptions) => Promise<FetchOutcome>;

/** undici with keep-alive pooling, a per-request time limit and caps on raw and decompressed size. */
export class HttpClient {
  readonly dispatcher: Dispatcher;
  private readonly maxBodyBytes: number;
  private readonly maxDecodedBytes: number;

  constructor(private readonly options: ClientOptions) {
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
    this.maxDecodedBytes = options.maxDecodedBytes ?? MAX_DECODED_BYTES;
    const pool = { connections: options.perHost, keepAliveTimeout: 10_000, connect: { timeout: options.timeoutMs } };
    const envProxy = process.env['HTTP_PROXY'] ?? process.env['http_proxy'] ?? process.env['HTTPS_PROXY'] ?? process.env['https_proxy'];
    // plain-HTTP targets go to the proxy as absolute-form requests, HTTPS ones through CONNECT
    if (options.proxy) this.dispatcher = new ForwardProxy(options.proxy, { ...pool, connections: PROXY_CONNECTIONS });
    else if (envProxy) this.dispatcher = new EnvHttpProxyAgent({ proxyTunnel: false, ...pool } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
    else this.dispatcher = new Agent(pool);
  }

  readonly send: SingleRequest = async (url, { method, headers = {} }) => {
    const started = performance.now();
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    // undici honours the signal while it waits for a server, but not always while a proxy sits on a
    // CONNECT: this deadline makes a hanging peer cost one timeout whatever stage it hangs in
    let deadline: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(Object.assign(new Error(`no answer within ${this.options.timeoutMs} ms`), { name: 'TimeoutError' })), this.options.timeoutMs + 1000);
    });
    try {
      return await Promise.race([this.exchange(url, method, headers, signal, started), hung]);
    } catch (e) {
      return { ok: false, code: classifyError(e), message: (e as Error).message ?? String(e), finalUrl: url, redirects: [], ms: Math.round(performance.now() - started) };
    } finally {
      clearTimeout(deadline);
    }
  };

  private async exchange(url: string, method: RequestOptions['method'], headers: Record<string, string>, signal: AbortSignal, started: number): Promise<FetchOutcome> {
    const ms = () => Math.round(performance.now() - started);
    const res = await request(url, {
      method,
      dispatcher: this.dispatcher,
      signal,
      headers: { 'user-agent': this.options.userAgent, 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...headers },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    const flat = flattenHeaders(res.headers);
    // an abandoned body errors with "aborted"; that is our choice, not a failure
    res.body.on('error', () => {});
    if (method === 'HEAD' || res.statusCode === 304) {
      await res.body.dump({ limit: 64 * 1024 });
      return { ok: true, status: res.statusCode, finalUrl: url, redirects: [], headers: flat, body: Buffer.alloc(0), truncated: false, ms: ms() };
    }
    const read = await this.readBody(res.body, flat['content-encoding']);
    return { ok: true, status: res.statusCode, finalUrl: url, redirects: [], headers: flat, ...read, ms: ms() };
  }

  /** Reads at most maxBodyBytes off the wire, then decompresses within maxDecodedBytes (a zip bomb stops there). */
  private async readBody(raw: Readable, encoding: string | undefined): Promise<{ body: Buffer; truncated: boolean; gzipped?: Buffer }> {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    for await (const chunk of raw as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > this.maxBodyBytes) {
        truncated = true;
        break; // ends the request; the rest of the body is never read
      }
    }
    const wire = Buffer.concat(chunks).subarray(0, this.maxBodyBytes);
    const decoded = decompress(wire, encoding, this.maxDecodedBytes);
    return { body: decoded, truncated, ...(encoding?.trim().toLowerCase() === 'gzip' ? { gzipped: wire } : {}) };
  }

  /** Ends every connection: requests given up on by the deadline must not keep the process waiting. */
  close(): Promise<void> {
    return this.dispatcher.destroy();
  }
}


function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}
