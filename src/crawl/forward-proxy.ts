import { Dispatcher, Pool, ProxyAgent, type Agent } from 'undici';
import { judgedTls } from './certificates.js';

/**
 * Plain-HTTP requests through a forward proxy in absolute form, all over one pool of connections to
 * the proxy; HTTPS targets tunnel through CONNECT (undici's ProxyAgent). undici's own ProxyAgent
 * keeps a wrapper and a pool per target origin for plain HTTP and never drops them, so a national
 * sweep behind a proxy held thousands of idle pools (peak RSS grew with the number of hosts).
 */
export class ForwardProxy extends Dispatcher {
  private readonly pool: Pool;
  private readonly tunnel: ProxyAgent;
  private readonly auth: Record<string, string>;

  /** `options.factory` makes the targets' pools inside tunnels (see certificates.ts); their TLS is judged there */
  constructor(proxy: string, options: { connections: number; keepAliveTimeout: number; connect: { timeout: number }; factory: Agent.Options['factory'] }) {
    super();
    const url = new URL(proxy);
    this.auth = url.username ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}` } : {};
    const { factory, ...pool } = options;
    this.pool = new Pool(url.origin, pool);
    this.tunnel = new ProxyAgent({ uri: proxy, proxyTunnel: true, ...pool, factory, requestTls: judgedTls() });
  }

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(opts.origin ?? '').replace(/\/$/, '');
    if (!origin.startsWith('http:')) return this.tunnel.dispatch(opts, handler);
    const headers = { ...(opts.headers as Record<string, string> | undefined), ...this.auth };
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'host')) headers['host'] = new URL(origin).host;
    return this.pool.dispatch({ ...opts, origin: undefined, path: `${origin}${opts.path}`, headers }, handler);
  }

  override async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.tunnel.close()]);
  }

  override async destroy(): Promise<void> {
    await Promise.all([this.pool.destroy(), this.tunnel.destroy()]);
  }
}
