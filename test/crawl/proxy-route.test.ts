import { describe } from 'node:test';
import { expect } from 'expect';
import { proxyRoute } from '../../src/crawl/proxy-route.js';
import { UsageError } from '../../src/errors.js';
import { cases } from '../helpers/cases.js';

const A = 'http://proxy-a:3128';
const B = 'http://proxy-b:8080';

/** Which proxy each URL goes through: `--proxy`, else the usual variables and `no_proxy` (null: direct). */
describe('proxyRoute', () => {
  cases([
    { name: '--proxy takes every URL, whatever the variables say', proxy: A, env: { HTTPS_PROXY: B, NO_PROXY: '*' }, url: 'https://www.gov.cn/', to: A },
    { name: 'no proxy set: no route at all', proxy: undefined, env: {}, url: 'http://www.gov.cn/', to: 'none' },
    { name: 'empty variables are unset', proxy: undefined, env: { HTTP_PROXY: '', https_proxy: '' }, url: 'http://www.gov.cn/', to: 'none' },
    { name: 'HTTP_PROXY: plain HTTP through it', proxy: undefined, env: { HTTP_PROXY: A }, url: 'http://www.gov.cn/', to: A },
    { name: 'HTTP_PROXY alone: HTTPS through it too', proxy: undefined, env: { HTTP_PROXY: A }, url: 'https://www.gov.cn/', to: A },
    { name: 'HTTPS_PROXY alone: plain HTTP direct', proxy: undefined, env: { HTTPS_PROXY: B }, url: 'http://www.gov.cn/', to: null },
    { name: 'HTTPS_PROXY: HTTPS through it, not HTTP_PROXY', proxy: undefined, env: { HTTP_PROXY: A, HTTPS_PROXY: B }, url: 'https://www.gov.cn/', to: B },
    { name: 'lower case first', proxy: undefined, env: { http_proxy: B, HTTP_PROXY: A }, url: 'http://www.gov.cn/', to: B },
    { name: 'no_proxy first, NO_PROXY ignored then', proxy: undefined, env: { HTTP_PROXY: A, no_proxy: 'gov.cn', NO_PROXY: 'example.org' }, url: 'http://example.org/', to: A },
  ])('$name', ({ proxy, env, url, to }: { proxy: string | undefined; env: NodeJS.ProcessEnv; url: string; to: string | null }) => {
    const route = proxyRoute(proxy, env);
    expect(route === null ? 'none' : route(new URL(url))).toBe(to);
  });

  // behind HTTP_PROXY (A; HTTPS falls back to it), the hosts no_proxy names go direct (null)
  cases([
    ['www.gov.cn', 'http://www.gov.cn/', null], // that host
    ['gov.cn', 'http://www.beijing.gov.cn/', null], // a domain: its subdomains
    ['gov.cn', 'http://www.fakegov.cn/', A], // not a name that only ends like it
    ['.gov.cn', 'http://gov.cn/', null],
    ['localhost, *.gov.cn', 'https://www.gov.cn/', null], // a list, with spaces
    ['www.gov.cn:8080', 'http://www.gov.cn:8080/', null], // host:port, that port
    ['www.gov.cn:8080', 'http://www.gov.cn/', A], // other ports through the proxy
    ['www.gov.cn:443', 'https://www.gov.cn/', null], // the default port of https
    ['WWW.Gov.CN', 'http://www.gov.cn/', null], // any case
    ['*', 'https://www.gov.cn/', null], // every host
    ['127.0.0.1', 'http://127.0.0.1:8080/', null], // an address
    ['[::1]', 'http://[::1]:8080/', null], // IPv6, bracketed
  ])('NO_PROXY=%s: %s → %s', (noProxy: string, url: string, to: string | null) => {
    expect(proxyRoute(undefined, { HTTP_PROXY: A, NO_PROXY: noProxy })!(new URL(url))).toBe(to);
  });
});

/** A proxy's address as given: `host:port` is an HTTP proxy's; anything else but an http(s) proxy is a usage error naming where it was given. */
describe('proxyRoute, the proxy\'s address', () => {
  cases([
    { name: 'host:port, as curl takes it', proxy: '127.0.0.1:3128', env: {}, to: 'http://127.0.0.1:3128' },
    { name: 'host:port in HTTPS_PROXY', proxy: undefined, env: { HTTPS_PROXY: 'proxy.office:8080' }, to: 'http://proxy.office:8080' },
    { name: 'an https:// proxy', proxy: 'https://proxy.office', env: {}, to: 'https://proxy.office' },
    { name: 'user and password kept', proxy: 'http://inspector:p%40ss@proxy.office:3128', env: {}, to: 'http://inspector:p%40ss@proxy.office:3128' },
    { name: 'SOCKS', proxy: 'socks5://127.0.0.1:1080', env: {}, to: new UsageError('--proxy must be an HTTP proxy (http:// or https://), got "socks5://127.0.0.1:1080": SOCKS proxies are not supported') },
    { name: 'SOCKS in a variable', proxy: undefined, env: { https_proxy: 'socks://x' }, to: new UsageError('https_proxy must be an HTTP proxy (http:// or https://), got "socks://x": SOCKS proxies are not supported') },
    { name: 'another scheme', proxy: 'ftp://x:21', env: {}, to: new UsageError('--proxy must be an HTTP proxy (http:// or https://), got "ftp://x:21"') },
    { name: 'no host', proxy: 'http://', env: {}, to: new UsageError('--proxy must be an HTTP proxy\'s address, such as http://proxy.office:3128, got "http://"') },
    { name: 'not an address', proxy: 'http://a b:1', env: {}, to: new UsageError('--proxy must be an HTTP proxy\'s address, such as http://proxy.office:3128, got "http://a b:1"') },
  ])('$name', ({ proxy, env, to }: { proxy: string | undefined; env: NodeJS.ProcessEnv; to: string | Error }) => {
    const routed = () => proxyRoute(proxy, env)!(new URL('https://www.gov.cn/'));
    if (to instanceof Error) {
      expect(routed).toThrow(UsageError);
      expect(routed).toThrow(to.message);
    }
    else expect(routed()).toBe(to);
  });
});
