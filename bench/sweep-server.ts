import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startLoopbackProxy } from '../src/fixture-server/proxy.js';

/**
 * Child process: one HTTP server that plays every host of a registry (the Host header picks the
 * site), behind a loopback forward proxy. Prints the proxy URL as one line; ends when stdin ends.
 * Each site: a home page, 8 column lists and `pages` articles, gzip like real servers.
 */
const pages = Number(process.argv[2] ?? 12);
const text = '本县认真贯彻落实各项决策部署，扎实推进重点工作，切实保障和改善民生。'.repeat(30);
const cache = new Map<string, Buffer>();

function page(host: string, path: string): string | null {
  const nav = `<div class="nav"><a href="/">首页</a>${Array.from({ length: 8 }, (_, c) => `<a href="/col/col${c}/index.html">栏目${c}号</a>`).join('')}<a href="/xzxx/list.html">县长信箱</a></div>`;
  const item = (i: number) => `<li><a href="/art/2026/11/${(i % 12) + 1}/art_${i}.html">${host}第${i}号工作动态信息</a><span>2026-11-${String((i % 12) + 1).padStart(2, '0')}</span></li>`;
  const html = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${nav}${body}<div class="footer">网站标识码：1234567890 京ICP备00000000号 京公网安备00000000000000号<form><input name="q"></form></div></body></html>`;
  // registries name home pages such as /renwen/bjgk/: any folder is the home page
  if (path.endsWith('/') || path === '/index.html') return html(host, `<ul class="list">${Array.from({ length: Math.min(pages, 10) }, (_, i) => item(i)).join('')}</ul>`);
  let m = /^\/col\/col(\d)\/index\.html$/.exec(path);
  if (m) return html(`栏目${m[1]}号`, `<div class="crumb">当前位置：首页 &gt; 栏目${m[1]}号</div><ul class="list">${Array.from({ length: pages }, (_, i) => item(i)).join('')}</ul>`);
  m = /^\/art\/2026\/11\/\d+\/art_(\d+)\.html$/.exec(path);
  if (m && Number(m[1]) < pages) return html(`第${m[1]}号`, `<div class="content"><p>发布时间：2026-11-01</p><p>${host} ${text}</p></div>`);
  if (path === '/xzxx/list.html') return html('县长信箱', '<table><tr><td><a href="/xzxx/1.html">关于路灯的建议</a></td><td>2026-10-02</td><td>已回复</td></tr></table>');
  if (path === '/xzxx/1.html') return html('关于路灯的建议', '<p>来信时间：2026-10-02</p><p>回复时间：2026-10-04</p><p>办理状态：已回复</p><p>回复内容：已于10月4日修复。</p>');
  return null;
}

const server = createServer((req, res) => {
  const host = req.headers.host ?? 'unknown';
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
  const key = `${host}${path}`;
  let body = cache.get(key);
  if (!body) {
    const html = page(host, path);
    if (html === null) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<title>404</title>');
    body = gzipSync(html);
    if (cache.size < 200_000) cache.set(key, body);
  }
  const etag = `"${body.length}-${key.length}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', etag, 'content-length': body.length }).end(body);
});
server.keepAliveTimeout = 5000;
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const proxy = await startLoopbackProxy(() => origin);
process.stdout.write(`${proxy.url}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
