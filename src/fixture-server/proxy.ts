import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

/**
 * A forward HTTP proxy on 127.0.0.1 that sends every request, whatever host it names, to one
 * upstream origin, keeping the Host header: a fleet with real host names simulated on loopback.
 * Hosts for which `route` returns null get 502, as a real proxy does for an unreachable host. `route`
 * is asked with the request's host (`www.x.gov.cn`, or `host:port` for a CONNECT tunnel); hosts `denies` names get the
 * 403 an office's proxy gives a host its policy refuses, marked its way (see REFUSALS).
 */
export async function startLoopbackProxy(route: (host: string) => string | null, { credentials, asks = 'Basic realm="proxy"', port = 0, tls, denies = () => null }: { credentials?: string; asks?: string; port?: number; tls?: { key: Buffer; cert: Buffer }; denies?: (host: string) => keyof typeof REFUSALS | null } = {}): Promise<{ url: string; requests: () => number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  let connections = 0;
  /** with `credentials` ("user:password"), a request without them in its Proxy-Authorization gets 407, as an office's proxy answers, asking for `asks` */
  const refused = (req: IncomingMessage) => credentials !== undefined && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(credentials).toString('base64')}`;
  // a tunnelled socket leaves the HTTP server's hands: closed here
  const tunnels = new Set<Duplex>();
  // spoken to over TLS with `tls` (an https:// proxy)
  const server: Server = (tls ? createHttpsServer.bind(null, tls) : createServer)((req: IncomingMessage, res: ServerResponse) => {
    count++;
    if (refused(req)) return void res.writeHead(407, { 'proxy-authenticate': asks, 'content-type': 'text/plain' }).end('proxy authentication required');
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const denial = denies(target.host);
    if (denial !== null) return void res.writeHead(403, { ...REFUSALS[denial], 'content-type': 'text/html; charset=utf-8' }).end(REFUSAL_PAGE);
    const upstream = route(target.host);
    if (upstream === null) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`no route to ${target.host}`);
      return;
    }
    const up = new URL(upstream);
    const forward = request({ host: up.hostname, port: up.port, method: req.method, path: target.pathname + target.search, headers: { ...withoutProxyHeaders(req.headers), host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
    req.pipe(forward);
  });
  // a CONNECT tunnel (https:// targets) to the host's upstream, bytes piped both ways; a host with no route is refused at once
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    count++;
    // a client that hangs up on a refusal resets the socket: not the proxy's error
    socket.on('error', () => socket.destroy());
    if (refused(req)) return void socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: ${asks}\r\n\r\n`);
    const denial = denies(req.url ?? '');
    if (denial !== null) return void socket.end(`HTTP/1.1 403 Forbidden\r\n${Object.entries(REFUSALS[denial]).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: 0\r\n\r\n`);
    const upstream = route(req.url ?? '');
    if (upstream === null) return void socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    const up = new URL(upstream);
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
    const tunnel = connect(Number(up.port), up.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      tunnel.write(head);
      tunnel.pipe(socket).pipe(tunnel);
    });
    tunnel.on('error', () => socket.destroy());
    socket.on('error', () => tunnel.destroy());
  });
  server.on('connection', () => connections++);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    connections: () => connections,
    close: () => new Promise<void>((r) => { tunnels.forEach((t) => t.destroy()); server.closeAllConnections(); server.close(() => r()); }),
  };
}

/** How an office's proxy marks a host its policy refuses (`denies`): Squid's error page, or RFC 9209's Proxy-Status. */
const REFUSALS = {
  squid: { server: 'squid/5.7', 'x-squid-error': 'ERR_ACCESS_DENIED 0' },
  'proxy-status': { 'proxy-status': 'office-proxy; error=http_request_denied; details="category: gambling"' },
} as const;
const REFUSAL_PAGE = '<html><head><title>ERROR: The requested URL could not be retrieved</title></head><body><h1>访问被拒绝 Access Denied</h1><p>Access control configuration prevents your request from being allowed at this time.</p></body></html>';

/** A request's headers as a proxy passes them on: its own (Proxy-Authorization) are not the site's to see. */
function withoutProxyHeaders(headers: IncomingMessage['headers']): IncomingMessage['headers'] {
  const { 'proxy-authorization': _own, ...rest } = headers;
  return rest;
}
