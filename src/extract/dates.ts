import { urlParts } from '../crawl/scope.js';

/** Calendar dates cross module boundaries as 'YYYY-MM-DD' strings, never as Date objects. */
export type LocalDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar date → LocalDate, else null (2026-02-30 is not a date). */
export function toLocalDate(y: number, m: number, d: number): LocalDate | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Days since 1970-01-01, by the civil-calendar formula: no Date (a national report compares dates by the hundred thousand). */
function dayNumber(date: LocalDate): number {
  const m = Number(date.slice(5, 7));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + Number(date.slice(8, 10)) - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** A day of 24 hours, in milliseconds (for times; dates are counted with daysBetween and addDays). */
export const DAY_MS = 86_400_000;

/** The date in China (UTC+8 all year, no summer time) at an instant: the sites' own calendar, not the machine's or UTC's. */
export function chinaDate(at: number | string): LocalDate {
  return new Date((typeof at === 'string' ? Date.parse(at) : at) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

// 2026-11-02, 2026/11/02, 2026.11.02, 2026年11月2日 (also 2026-11-2); not inside a longer number
const FULL = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?:\s*日)?(?!\d)/g;
// (11-02), [11-02], 11月2日: a date without a year
const YEARLESS = /(?<![\d\-/.年])(\d{1,2})\s*(?:-|月)\s*(\d{1,2})(?:\s*日)?(?![\d\-/.])/g;

/** Every full date written in a text, in order of appearance. */
export function findDates(text: string): LocalDate[] {
  return fullDates(text, Infinity).map((d) => d.date);
}

/**
 * The first `limit` full dates of a text as they are read, each with where its match ends. A loop
 * over FULL itself (no call reads dates while another is under way): matchAll and a generator cost
 * twice as much, on every list row of every page.
 */
function fullDates(text: string, limit: number): { date: LocalDate; end: number }[] {
  const found: { date: LocalDate; end: number }[] = [];
  FULL.lastIndex = 0;
  for (let m = FULL.exec(text); m !== null; m = FULL.exec(text)) {
    const date = toLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date && found.push({ date, end: m.index + m[0].length }) === limit) break;
  }
  return found;
}

const firstFullDate = (text: string) => fullDates(text, 1)[0] ?? null;

/**
 * The date a short text (a list row's date cell) shows: a full date, or a year-less one resolved
 * against the as-of date.
 */
export function parseDate(text: string, asOf: LocalDate): LocalDate | null {
  return shownDate(text, asOf)?.date ?? null;
}

/** parseDate, saying whether the date shown had no year (the as-of date supplied it). */
export function shownDate(text: string, asOf: LocalDate): { date: LocalDate; yearless: boolean } | null {
  const full = firstFullDate(text);
  if (full) return { date: full.date, yearless: false };
  for (const m of text.matchAll(YEARLESS)) {
    const d = resolveYearless(Number(m[1]), Number(m[2]), asOf);
    if (d) return { date: d, yearless: true };
  }
  return null;
}

/**
 * A text read once for the dates it shows, so that titles can be blanked out of it in turn
 * (shownDateWithout). Its white space is collapsed, as visible text is: a date match is then short.
 */
export interface DateScan {
  text: string;
  first: { date: LocalDate; end: number } | null;
  /** nothing in it is shaped like a date, valid or not, full or year-less */
  dateless: boolean;
  /** it holds a date separator (-, /, ., 年, 月): without one, no blanking can make a date */
  separated: boolean;
}

/** FULL and YEARLESS for a yes or no (a global regex keeps state between tests) */
const FULL_SHAPE = new RegExp(FULL.source);
const YEARLESS_SHAPE = new RegExp(YEARLESS.source);

/** Farther than any date match (under 20 characters) and its look-behind and look-ahead reach. */
const REACH = 25;

export function scanDates(text: string): DateScan {
  // a row too short for a shortcut (most rows: one title and a date) is read whole for its title, unscanned
  if (text.length <= 4 * REACH) return { text, first: null, dateless: false, separated: true };
  return { text, first: firstFullDate(text), dateless: !FULL_SHAPE.test(text) && !YEARLESS_SHAPE.test(text), separated: SEPARATOR.test(text) };
}

/** Every date match holds one of these. */
const SEPARATOR = /[-/.年月]/;

/**
 * shownDate of the text with the first occurrence of `blank` replaced by a space — what a list row
 * shows outside one anchor's title — without copying and searching a long row once per title (a
 * container of thousands of anchors took seconds). Exact: a title blanked well after the row's first
 * full date leaves that date first (and only the text before it is searched for the title); in a row
 * with nothing date-shaped, a date could only form where the title was, which needs a separator
 * within reach. Anything else is read the long way.
 */
export function shownDateWithout(scan: DateScan, blank: string, asOf: LocalDate): { date: LocalDate; yearless: boolean } | null {
  // a title first written beyond reach of the first full date (or nowhere): that date stays first
  if (scan.first && scan.text.lastIndexOf(blank, scan.first.end + REACH - 1) < 0) return { date: scan.first.date, yearless: false };
  // a row with nothing date-shaped: only the blanked spot can make a date, and a date needs a separator
  if (scan.dateless) {
    // not even a separator in the row (a flat menu of thousands of links: looking each title up made it quadratic)
    if (!scan.separated) return null;
    const at = scan.text.indexOf(blank);
    if (at < 0) return null; // nothing blanked: the row as it is, which shows no date
    if (!SEPARATOR.test(`${scan.text.slice(Math.max(0, at - REACH), at)} ${scan.text.slice(at + blank.length, at + blank.length + REACH)}`)) return null;
    return shownDateAround(scan.text, at, blank.length, asOf);
  }
  return shownDate(scan.text.replace(blank, ' '), asOf);
}

/** FULL and YEARLESS tried at one position (sticky) */
const FULL_AT = new RegExp(FULL.source, 'y');
const YEARLESS_AT = new RegExp(YEARLESS.source, 'y');

/**
 * shownDate of a text that shows no date, with `length` characters at `at` blanked: any date it
 * shows then overlaps the blank (a match is under 20 characters, its look-behind and look-ahead one
 * more each), so only the text around the blank is read, not the whole row once per title (a flat
 * row of 4,000 titles took 3 s, quadratic). Matches are tried from each position as the regexes scan
 * the whole text, and taken only with the text's own character on each side of them, or its real
 * start or end: a cut there could make a match the whole text does not have.
 */
function shownDateAround(text: string, at: number, length: number, asOf: LocalDate): { date: LocalDate; yearless: boolean } | null {
  const from = Math.max(0, at - REACH - 1);
  const to = Math.min(text.length, at + length + REACH + 1);
  const around = `${text.slice(from, at)} ${text.slice(at + length, to)}`;
  const first = from === 0 ? 0 : 1;
  const last = to === text.length ? around.length : around.length - 1;
  return firstAround(FULL_AT, around, first, last, (m) => {
    const date = toLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date, yearless: false } : null;
  }) ?? firstAround(YEARLESS_AT, around, first, last, (m) => {
    const date = resolveYearless(Number(m[1]), Number(m[2]), asOf);
    return date ? { date, yearless: true } : null;
  });
}

