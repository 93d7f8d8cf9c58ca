/**
 * Reading script text without running it: its string literals and comments. Not a JavaScript
 * parser: a regex literal is not known (a quote inside one reads as a string's start, to its line's
 * end at most).
 */

/** The index just past a `//` comment starting at `from` (its line's end). */
function lineEnd(code: string, from: number): number {
  const end = code.indexOf('\n', from);
  return end < 0 ? code.length : end;
}

/** The index just past a block comment starting at `from`. */
function blockEnd(code: string, from: number): number {
  const end = code.indexOf('*/', from + 2);
  return end < 0 ? code.length : end + 2;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** A string literal starting at its quote: its value (escapes read; a template's `${…}` left out), the index after it, and whether its quote closed it. */
export function literal(code: string, from: number): { value: string; end: number; closed: boolean } {
  const quote = code[from]!;
  let value = '';
  let i = from + 1;
  while (i < code.length && code[i] !== quote) {
    const c = code[i]!;
    if (c === '\n' && quote !== '`') break; // an unterminated literal ends at its line
    if (c === '$' && quote === '`' && code[i + 1] === '{') {
      const close = code.indexOf('}', i);
      i = close < 0 ? code.length : close + 1;
      continue;
    }
    if (c !== '\\') {
      value += c;
      i++;
      continue;
    }
    const e = code[i + 1] ?? '';
    if (e === 'x' && /^[0-9a-f]{2}$/i.test(code.slice(i + 2, i + 4))) {
      value += String.fromCharCode(parseInt(code.slice(i + 2, i + 4), 16));
      i += 4;
    } else if (e === 'u' && /^[0-9a-f]{4}$/i.test(code.slice(i + 2, i + 6))) {
      value += String.fromCharCode(parseInt(code.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (e === '\r' || e === '\n') {
      i += e === '\r' && code[i + 2] === '\n' ? 3 : 2; // a line continuation
    } else {
      value += ESCAPES[e] ?? e;
      i += 2;
    }
  }
  return { value, end: i + 1, closed: code[i] === quote };
}

/**
 * The script without its comments (`//` to the line's end, `/* … *\/`), strings kept whole
 * (`'http://…'` keeps its `//`): code a template has commented out — an old include, an old
 * request loop — is not what the page runs.
 */
export function withoutComments(code: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < code.length;) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === '`') i = literal(code, i).end;
    else if (c === '/' && (code[i + 1] === '/' || code[i + 1] === '*')) {
      out += code.slice(from, i);
      i = code[i + 1] === '/' ? lineEnd(code, i) : blockEnd(code, i);
      from = i;
    } else i++;
  }
  return out + code.slice(from);
}
