import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysePage } from '../src/crawl/page-analysis.js';

/**
 * Looks for pages that make page analysis slow: a regex that backtracks (two runs of one class
 * meeting, a closing looked for after every opening) costs seconds to hours on one page, and holds
 * a worker for as long. Each page is a trigger word, a long run of one filler and the word again,
 * placed in one of six parts of a page. The trigger words are the words and signs of the code's own
 * regex literals, so a new regex is tried by the next run. Prints every page slower than the
 * threshold and the slowest of all. A search, not a timed test: add what it finds to
 * test/extract/hostile.test.ts.
 * Usage: node dist/bench/hostile-pages.js [run length=20000] [threshold ms=100]
 */
const runLength = Number(process.argv[2] ?? 20_000);
const thresholdMs = Number(process.argv[3] ?? 100);
const src = fileURLToPath(new URL('../../src', import.meta.url));

/** The words and signs in the regex literals of the code that reads pages. */
function triggerWords(): string[] {
  const words = new Set<string>(['error', '错误', '404']);
  for (const dir of ['extract', 'crawl', 'facts']) {
    for (const file of readdirSync(join(src, dir)).filter((f) => f.endsWith('.ts'))) {
      const code = readFileSync(join(src, dir, file), 'utf8');
      // a slash not after a name or a bracket, up to the next unescaped slash on the line: regex literals, and some comments
      for (const [, body] of code.matchAll(/(?<![\w)\]])\/((?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n[\\])+)\/[gimsuy]*/g)) {
        for (const w of body!.replace(/\\[sSdDwWbB]/g, ' ').match(/[\u4e00-\u9fa5]{2,}|[A-Za-z]{3,}|[:：=<>\-/.#@?&;,»›"'_+*|!！]/g) ?? []) words.add(w);
      }
    }
  }
  return [...words];
}

const FILLERS = [' ', '\n', '1', '-', '>', '.', '/', ':', 'a', '年', '=', '"'];
const attribute = (s: string) => s.replace(/["<]/g, '');
const PLACES: Record<string, (run: string) => string> = {
  text: (run) => `<pre>${run}</pre>`,
  anchor: (run) => `<ul><li><a href="/a/b.html">${run.replace(/</g, '')}</a></li><li><a href="/c.html">另一篇很长的文章标题</a>2026-11-01</li></ul>`,
  href: (run) => `<a href="${attribute(run)}">标题文字很长的一篇文章</a>`,
  attributes: (run) => `<div class="${attribute(run)}" id="${attribute(run)}" title="${attribute(run)}" style="${attribute(run)}"><img src="${attribute(run)}" alt="${attribute(run)}"></div>`,
  script: (run) => `<script>${run.replace(/<\//g, '')}</script>`,
  title: (run) => `<title>${run.replace(/</g, '')}</title>`,
};

const words = triggerWords();
let pages = 0;
let slowest = { ms: 0, page: '' };
console.log(`hostile pages · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${words.length} trigger words × ${FILLERS.length} fillers × ${Object.keys(PLACES).length} places, runs of ${runLength}`);
for (const [place, wrap] of Object.entries(PLACES)) {
  for (const word of words) {
    for (const filler of FILLERS) {
      const html = `<html><head><title>t</title></head><body>${wrap(word + filler.repeat(runLength) + word + 'x')}</body></html>`;
      const started = performance.now();
      analysePage({ bytes: Buffer.from(html), contentType: 'text/html', url: 'http://x.gov.cn/a/b.html', links: true, factsAsOf: '2026-11-15', role: 'home', storeBody: false });
      const ms = performance.now() - started;
      pages++;
      const page = `${place}: ${JSON.stringify(word)} + ${JSON.stringify(filler)} × ${runLength}`;
      if (ms > slowest.ms) slowest = { ms, page };
      if (ms > thresholdMs) console.log(`slow  ${ms.toFixed(0).padStart(7)} ms  ${page}`);
    }
  }
}
console.log(`${pages} pages; the slowest ${slowest.ms.toFixed(0)} ms (${slowest.page})`);
