import { isAscii, isUtf8, transcode } from 'node:buffer';

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
  return decodeText(bytes, () => charsetFromContentType(contentType) ?? charsetFromMeta(bytes));
}

/**
 * Bytes of a charset not known for sure → text: a BOM, else UTF-8 when they are valid UTF-8, else the
 * charset `declared` names, else GB18030 (GBK's superset: what a Chinese Windows, its Excel among
 * others, writes as "ANSI" text).
 */
export function decodeText(bytes: Uint8Array, declared: () => string | null = () => null): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: textIn(bytes, 'utf-8'), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };

  // GBK (GB18030 is its superset) text almost never validates as UTF-8, so valid UTF-8 wins over a gbk label
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  const named = declared();
  const charset = named && named !== 'utf-8' ? named : 'gb18030';
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

/** The text when the bytes are valid UTF-8, else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  const buffer = asBuffer(bytes);
  return isUtf8(buffer) ? validUtf8Text(buffer) : null;
}

/** Bytes in a known charset → text, a leading BOM dropped (as TextDecoder drops it). */
export function textIn(bytes: Uint8Array, charset: string): string {
  if (charset !== 'utf-8') return new TextDecoder(charset).decode(bytes);
  return utf8Text(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
}

/** UTF-8 bytes → text, an invalid sequence read as U+FFFD (as TextDecoder and Buffer#toString read it). */
export function utf8Text(bytes: Uint8Array): string {
  const buffer = asBuffer(bytes);
  return isUtf8(buffer) ? validUtf8Text(buffer) : buffer.toString('utf8');
}

/**
 * Text of bytes known to be valid UTF-8 (ICU's transcode throws on others). V8's UTF-8 decoder, behind
 * both TextDecoder and Buffer#toString, is slow on Chinese text; ICU's transcoding to UTF-16 and a copy
 * are 4–6× faster (a 5.5 KB page 17.7 → 2.9 µs, a 37 KB one 80 → 20 µs). ASCII is read as latin1, its
 * one-byte string, without transcoding.
 */
function validUtf8Text(buffer: Buffer): string {
  return isAscii(buffer) ? buffer.toString('latin1') : transcode(buffer, 'utf8', 'ucs2').toString('ucs2');
}

const asBuffer = (bytes: Uint8Array): Buffer => (Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
