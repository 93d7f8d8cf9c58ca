import { UsageError } from '../errors.js';

/**
 * Which proxy a request goes through, by its URL: null for none. One answer for both HTTP clients
 * (undici's pools and the lenient one, see LenientClient), so an answer read again leniently goes
 * the way the first went.
 */
export type ProxyRoute = (url: URL) => string | null;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/**
 * `--proxy` for every request; else the usual variables, as undici's EnvHttpProxyAgent and curl
 * read them: `http_proxy` / `HTTP_PROXY` for http: URLs, `https_proxy` / `HTTPS_PROXY` (else the
 * HTTP one) for https: URLs, none for a host `no_proxy` / `NO_PROXY` names — a host, or a domain and
 * its subdomains (`gov.cn`, `.gov.cn`, `*.gov.cn`), either with `:port`; `*` for every host. An
 * empty variable is unset. Null when no proxy is set at all.
 */
export function proxyRoute(proxy: string | undefined, env: NodeJS.ProcessEnv = process.env): ProxyRoute | null {
  if (proxy) {
    const url = proxyUrl(proxy, '--proxy');
    return () => url;
  }
  const named = (...names: string[]) => {
    const name = names.find((n) => env[n]);
    return name ? proxyUrl(env[name]!, name) : null;
  };
  const http = named('http_proxy', 'HTTP_PROXY');
  const https = named('https_proxy', 'HTTPS_PROXY') ?? http;
  if (!http && !https) return null;
  const direct = noProxy(env['no_proxy'] ?? env['NO_PROXY'] ?? '');
  return (url) => (direct(url) ? null : url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null);
}

/**
 * A proxy's address as a URL: `host:port` alone is an HTTP proxy's (as curl reads it); anything but
 * an http(s) proxy with a host is refused, naming where it was given (`--proxy`, `HTTP_PROXY`, …).
 */
export function proxyUrl(value: string, name: string): string {
  const written = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  const url = URL.parse(written);
  if (!url?.hostname) throw new UsageError(`${name} must be an HTTP proxy's address, such as http://proxy.office:3128, got "${value}"`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${name} must be an HTTP proxy (http:// or https://), got "${value}"${/^socks/.test(url.protocol) ? ': SOCKS proxies are not supported' : ''}`);
  return written;
}

/** `no_proxy`'s entries as a test of a URL: true when it goes direct. */
function noProxy(value: string): (url: URL) => boolean {
  if (value.trim() === '*') return () => true;
  const entries = value.split(/[,\s]+/).filter(Boolean).map((entry) => {
    const parsed = /^(.+):(\d+)$/.exec(entry);
    return { host: (parsed ? parsed[1]! : entry).replace(/^\*?\./, '').toLowerCase(), port: parsed ? Number(parsed[2]) : 0 };
  });
  return (url) => {
    // brackets kept around an IPv6 address, as entries spell one
    const host = url.host.replace(/:\d*$/, '').toLowerCase();
    const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
    return entries.some((e) => (e.port === 0 || e.port === port) && (host === e.host || host.endsWith(`.${e.host}`)));
  };
}
