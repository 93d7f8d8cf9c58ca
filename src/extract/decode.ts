import { isUtf8 } from 'node:buffer';

/**
 * Bytes + Content-Type → text. Order: BOM, HTTP charset, <meta charset>, then detection.
 * A declared charset the bytes contradict loses: many of these sites declare utf-8 and serve GBK.
 */
export interface DecodedText {
  text: string;
  charset: string;
}

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030',
  utf8: 'utf-8', 'utf-8': 'utf-8', big5: 'big5', 'big5-hkscs': 'big5', 'iso-8859-1': 'windows-1252', 'us-ascii': 'utf-8',
};

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };

  // GBK (GB18030 is its superset) text almost never validates as UTF-8, so valid UTF-8 wins over a gbk label
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const declared = charsetFromContentType(contentType) ?? charsetFromMeta(bytes);
  const charset = declared && declared !== 'utf-8' ? declared : 'gb18030';
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

/**
 * The page's own bytes when they are its text's UTF-8 as they stand (valid UTF-8 without a BOM, read
 * as it is), so storing the text need not encode it again; null otherwise.
 */
export function utf8As(bytes: Uint8Array, { charset }: DecodedText): Uint8Array | null {
  return charset === 'utf-8' && !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ? bytes : null;
}

export function normaliseCharset(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const known = ALIASES[l];
  if (known) return known;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function charsetFromContentType(contentType?: string | null): string | null {
  const m = /charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '');
  return m ? normaliseCharset(m[1]!) : null;
}

/** <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gb2312"> in the first 4 KB. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  return m ? normaliseCharset(m[1]!) : null;
}

/** The text when the bytes are valid UTF-8, else null (isUtf8 and toString: several times faster than a fatal TextDecoder). */
function strictUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
