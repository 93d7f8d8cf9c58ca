import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createSecureContext, TLSSocket } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { selfSignedTls } from '../src/fixture-server/server.js';
import { NO_CHROME, pageWeight, portalChrome, type Chrome } from './portal-chrome.js';

/**
 * Child process: a loopback forward proxy that plays every host of a registry itself (the
 * absolute-form request URL names the host): the audit reaches them through --proxy as it would
 * real portals, and the simulation spends one HTTP hop of the cores the audit is measured on, not
 * two (a proxy forwarding to a server took 4.3 CPU-s of a 1,000-host re-audit's ~20). An https://
 * host is played inside its CONNECT tunnel, with the fixtures' self-signed certificate for every host.
 * Prints the proxy URL as one line; ends when stdin ends.
 * Each site: a home page, 8 column lists and `pages` articles, gzip like real servers. Usage:
 * sweep-server.js [articles=12] [weight=light|portal] (see portal-chrome.ts) [registry: its sites' pages rendered first].
 */
const pages = Number(process.argv[2] ?? 12);
const weight = pageWeight(process.argv[3]);
const registry = process.argv[4];
const HANZI = '的是不了有和这中大为个国我以要他来用们生到作地于出就分对会可主年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度力里如水化高自二理起小物现实加量都两制当使点从业本去把性好应它还因由其些然前天政四日那社义事平形相全表间样与关各重内数正心反明看原又么比或但质气第向道命此变条只没结解问意建月公系军很者最立想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求头基资边流路级少图山统接知较将组见计别手角期根论农指几九区强放决西被干做必战先回则任取据处队南给光即保治造规热领七海口东导器压志世增争济阶油思术极交受联什认共权收改清己美再采转更单风切打白教速花带安身例务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半青省列习响支般史感劳便团往历市克何除消构府称准精值号率族维划选标写存候亲快效院查江型眼王按格养易置派层片始专状厂识适属圆包火住调满县局照参红细引听该铁价严龙';

/**
 * An article's own text (real portals do not publish one text twelve times): 900 characters picked
 * by a PRNG seeded with host and number, from common characters none of the spam terms use.
 */
function articleText(host: string, n: number): string {
  let seed = 2166136261;
  for (const ch of `${host}#${n}`) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619);
  let out = '';
  for (let i = 1; i <= 900; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) | 0;
    out += HANZI[(seed >>> 8) % HANZI.length] + (i % 60 === 0 ? '。' : i % 15 === 0 ? '，' : '');
  }
  return out;
}
const cache = new Map<string, Buffer>();

const chromes = new Map<string, Chrome>();
const articleUrl = (i: number) => `/art/2026/11/${(i % 12) + 1}/art_${i}.html`;

