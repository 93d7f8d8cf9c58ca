import { describe, it } from 'node:test';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'expect';
import { DocumentIndex } from '../../src/extract/document-index.js';
import { breadcrumb } from '../../src/extract/list-items.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { perDocument } from '../../src/extract/per-document.js';
import { Visibility } from '../../src/extract/visibility.js';

describe('perDocument', () => {
  const key = Symbol('test');

  it('reads once per document, and each document its own', () => {
    const [a, b] = [parseHtml('<p>a</p>'), parseHtml('<p>b</p>')];
    let reads = 0;
    const read = (doc: ReturnType<typeof parseHtml>) => perDocument(doc, key, () => ({ n: ++reads }));
    expect([read(a), read(a), read(b), read(b)]).toEqual([{ n: 1 }, { n: 1 }, { n: 2 }, { n: 2 }]);
    expect(reads).toBe(2);
  });

  // A memo kept in a WeakMap keyed by the document lived on after the page: the minor GC keeps a
  // WeakMap's values while their keys are young, so each page's tree was promoted to the old
  // generation and full collections came, one every ~600 pages here; kept on the document it dies
  // with the page in the next minor GC (run with WeakMap memos in place of perDocument, this test sees 4 full GCs)
  it('what is read of a page dies with it: 3,000 pages read, no full GC', async () => {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    const html = `<div class="crumb">首页 > 通知公告</div><ul>${'<li><a href="/a.html">一篇文章的标题</a><span>2026-11-01</span></li>'.repeat(40)}</ul>`;
    let full = 0;
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e as PerformanceEntry & { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) full++;
    });
    observer.observe({ entryTypes: ['gc'] });
    for (let i = 0; i < 3000; i++) {
      const doc = parseHtml(html);
      DocumentIndex.of(doc).anchors();
      Visibility.of(doc).visibleText(doc);
      breadcrumb(doc);
    }
    await sleep(20); // the observer is told of collections after the loop
    observer.disconnect();
    expect(full).toBe(0);
  });
});
