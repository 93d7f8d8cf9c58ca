import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A forward HTTP proxy on 127.0.0.1 that sends every request, whatever host it names, to one
 * upstream origin, keeping the Host header: a fleet with real host names simulated on loopback.
 * Hosts for which `route` returns null get 502, as a real proxy does for an unreachable host.
 */
export async function startLoopbackProxy(route: (host: string) => string | null): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    count++;
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const upstream = route(target.host);
    if (upstream === null) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`no route to ${target.host}`);
      return;
    }
    const up = new URL(upstream);
    const forward = request({ host: up.hostname, port: up.port, method: req.method, path: target.pathname + target.search, headers: { ...req.headers, host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.headersSent ? res.destroy() : res.writeHead(502).end());
    req.pipe(forward);
  });
  // a CONNECT tunnel (https:// targets) is not played: answer at once, as a proxy that refuses does
  server.on('connect', (_req, socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => count,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
