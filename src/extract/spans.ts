/**
 * `text` with each span from `open` to the first `close` after it replaced, as
 * `text.replace(/open[\s\S]*?close/g, replacement)` does with literal delimiters, in one pass: that
 * regex scans to the end of the text for every `open` left unclosed (quadratic on a page cut at the
 * size cap inside a style block, or on a hostile page of 30,000 `<!--`).
 */
export function replaceSpans(text: string, open: string, close: string, replacement: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    const end = start < 0 ? -1 : text.indexOf(close, start + open.length);
    // nothing closes after this point: the rest stays as it is
    if (end < 0) return out + text.slice(from);
    out += text.slice(from, start) + replacement;
    from = end + close.length;
  }
}
