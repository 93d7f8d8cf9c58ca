import { describe, it } from 'node:test';
import { expect } from 'expect';
import { analysePage } from '../../src/crawl/page-analysis.js';

/**
 * Pages built to make a regex backtrack, or an extractor look at every sibling or every earlier
 * element again for each row: each ran for seconds to minutes before (quadratic or cubic), and one
 * such page held a worker, or the main thread, for as long. Every page is analysed whole,
 * as the crawl analyses it.
 */
const hostile: [name: string, body: string][] = [
  ['"error" and 100,000 spaces in the raw HTML (6 minutes at 10,000)', `<pre>error${' '.repeat(100_000)}x</pre><p>页面不存在</p>`],
  ['"错误", "代码" and white space between', `<pre>错误${'\n'.repeat(50_000)}代码${'\t'.repeat(50_000)}x</pre>`],
  ['a link titled by 60,000 arrows (3 s)', `<ul><li><a href="/zxts/">${'>'.repeat(60_000)}领导信箱</a></li></ul>`],
  ['a style block cut open (7.7 s at 98 KB)', `<style>.x{display:none} .open{color:red;${' '.repeat(500_000)}`],
  ['100,000 unclosed tags after a 404 (7 s)', `<p>404</p>${'<'.repeat(100_000)}`],
  ['a record set cut short (11 s at 50,000)', `<script type="text/xml"><datastore><recordset>${'<record>'.repeat(100_000)}</recordset></datastore></script>`],
  ['20,000 unclosed tags (a stack overflow)', `${'<div><span>'.repeat(20_000)}<a href="/deep.html">深处的链接文字</a>`],
  ['20,000 one-link rows, each of its own class (4.7 s)', Array.from({ length: 20_000 }, (_, i) => `<div class="c${i}"><span><a href="/a${i}.html">关于第${i}项工作的通知</a></span></div>`).join('')],
  ['a flat menu of 32,000 links in one row, no date anywhere (7 s)', `<div>${Array.from({ length: 32_000 }, (_, i) => `<a href="/a${i}.html">关于第${i}项工作的通知公告很长的标题</a> `).join('')}</div>`],
  ['a flat row of 4,000 titles with dots and no date (3.3 s)', `<div>${Array.from({ length: 4000 }, (_, i) => `<a href="/a${i}.html">关于第${i}.2版工作的通知公告很长的标题</a> `).join('')}</div>`],
  ['16,000 javascript:void(0) links, each with its own text (1.1 s, from an earlier change of this stop)', Array.from({ length: 16_000 }, (_, i) => `<a href="javascript:void(0)" onclick="window.open('/x${i}.html')">信箱${i}</a>`).join('')],
  ['2,000 lists after a 20,000-element block (9 s)', `<div>${'<p><span>x</span></p>'.repeat(20_000)}</div><section>${Array.from({ length: 2000 }, (_, i) => `<ul>${[1, 2, 3].map((k) => `<li><a href="/a${i}_${k}.html">关于第${i}项工作的通知公告</a>2026-11-0${k}</li>`).join('')}</ul>`).join('')}</section>`],
];

describe('hostile pages are analysed in one pass', () => {
  it(hostile.map(([name]) => name).join('; '), () => {
    const started = performance.now();
    for (const [name, body] of hostile) {
      const page = analysePage({ bytes: Buffer.from(`<html><head><title>页面</title></head><body>${body}</body></html>`), contentType: 'text/html', url: 'http://x.gov.cn/a/b.html', links: true, factsAsOf: '2026-11-15', role: 'home', storeBody: true });
      expect([name, typeof page.facts]).toEqual([name, 'string']);
    }
    // before, these took minutes; now tens of milliseconds each: the bound only tells the two apart
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
