import { domainToUnicode } from 'node:url';

/** The only way page text enters a table: everything from the web is hostile. A CSV field for a spreadsheet: quoted, formula starters neutralised. */
export function escapeCsv(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return quoteCsv(text);
}

/** A CSV field as it is: quoted when it holds a comma, quote or line break. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value in HTML. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML[c]!);
}

/** Characters XML 1.0 cannot hold at all: a hostile page must not make a JUnit or DOCX file unreadable. */
// eslint-disable-next-line no-control-regex
export const xmlSafe = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** Text or an attribute value in XML. */
export const escapeXml = (value: unknown): string => escapeHtml(xmlSafe(String(value ?? '')));

/**
 * A URL as a reader knows it: a Chinese domain name (北京市人民政府.政务) in its own characters, not
 * the xn-- form a URL carries. Only what a person reads: links, JSON, CSV and the database keep the URL.
 */
export function shownUrl(url: string): string {
  // every evidence link of a national report comes here: most have no such name, and are not parsed
  if (!url.includes('xn--')) return url;
  const host = URL.parse(url)?.hostname;
  return host && host.includes('xn--') ? url.replace(host, domainToUnicode(host)) : url;
}

/** A URL as a Markdown link (an autolink when it reads as it is): nothing in it can close the brackets. */
export const mdLink = (url: string): string => {
  const target = `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
  const shown = shownUrl(url);
  return shown === url ? target : `[${escapeMd(shown)}](${target})`;
};

/** Text in Markdown: markup characters and raw HTML neutralised, one line. */
export function escapeMd(value: unknown): string {
  return String(value ?? '').replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`);
}
