/**
 * A link's query in its page's charset, as a browser writes it (WHATWG URL parsing with the
 * document's encoding as override): on a GBK page `list.asp?lm=通知公告` asks for
 * `lm=%CD%A8%D6%AA%B9%AB%B8%E6`, which is what an ASP or JSP site of that age reads its parameters
 * as; sent as UTF-8, the same link finds an empty list or an error page. The path and the fragment
 * stay as they are (a URL parser writes them in UTF-8 whatever the page's charset).
 */
export function queryInCharset(href: string, charset: string): string {
  const q = href.indexOf('?');
  if (q < 0) return href;
  const hash = href.indexOf('#', q);
  const end = hash < 0 ? href.length : hash;
  const query = href.slice(q + 1, end).replace(/[^\x00-\x7f]+/g, (run) => percentEncoded(run, charset));
  return `${href.slice(0, q + 1)}${query}${href.slice(end)}`;
}

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Each character by its bytes in the charset; one it has none for as a browser's `&#N;`. */
function percentEncoded(run: string, charset: string): string {
  const table = encoderFor(charset);
  let out = '';
  for (const ch of run) {
    const bytes = table.get(ch);
    out += bytes ? Array.from(bytes, hex).join('') : `%26%23${ch.codePointAt(0)}%3B`;
  }
  return out;
}

const encoders = new Map<string, Map<string, Uint8Array>>();

/**
 * Character → bytes for a legacy charset (GB18030's two-byte part, that is GBK; Big5; the
 * windows-125x single-byte sets), read off Node's own decoder once: no encoder table of our own to
 * get wrong. Only pages of such charsets with such links ever build one.
 */
function encoderFor(charset: string): Map<string, Uint8Array> {
  let table = encoders.get(charset);
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder(charset, { fatal: true });
  const add = (bytes: Uint8Array) => {
    let ch: string;
    try {
      ch = decoder.decode(bytes);
    } catch {
      return;
    }
    if ([...ch].length === 1 && ch.codePointAt(0)! > 0x7f && !table!.has(ch)) table!.set(ch, bytes);
  };
  for (let b = 0x80; b <= 0xff; b++) add(Uint8Array.of(b));
  for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add(Uint8Array.of(lead, trail));
  encoders.set(charset, table);
  return table;
}
