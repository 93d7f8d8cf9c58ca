import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { parseHtml } from '../../src/extract/parse-html.js';
import { DocumentIndex } from '../../src/extract/document-index.js';
import { Visibility } from '../../src/extract/visibility.js';

/** Whether the anchor of a page with this style block is hidden from a visitor. */
const hiddenWith = (css: string) => {
  const doc = parseHtml(`<style>${css}</style><a class="x" id="y" href="/p.html">链接</a>`);
  return new Visibility(doc).isHidden(DocumentIndex.of(doc).tag('a')[0]!);
};

describe('style blocks that hide', () => {
  cases([
    ['a class rule', '.x{display:none}', true],
    ['an id rule among others', '.nav li{color:red} #y{visibility:hidden} p{margin:0}', true],
    ['a rule that shows', '.x{display:block}', false],
    ['commented out', '/* .x{display:none} */', false],
    ['after a comment', '/* menu */.x{display:none}', true],
    ['after a stray }', '} .x{display:none}', true],
    ['inside @media (read up to its first })', '@media print{.x{display:none}}', false],
    ['a rule left open (the page cut at the size cap)', '.x{display:none', false],
    ['a rule left open after one that hides', '.x{display:none} .z{color:red', true],
    ['a comment left open', '.x{display:none} /* .z{', true],
  ])('%s', (_name, css, hidden) => {
    expect(hiddenWith(css)).toBe(hidden);
  });

  it('a style block cut open is read in one pass, however long (1 MB of an open rule: a regex took minutes)', () => {
    const started = performance.now();
    expect(hiddenWith(`.x{display:none} .open{color:red;${' '.repeat(1_000_000)}`)).toBe(true);
    expect(hiddenWith(`.x{display:none} ${'a{'.repeat(300_000)}`)).toBe(true);
    // quadratic, these took over ten minutes; linear, milliseconds: the bound only tells the two apart
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