function page(host: string, path: string): string | null {
  const nav = `<div class="nav"><a href="/">首页</a>${Array.from({ length: 8 }, (_, c) => `<a href="/col/col${c}/index.html">栏目${c}号</a>`).join('')}<a href="/xzxx/list.html">县长信箱</a></div>`;
  const item = (i: number) => `<li><a href="${articleUrl(i)}">${host}第${i}号工作动态信息</a><span>2026-11-${String((i % 12) + 1).padStart(2, '0')}</span></li>`;
  let chrome = weight === 'portal' ? chromes.get(host) : NO_CHROME;
  if (!chrome) chromes.set(host, (chrome = portalChrome({ label: host, column: (c) => `/col/col${c}/index.html`, article: (i) => articleUrl(i % Math.max(pages, 1)), image: (i) => `/img/zt${i}.png` })));
  const html = (title: string, body: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title>${chrome.head}</head><body>${nav}${chrome.top}${body}${chrome.bottom}<div class="footer">网站标识码：1234567890 京ICP备00000000号 京公网安备00000000000000号<form><input name="q"></form></div></body></html>`;
  // registries name home pages such as /renwen/bjgk/: any folder is the home page
  if (path.endsWith('/') || path === '/index.html') return html(host, `<ul class="list">${Array.from({ length: Math.min(pages, 10) }, (_, i) => item(i)).join('')}</ul>`);
  let m = /^\/col\/col(\d)\/index\.html$/.exec(path);
  if (m) return html(`栏目${m[1]}号`, `<div class="crumb">当前位置：首页 &gt; 栏目${m[1]}号</div><ul class="list">${Array.from({ length: pages }, (_, i) => item(i)).join('')}</ul>`);
  m = /^\/art\/2026\/11\/\d+\/art_(\d+)\.html$/.exec(path);
  if (m && Number(m[1]) < pages) return html(`第${m[1]}号`, `<div class="content"><p>发布时间：2026-11-01</p><p>${articleText(host, Number(m[1]))}</p></div>`);
  if (path === '/xzxx/list.html') return html('县长信箱', '<table><tr><td><a href="/xzxx/1.html">关于路灯的建议</a></td><td>2026-10-02</td><td>已回复</td></tr></table>');
  if (path === '/xzxx/1.html') return html('关于路灯的建议', '<p>来信时间：2026-10-02</p><p>回复时间：2026-10-04</p><p>办理状态：已回复</p><p>回复内容：已于10月4日修复。</p>');
  return null;
}

const ROBOTS = 'User-agent: *\nAllow: /\n';
/** a 1 × 1 PNG: the portal pages' feature images */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A static file with the ETag a web server gives one (nginx, Apache and IIS do): a second audit asks for it conditionally. */
function serveStatic(req: IncomingMessage, res: ServerResponse, type: string, body: string | Buffer, etag: string): void {
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': type, etag, 'content-length': Buffer.byteLength(body) }).end(body);
}

/** A page's gzip, rendered once: a real server's work is not the audit's machine's, so a warm cache keeps it off these cores. */
function bodyOf(host: string, path: string): Buffer | null {
  const key = `${host}${path}`;
  let body = cache.get(key);
  if (!body) {
    const html = page(host, path);
    if (html === null) return null;
    body = gzipSync(html);
    if (cache.size < 200_000) cache.set(key, body);
  }
  return body;
}

// with a registry, every page of its sites is rendered before the proxy answers
if (registry) {
  const [header, ...rows] = readFileSync(registry, 'utf8').trim().split('\n');
  const column = header!.split(',').indexOf('url');
  for (const row of rows) {
    const home = URL.parse(row.split(',')[column] ?? '');
    if (!home) continue;
    const paths = [home.pathname, ...Array.from({ length: 8 }, (_, c) => `/col/col${c}/index.html`), ...Array.from({ length: pages }, (_, i) => articleUrl(i)), '/xzxx/list.html', '/xzxx/1.html'];
    for (const path of paths) bodyOf(home.host, path);
  }
}

const server = createServer((req, res) => {
  // inside a tunnel the request is in origin form: its host is the Host header's
  const url = URL.parse(req.url ?? '', req.socket instanceof TLSSocket ? `https://${req.headers.host}` : undefined);
  if (url === null) return void res.writeHead(400).end('absolute-form request expected');
  const { host, pathname: path } = url;
  if (path === '/robots.txt') return serveStatic(req, res, 'text/plain', ROBOTS, '"robots-1"');
  if (/^\/img\/zt\d+\.png$/.test(path)) return serveStatic(req, res, 'image/png', PNG, '"png-1"');
  const key = `${host}${path}`;
  const body = bodyOf(host, path);
  if (body === null) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<title>404</title>');
  const etag = `"${body.length}-${key.length}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', etag, 'content-length': body.length }).end(body);
});
// a CONNECT tunnel (https:// targets): TLS ends here, and the requests inside it are answered as
// the others. The certificate fails verification, as a self-signed site's does: the audit reads it
// all the same and says so
const tls = createSecureContext(selfSignedTls());
server.on('connect', (_req, socket: Socket, head: Buffer) => {
  if (head.length > 0) socket.unshift(head);
  socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
  server.emit('connection', new TLSSocket(socket, { isServer: true, secureContext: tls }));
});
server.keepAliveTimeout = 5000;
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
process.stdout.write(`http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
