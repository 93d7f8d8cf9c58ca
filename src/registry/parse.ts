import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { addressKey, normaliseUrl } from '../crawl/scope.js';
import { InputError } from '../errors.js';
import { decodeText } from '../extract/decode.js';
import { FIELD_ALIASES, levelFromRegionPath, normaliseLevel, resolveHeaders } from './aliases.js';
import { siteIdFor } from './site-id.js';
import type { ParsedRegistry, RegistryRow, RowError } from './types.js';

type RawRow = { line: number; fields: Record<string, unknown> };

/** Reads a CSV, JSON or JSON Lines registry. Bad rows become errors; one bad row never aborts the rest. */
export function parseRegistry(file: string): ParsedRegistry {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(file, `cannot read registry: ${(e as Error).message}`);
  }
  if (SPREADSHEET.some((magic) => bytes.subarray(0, magic.length).equals(magic))) {
    throw new InputError(file, 'is a spreadsheet (Excel .xlsx or .xls), not a registry: save it as CSV ("CSV UTF-8" or plain "CSV") and give that file');
  }
  // Excel on a Chinese Windows saves "CSV" in GBK, and "Unicode text" in UTF-16 (tab-separated)
  return parseRegistryText(decodeText(bytes).text, file);
}

/** How a spreadsheet file starts: a ZIP archive (.xlsx), an OLE2 compound document (.xls). */
const SPREADSHEET = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('d0cf11e0a1b11ae1', 'hex')];

export function parseRegistryText(text: string, file: string): ParsedRegistry {
  const errors: RowError[] = [];
  const raw = readRawRows(text, file, errors);
  const rows: RegistryRow[] = [];
  const byId = new Map<string, RegistryRow>();
  for (const { line, fields } of raw) {
    const place = `${basename(file)}:${line}`;
    const result = normaliseRow(fields, place);
    if (typeof result === 'string') {
      errors.push({ place, reason: result });
      continue;
    }
    const earlier = byId.get(result.id);
    if (earlier) {
      // registries such as county-mailboxes.csv give one row per mailbox of the same site
      if (sameSiteUrl(earlier.url, result.url)) {
        for (const m of result.mailboxes) if (!earlier.mailboxes.includes(m)) earlier.mailboxes.push(m);
      } else {
        errors.push({ place, reason: `id "${result.id}" is already used by ${earlier.source} for ${earlier.url}` });
      }
      continue;
    }
    byId.set(result.id, result);
    rows.push(result);
  }
  errors.sort((a, b) => lineOf(a.place) - lineOf(b.place));
  return { file, rows, errors, warnings: sharedAddresses(rows) };
}

/**
 * Sites registered at one address under two ids (county-portals.csv gives Panzhihua's 东区 the
 * address of Tianjin's 河东区): both are audited, one of them as a site it is not.
 */
function sharedAddresses(rows: readonly RegistryRow[]): RowError[] {
  const first = new Map<string, RegistryRow>();
  const warnings: RowError[] = [];
  for (const row of rows) {
    // a trailing slash aside too: registries write http://a.gov.cn/b and http://a.gov.cn/b/ for one site
    const address = addressKey(row.url).replace(/\/+(\?|$)/, '$1');
    const earlier = first.get(address);
    if (earlier) warnings.push({ place: row.source, reason: `the address of ${earlier.source} (${earlier.id}${earlier.name ? ` ${earlier.name}` : ''}), ${row.url}: both are audited, one of them likely as another site` });
    else first.set(address, row);
  }
  return warnings;
}

const lineOf = (place: string) => Number(place.slice(place.lastIndexOf(':') + 1)) || 0;

function sameSiteUrl(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function readRawRows(text: string, file: string, errors: RowError[]): RawRow[] {
  const ext = extname(file).toLowerCase();
  const trimmed = text.trimStart();
  if (ext === '.jsonl' || ext === '.ndjson') return readJsonLines(text, file, errors);
  if (ext === '.json' || trimmed.startsWith('[')) return readJson(text, file);
  if (ext === '.csv' || ext === '.txt' || !trimmed.startsWith('{')) return readCsv(text, file, errors);
  return readJsonLines(text, file, errors);
}

function readCsv(text: string, file: string, errors: RowError[]): RawRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      // tab-separated when its header line is: what Excel's "Unicode text" writes
      delimiter: /^[^\n,]*\t/.test(text) ? '\t' : ',',
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err: { lines?: number; message: string } | undefined) => {
        if (err) errors.push({ place: `${basename(file)}:${err.lines ?? '?'}`, reason: err.message });
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    throw new InputError(basename(file), `not readable as CSV: ${(e as Error).message}`);
  }
  const header = records.shift();
  if (!header) return [];
  const names = header.record.map((h) => h.trim());
  if (!resolveHeaders(names).has('url')) {
    throw new InputError(basename(file), `no column gives the sites' addresses (its header: ${names.join(', ')}): name it url, or one of ${FIELD_ALIASES['url']!.slice(1).join(', ')}`);
  }
  const rows: RawRow[] = [];
  for (const { record, info } of records) {
    if (record.length !== names.length) {
      errors.push({ place: `${basename(file)}:${info.lines}`, reason: `expected ${names.length} fields, got ${record.length}` });
      continue;
    }
    rows.push({ line: info.lines, fields: Object.fromEntries(names.map((n, i) => [n, record[i]])) });
  }
  return rows;
}

