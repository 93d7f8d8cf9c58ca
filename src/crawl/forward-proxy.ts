import { isIP } from 'node:net';
import { buildConnector, Dispatcher, Pool, ProxyAgent, type Agent } from 'undici';
import { judgedTls } from './certificates.js';
import type { ProxyRoute } from './proxy-route.js';
import { bareHostname } from './scope.js';

/** The Proxy-Authorization a proxy URL's user and password give (Basic), if it has them. */
export function proxyAuthorization(proxy: URL): Record<string, string> {
  return proxy.username ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}` } : {};
}

export interface ForwardProxyOptions {
  connections: number;
  keepAliveTimeout: number;
  connect: { timeout: number };
  /** makes the targets' pools inside tunnels (see certificates.ts); their TLS is judged there */
  factory: Agent.Options['factory'];
}

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

  constructor(proxy: string, options: ForwardProxyOptions) {
    super();
    const url = new URL(proxy);
    this.auth = proxyAuthorization(url);
    const { factory, ...pool } = options;
    this.pool = new Pool(url.origin, { ...pool, connect: toProxy(url, pool.connect) });
    // the tunnels' CONNECTs over the same connector: undici's own names an https:// proxy at an address by it (Node's DEP0123 warning)
    this.tunnel = new ProxyAgent({ uri: proxy, proxyTunnel: true, ...pool, factory, requestTls: judgedTls(),
      clientFactory: (origin, options) => keepingAuthenticate(new Pool(origin, { ...options, connect: toProxy(url, pool.connect) })) });
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

/**
 * Connections to the proxy itself. Over TLS (an https:// proxy) the certificate checked is the
 * proxy's name's: undici takes the name from the first request's Host header otherwise, which in
 * absolute form is the site's (every connection to the proxy failed ERR_TLS_CERT_ALTNAME_INVALID).
 */
function toProxy(proxy: URL, options: { timeout: number }): buildConnector.connector {
  const connect = buildConnector(options);
  const name = bareHostname(proxy);
  // an address has no name to send (SNI): it is checked against the certificate's IP addresses
  const servername = isIP(name) ? undefined : name;
  return (opts, callback) => connect({ ...opts, servername }, callback);
}

/**
 * A pool of CONNECTs whose 407 keeps what the proxy asked for (Proxy-Authenticate), worded as undici
 * words a refused tunnel: undici's own error drops it, and a proxy that takes Windows sign-in alone
 * was told its password was wrong (see ProxyRefused).
 */
function keepingAuthenticate(pool: Pool): Pool {
  const connect = pool.connect.bind(pool) as (options: Dispatcher.ConnectOptions) => Promise<Dispatcher.ConnectData>;
  const asking = async (options: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData> => {
    const answer = await connect(options);
    const asks = answer.headers['proxy-authenticate'];
    if (answer.statusCode !== 407 || asks === undefined) return answer;
    answer.socket.destroy();
    throw new Error(`Proxy response (407) !== 200 when HTTP Tunneling to ${options.path}; Proxy-Authenticate: ${Array.isArray(asks) ? asks.join(', ') : asks}`);
  };
  return Object.assign(pool, { connect: asking });
}

/**
 * Each request the way its route says (see proxyRoute): through that proxy's ForwardProxy (made on
 * first use), or straight through `direct`. For the usual proxy variables, whose `no_proxy` sends
 * some hosts direct and whose HTTP and HTTPS proxies may differ.
 */
export class RoutedProxies extends Dispatcher {
  private readonly proxies = new Map<string, ForwardProxy>();

  constructor(private readonly route: ProxyRoute, private readonly direct: Dispatcher, private readonly options: ForwardProxyOptions) {
    super();
  }

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const proxy = this.route(new URL(String(opts.origin)));
    if (proxy === null) return this.direct.dispatch(opts, handler);
    let through = this.proxies.get(proxy);
    if (!through) this.proxies.set(proxy, (through = new ForwardProxy(proxy, this.options)));
    return through.dispatch(opts, handler);
  }

  override async close(): Promise<void> {
    await Promise.all([this.direct.close(), ...[...this.proxies.values()].map((p) => p.close())]);
  }

  override async destroy(): Promise<void> {
    await Promise.all([this.direct.destroy(), ...[...this.proxies.values()].map((p) => p.destroy())]);
  }
}