/**
 * The first match of a sticky regex in `text` from `first` on, ending by `last`, that `read` takes,
 * each looked for after the one before as a global regex scans.
 */
function firstAround<T>(regex: RegExp, text: string, first: number, last: number, read: (m: RegExpExecArray) => T | null): T | null {
  for (let p = first; p < last; p++) {
    regex.lastIndex = p;
    const m = regex.exec(text);
    if (!m || p + m[0].length > last) continue;
    const taken = read(m);
    if (taken) return taken;
    p += Math.max(m[0].length, 1) - 1;
  }
  return null;
}

/** A date without a year takes the as-of year, unless that puts it in the future: then the year before. */
export function resolveYearless(month: number, day: number, asOf: LocalDate): LocalDate | null {
  const year = Number(asOf.slice(0, 4));
  const thisYear = toLocalDate(year, month, day);
  if (thisYear && thisYear <= asOf) return thisYear;
  return toLocalDate(year - 1, month, day);
}

/** How exactly a URL dates its article. */
export interface UrlDate {
  date: LocalDate;
  /** 'month' when the URL names only a year and month (/202611/): the 1st stands in */
  precision: 'day' | 'month';
}

/**
 * The date inside an article URL: t20261102_123.html, /art/2026/11/2/art_1_2.html, /2026-11/02/,
 * /20261102/, /202611/.
 */
export function urlDate(url: string): UrlDate | null {
  const path = safePath(url);
  let m = /(?:^|[/_t])((?:19|20)\d{2})(\d{2})(\d{2})(?:[_/.-]|$)/.exec(path);
  if (m) {
    const date = toLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return { date, precision: 'day' };
  }
  m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})\//.exec(path);
  if (m) {
    const date = toLocalDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) return { date, precision: 'day' };
  }
  m = /\/((?:19|20)\d{2})-?(\d{2})\//.exec(path);
  if (m) {
    const date = toLocalDate(Number(m[1]), Number(m[2]), 1);
    if (date) return { date, precision: 'month' };
  }
  return null;
}

function safePath(url: string): string {
  return urlParts(url)?.pathname ?? url;
}
