import type { Document } from 'domhandler';
import { DocumentIndex, rawText } from './document-index.js';
import { literal, withoutComments } from './js-code.js';
import { parseHtml } from './parse-html.js';

/**
 * The HTML a script writes into its page with `document.write("…")` / `document.writeln("…")`: how
 * many templates draw a shared footer or header (`<script src="/js/foot.js">`, often made by an
 * "HTML to JS" converter, a line a call), with the site's identifiers and badges in it. Each call
 * whose argument is string literals only, joined, in script order; code commented out is not read. Not a
 * JavaScript engine: a call that writes a variable or a call's result (a pager writing its page
 * numbers) writes nothing here.
 */
export function writtenHtml(script: string): string {
  // most scripts write nothing: one search spares them the scan
  if (!script.includes('write')) return '';
  const code = withoutComments(script);
  const out: string[] = [];
  let i = 0;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      i = literal(code, i).end;
      continue;
    }
    WRITE.lastIndex = i;
    const call = c === 'd' && !isIdentifierChar(code[i - 1]) ? WRITE.exec(code) : null;
    i = call ? argument(code, i + call[0].length, out) : i + 1;
  }
  return out.join('');
}

/** `document.write(` or `document.writeln(`, where the scan stands (sticky) */
const WRITE = /document\s*\.\s*write(?:ln)?\s*\(/y;

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[\w$.]/.test(c);
}

/**
 * A call's argument from just after its `(`: its HTML goes to `out` when it is string literals only,
 * joined by `+` — one with a variable or a call in it (a pager's `'index_' + page + '.html'`) would
 * write a link that is not the page's. Returns where the call ends.
 */
function argument(code: string, from: number, out: string[]): number {
  const parts: string[] = [];
  let pure = true;
  let depth = 0;
  let i = from;
  const done = (end: number) => {
    if (pure) out.push(parts.join(''));
    return end;
  };
  while (i < code.length) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const { value, end, closed } = literal(code, i);
      if (c === '`' && value !== code.slice(i + 1, end - 1)) pure = false; // a template's ${…}, or escapes: read as written only when plain
      parts.push(value);
      if (!closed) return done(end); // a broken statement: the next line is read afresh
      i = end;
    } else if (c === ')' && depth === 0) return done(i + 1);
    else if (c === ';' && depth === 0) return done(i + 1); // an unclosed call ends with its statement
    else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      if (c !== '+' && !/\s/.test(c)) pure = false;
      i++;
    }
  }
  return done(i);
}

/**
 * A page with what its own inline scripts write into it: the HTML they write, read after the page's
 * own (a browser writes it where the script stands; for the facts, being on the page is what
 * counts). The same document when they write nothing, as most pages' scripts do.
 */
export function withInlineWrites(doc: Document, html: string, charset: string | null): Document {
  const written = DocumentIndex.of(doc).tag('script').filter((s) => s.attribs['src'] === undefined).map((s) => writtenHtml(rawText(s))).join('');
  return written.trim() === '' ? doc : parseHtml(`${html}\n${written}`, charset);
}
