import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { RecentSet } from '../../src/crawl/recent-set.js';
import { normaliseUrl } from '../../src/crawl/scope.js';
import { ownCopy } from '../../src/own-copy.js';
import { Visibility } from '../../src/extract/visibility.js';
import { parseHtml } from '../../src/extract/parse-html.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap kept after `work`, once garbage is collected. */
function heapKept(work: () => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  work();
  gc();
  return process.memoryUsage().heapUsed - before;
}

/** A 40 KB page and an href read from it, as the parser reads attributes: a view into the page's string. */
const hrefOnPage = (i: number) => {
  const page = `<a href="/xxgk/${i}/t2026_${i}.html">${'政'.repeat(20_000)}`;
  return page.slice(9, page.indexOf('"', 9));
};

describe('long-lived memories keep their keys, not the strings the keys were cut from', () => {
  it('the URL memo: 2,000 pages (80 MB of text) leave less than 16 MB behind', () => {
    // a worker's memo holds 20,000 hrefs: keyed by views it kept 20,000 pages and hit its 96 MB heap
    const kept = heapKept(() => {
      for (let i = 0; i < 2000; i++) expect(normaliseUrl(hrefOnPage(i), 'http://x.gov.cn/')).toBe(`http://x.gov.cn/xxgk/${i}/t2026_${i}.html`);
    });
    expect(kept).toBeLessThan(16 * 1024 * 1024);
  });

  it('the links a site was offered: 2,000 follow lists (80 MB) leave less than 16 MB behind', () => {
    const offered = new RecentSet(2000);
    const kept = heapKept(() => {
      for (let i = 0; i < 2000; i++) {
        const list = `+page http://x.gov.cn/art/${i}.html\n-page http://x.gov.cn/${'i'.repeat(40_000)}.png`;
        offered.add(list.split('\n')[0]!.slice(1));
      }
    });
    expect(offered.has('page http://x.gov.cn/art/1999.html')).toBe(true);
    expect(kept).toBeLessThan(16 * 1024 * 1024);
  });

  it('the hiding rules read per style block: 2,000 pages (80 MB), each with its own <style>, leave less than 16 MB behind', () => {
    const kept = heapKept(() => {
      for (let i = 0; i < 2000; i++) {
        const doc = parseHtml(`<style>.menu${i} li a{color:#1a5fb4;line-height:32px}\n.hide${i}{display:none}</style><p>${'政'.repeat(20_000)}</p><a class="hide${i}" href="/x">x</a>`);
        expect(new Visibility(doc).isHidden(doc.children[2]!)).toBe(true);
      }
    });
    expect(kept).toBeLessThan(16 * 1024 * 1024);
  });

  it('an own copy is the same text, lone surrogates and all', () => {
    for (const s of ['', 'short', 'http://x.gov.cn/政务公开/index.html', `a\uD800b${'x'.repeat(20)}`, '\uDFFF'.repeat(30)]) expect(ownCopy(s)).toBe(s);
  });
});