function readJson(text: string, file: string): RawRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(basename(file), `not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { sites?: unknown })?.sites;
  if (!Array.isArray(list)) throw new InputError(basename(file), 'expected an array of sites or {"sites": [...]}');
  // JSON has no line numbers that survive parsing; the 1-based position in the array stands in
  return list.map((fields, i) => ({ line: i + 1, fields: isObject(fields) ? fields : { __invalid: fields } }));
}

function readJsonLines(text: string, file: string, errors: RowError[]): RawRow[] {
  const rows: RawRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const fields = JSON.parse(line) as unknown;
      if (!isObject(fields)) throw new Error('a line must be a JSON object');
      rows.push({ line: i + 1, fields });
    } catch (e) {
      errors.push({ place: `${basename(file)}:${i + 1}`, reason: `not valid JSON: ${(e as Error).message}` });
    }
  });
  return rows;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A row → RegistryRow, or the reason it is bad. */
function normaliseRow(fields: Record<string, unknown>, place: string): RegistryRow | string {
  if ('__invalid' in fields) return 'a site must be a JSON object';
  const headers = resolveHeaders(Object.keys(fields));
  const get = (field: string): unknown => {
    const h = headers.get(field);
    return h === undefined ? undefined : fields[h];
  };
  const str = (field: string): string => {
    const v = get(field);
    return v === undefined || v === null ? '' : String(v).trim();
  };

  // a registry is official data: a mistyped address is named with what was likely meant, not mended
  const notUrl = (field: string) => {
    const meant = str(field).normalize('NFKC') !== str(field) ? toHttpUrl(str(field).normalize('NFKC')) : null;
    return `${field} "${str(field)}" is not an http(s) URL${meant ? `: it has full-width characters (a Chinese input method's), ${meant} was likely meant` : ''}`;
  };
  const url = toHttpUrl(str('url'));
  if (url === null) return str('url') === '' ? 'url is missing' : notUrl('url');

  const mailboxes: string[] = [];
  if (str('mailbox') !== '') {
    const m = toHttpUrl(str('mailbox'));
    if (m === null) return notUrl('mailbox');
    mailboxes.push(m);
  }

  let level = null as RegistryRow['level'];
  if (str('level') !== '') {
    const l = normaliseLevel(str('level'));
    if (l === undefined) return `level "${str('level')}" is not one of province, city, county, town, department`;
    level = l;
  } else if (str('org').includes('|')) {
    level = levelFromRegionPath(str('org'));
  }

  const columns = parseColumns(get('columns'));
  if (typeof columns === 'string') return columns;

  const used = new Set(headers.values());
  const extra = Object.fromEntries(Object.entries(fields).filter(([k, v]) => !used.has(k) && v !== '' && v !== undefined));
  return {
    id: siteIdFor(str('id'), url),
    url,
    name: str('name') || null,
    level,
    org: str('org') || null,
    mailboxes,
    portal: /^(1|true|yes|y|是)$/i.test(str('portal')),
    columns,
    extra,
    source: place,
  };
}

function toHttpUrl(value: string): string | null {
  if (value === '') return null;
  // registries often omit the scheme: "www.example.gov.cn"
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `http://${value}`;
  try {
    const u = new URL(withScheme);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
    // www.x.gov.cn。 (a Chinese full stop, read as ".") names the host its own links name without it
    u.hostname = u.hostname.replace(/\.$/, '');
    // as the crawl spells it (no fragment, no session id): a registry's http://x.gov.cn/#/home is the page
    // fetched at http://x.gov.cn/, which must be known as the site's home page
    return normaliseUrl(u.href, u.href);
  } catch {
    return null;
  }
}

function parseColumns(value: unknown): Record<string, string | number> | string {
  if (value === undefined || value === null || value === '') return {};
  let obj = value;
  if (typeof value === 'string') {
    try {
      obj = JSON.parse(value);
    } catch {
      return `columns must be a JSON object of name → category or days, got ${JSON.stringify(value)}`;
    }
  }
  if (!isObject(obj)) return 'columns must be an object of name → category or days';
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v !== 'string' && typeof v !== 'number') return `columns["${k}"] must be a category name or a number of days`;
  }
  return obj as Record<string, string | number>;
}
