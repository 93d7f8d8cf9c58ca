/**
 * The YAML the deploy examples are written in, read as their engines read it (Kubernetes, GitHub
 * Actions, GitLab CI), so a test can run what they say: block mappings and sequences, `>-` / `|`
 * block scalars, flow collections, quoted and plain scalars, comments, `---` between documents.
 * Not a YAML parser (no anchors, tags or multi-line flow): a construct beyond these fails loudly.
 */
export type Yaml = string | number | boolean | null | Yaml[] | { [key: string]: Yaml };

interface Line { indent: number; text: string; at: number }

export function parseYamlDocuments(source: string, file: string): Yaml[] {
  const docs: Line[][] = [[]];
  source.split('\n').forEach((raw, i) => {
    if (/^---\s*$/.test(raw)) return docs.push([]);
    docs[docs.length - 1]!.push({ indent: raw.length - raw.trimStart().length, text: raw.trimEnd(), at: i + 1 });
  });
  return docs.map((lines) => new Reader(lines, file).document()).filter((d) => d !== null);
}

class Reader {
  private i = 0;
  constructor(private readonly lines: Line[], private readonly file: string) {}

  document(): Yaml {
    this.skipBlank();
    return this.i < this.lines.length ? this.node(this.lines[this.i]!.indent) : null;
  }

  private fail(message: string): never {
    throw new Error(`${this.file}:${this.lines[Math.min(this.i, this.lines.length - 1)]?.at}: ${message}`);
  }

  /** past blank lines and whole-line comments */
  private skipBlank(): void {
    while (this.i < this.lines.length && /^\s*(#.*)?$/.test(this.lines[this.i]!.text)) this.i++;
  }

  private node(indent: number): Yaml {
    return this.lines[this.i]!.text.trimStart().startsWith('- ') ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): Yaml[] {
    const items: Yaml[] = [];
    for (this.skipBlank(); this.i < this.lines.length && this.lines[this.i]!.indent === indent && /^\s*- /.test(this.lines[this.i]!.text); this.skipBlank()) {
      const line = this.lines[this.i]!;
      const rest = line.text.slice(indent + 2);
      if (/^[\w.-]+:(\s|$)/.test(rest)) {
        // a mapping inside the item: its first key on the dash's line, the others below at its indent
        this.lines[this.i] = { ...line, indent: indent + 2, text: `${' '.repeat(indent + 2)}${rest}` };
        items.push(this.mapping(indent + 2));
      } else {
        this.i++;
        items.push(this.value(rest, indent));
      }
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: Yaml } {
    const map: { [key: string]: Yaml } = {};
    for (this.skipBlank(); this.i < this.lines.length && this.lines[this.i]!.indent === indent; this.skipBlank()) {
      const m = /^([\w.-]+|"[^"]*"):(?:\s+(.*))?$/.exec(this.lines[this.i]!.text.trimStart());
      if (!m) this.fail(`not a "key: value" line: ${this.lines[this.i]!.text.trim()}`);
      this.i++;
      map[m[1]!.replace(/^"|"$/g, '')] = this.value(m[2] ?? '', indent);
    }
    if (this.i < this.lines.length && this.lines[this.i]!.indent > indent) this.fail('indented more than its mapping');
    return map;
  }

  /** A value written after `key:` or `- `: inline, a block scalar, or a block below (more indented). */
  private value(written: string, indent: number): Yaml {
    const inline = withoutComment(written);
    const block = /^([>|])(-?)$/.exec(inline);
    if (block) return this.blockScalar(block[1] === '>', block[2] === '-', indent);
    if (inline !== '') return new Flow(inline, (m) => this.fail(m)).whole();
    this.skipBlank();
    const next = this.lines[this.i];
    // a sequence may stand at its key's own indent
    if (next && (next.indent > indent || (next.indent === indent && /^\s*- /.test(next.text)))) return this.node(next.indent);
    return null;
  }

  private blockScalar(folded: boolean, strip: boolean, indent: number): string {
    const body: string[] = [];
    let at = -1;
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i]!;
      if (line.text.trim() === '') { body.push(''); continue; }
      if (line.indent <= indent) break;
      if (at < 0) at = line.indent;
      body.push(line.text.slice(at));
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    const text = folded ? body.join(' ') : body.join('\n');
    return strip ? text : `${text}\n`;
  }
}

/** A line's text without its comment (a `#` after white space, outside quotes). */
function withoutComment(text: string): string {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) { if (c === quote) quote = null; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) return text.slice(0, i).trim();
  }
  return text.trim();
}

/** One line's value: a flow collection, a quoted or a plain scalar. */
class Flow {
  private i = 0;
  constructor(private readonly text: string, private readonly fail: (message: string) => never) {}

  whole(): Yaml {
    const value = this.item(true);
    this.space();
    if (this.i < this.text.length) this.fail(`unread: ${this.text.slice(this.i)}`);
    return value;
  }

  private space(): void {
    while (this.text[this.i] === ' ') this.i++;
  }

  private item(top = false): Yaml {
    this.space();
    const c = this.text[this.i];
    if (c === '{') return this.collection('}', true) as { [key: string]: Yaml };
    if (c === '[') return this.collection(']', false) as Yaml[];
    if (c === '"' || c === "'") return this.quoted(c);
    const end = top ? this.text.length : this.plainEnd();
    const plain = this.text.slice(this.i, end).trim();
    this.i = end;
    return scalar(plain);
  }

  private plainEnd(): number {
    const m = /[,\]}]|:\s/.exec(this.text.slice(this.i));
    return m ? this.i + m.index : this.text.length;
  }

  private collection(close: string, mapping: boolean): Yaml {
    this.i++;
    const list: Yaml[] = [];
    const map: { [key: string]: Yaml } = {};
    for (this.space(); this.text[this.i] !== close; this.space()) {
      if (this.i >= this.text.length) this.fail(`unclosed ${close}`);
      if (mapping) {
        const key = this.item();
        this.space();
        if (this.text[this.i] !== ':') this.fail(`no ":" after ${String(key)}`);
        this.i++;
        map[String(key)] = this.item();
      } else list.push(this.item());
      this.space();
      if (this.text[this.i] === ',') this.i++;
    }
    this.i++;
    return mapping ? map : list;
  }

  private quoted(q: string): string {
    const end = this.text.indexOf(q, this.i + 1);
    if (end < 0) this.fail(`unclosed ${q}`);
    const inner = this.text.slice(this.i + 1, end);
    this.i = end + 1;
    if (q === '"' && inner.includes('\\')) this.fail('escapes in a double-quoted string are not read here');
    return inner;
  }
}

function scalar(plain: string): Yaml {
  if (/^-?\d+$/.test(plain)) return Number(plain);
  if (plain === 'true' || plain === 'false') return plain === 'true';
  if (plain === '' || plain === 'null' || plain === '~') return null;
  return plain;
}
