import type { SiteContent } from '../src/fixture-server/server.js';
import { NO_CHROME, portalChrome, type PageWeight } from './portal-chrome.js';

/**
 * A generated fleet of N government-like sites × M pages: navigation, a dated list, body text of a
 * realistic size, images, an attachment, one external link and one dead link per page; `portal`
 * pages also wear a real portal's chrome (see portal-chrome.ts).
 */
export function syntheticSite(siteIndex: number, pages: number, externalOrigin: string, weight: PageWeight = 'light'): SiteContent {
  const files: Record<string, string | Buffer> = {};
  const text = '本市认真贯彻落实各项决策部署，扎实推进重点工作，切实保障和改善民生。'.repeat(40);
  const nav = Array.from({ length: 8 }, (_, c) => `<li><a href="/col/col${c}/index.html">栏目${c}</a></li>`).join('');
  const pageUrl = (i: number) => `/art/2026/11/${(i % 28) + 1}/art_${siteIndex}_${i}.html`;
  const chrome = weight === 'portal'
    ? portalChrome({ label: `示范站${siteIndex}`, column: (c) => `/col/col${c}/index.html`, article: (i) => pageUrl(i % pages), image: (i) => `/images/p${i % 4}.png` })
    : NO_CHROME;
  const body = (i: number) => {
    const next = [1, 2, 3, 5, 8].map((k) => `<li><a href="${pageUrl((i + k) % pages)}">第${(i + k) % pages}号文章</a><span>2026-11-${String(((i + k) % 28) + 1).padStart(2, '0')}</span></li>`).join('');
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>第${i}号文章_示范站${siteIndex}</title>${chrome.head}</head><body>
<ul class="nav">${nav}</ul>${chrome.top}<div class="crumb">首页 &gt; 工作动态</div><h1>第${i}号文章</h1><div class="info">发布时间：2026-11-${String((i % 28) + 1).padStart(2, '0')}</div>
<div class="content"><p>${text}</p><img src="/images/p${i % 4}.png" alt="图片"><a href="/files/f${i % 3}.pdf">附件</a></div>
<ul class="list">${next}</ul><a href="${externalOrigin}/ext${i % 10}.html">友情链接</a><a href="/gone${i % 7}.html">旧链接</a>
${chrome.bottom}<div class="footer">网站标识码：${1000000000 + siteIndex} 京ICP备00000000号</div></body></html>`;
  };
  for (let i = 0; i < pages; i++) files[pageUrl(i)] = body(i);
  for (let c = 0; c < 8; c++) files[`/col/col${c}/index.html`] = body((c * 7) % pages).replace(/<h1>[^<]*<\/h1>/, `<h1>栏目${c}</h1>`);
  files['/'] = body(0).replace(/<h1>[^<]*<\/h1>/, '<h1>首页</h1>');
  for (let p = 0; p < 4; p++) files[`/images/p${p}.png`] = Buffer.alloc(2048, p);
  for (let f = 0; f < 3; f++) files[`/files/f${f}.pdf`] = Buffer.alloc(8192, f);
  files['/robots.txt'] = 'User-agent: *\nAllow: /\n';
  return { files };
}

export function externalSite(): SiteContent {
  return { files: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`/ext${i}.html`, `<html><body>外部${i}</body></html>`])) };
}
