import { describe, it } from 'node:test';
import { expect } from 'expect';
import { addDays, chinaDate, daysBetween, parseDate, resolveYearless, scanDates, shownDate, shownDateWithout, urlDate } from '../../src/extract/dates.js';
import { cases } from '../helpers/cases.js';

const AS_OF = '2026-11-15';

describe('parseDate: every notation of SPEC §4', () => {
  cases([
    ['2026-11-02', '2026-11-02'],
    ['2026/11/02', '2026-11-02'],
    ['2026.11.02', '2026-11-02'],
    ['2026年11月2日', '2026-11-02'],
    ['[2026-11-02]', '2026-11-02'],
    ['【2026-11-2】', '2026-11-02'],
    ['发布时间：2026-11-02 09:30', '2026-11-02'],
    ['(11-02)', '2026-11-02'],
    ['11月2日', '2026-11-02'],
    // a year-less date after the as-of day is last year's
    ['(12-30)', '2025-12-30'],
    ['2026-02-30', null],
    ['2019年政府信息公开年度报告', null],
    ['第20261102号', null],
    ['', null],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text, AS_OF)).toBe(expected);
  });

  cases([
    [11, 15, '2026-11-15'], // the as-of day itself is not the future
    [11, 16, '2025-11-16'],
    [2, 29, null], // neither 2026 nor 2025 has one
  ])('year-less %i-%i → %s', (m, d, expected) => {
    expect(resolveYearless(m, d, AS_OF)).toBe(expected);
  });
});

describe('urlDate: dates inside article URLs', () => {
  cases([
    ['http://x.gov.cn/xxgk/201811/t20181102_2290635.html', { date: '2018-11-02', precision: 'day' }],
    ['http://x.gov.cn/art/2026/11/2/art_1_2.html', { date: '2026-11-02', precision: 'day' }],
    ['http://x.gov.cn/home/2023-03/29/content_5748953.htm', { date: '2023-03-29', precision: 'day' }],
    ['https://www.gov.cn/yaowen/liebiao/202309/content_6906622.htm', { date: '2023-09-01', precision: 'month' }],
    ['http://x.gov.cn/news/20261102/123.html', { date: '2026-11-02', precision: 'day' }],
    ['http://x.gov.cn/col/col101/index.html', null],
    ['http://x.gov.cn/p/12345678.html', null],
  ])('%s', (url, expected) => {
    expect(urlDate(url)).toEqual(expected);
  });
});

describe('daysBetween: calendar days, across month ends, leap days and centuries', () => {
  cases([
    ['2026-11-01', '2026-11-15', 14],
    ['2026-11-15', '2026-11-01', -14],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2000-02-28', '2000-03-01', 2],
    ['2100-02-28', '2100-03-01', 1],
    ['1999-12-31', '2000-01-01', 1],
    ['1970-01-01', '2026-11-15', 20_772],
    ['2025-11-15', '2026-11-15', 365],
  ])('%s → %s: %d', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });
});

describe('chinaDate: the day in China (UTC+8, no summer time) at an instant', () => {
  cases([
    ['2026-11-30T15:59:59.999Z', '2026-11-30'],
    ['2026-11-30T16:00:00.000Z', '2026-12-01'],
    ['2026-12-31T20:00:00.000Z', '2027-01-01'],
    ['2026-07-01T00:00:00.000Z', '2026-07-01'],
    [Date.UTC(2026, 1, 28, 16), '2026-03-01'],
  ])('%s → %s', (at, date) => {
    expect(chinaDate(at)).toBe(date);
  });
});

describe('shownDateWithout: a row\'s date outside one title, read once for a row of many titles', () => {
  const filler = '政务公开信息'.repeat(20); // rows long enough to be scanned
  const asOf = '2026-11-15';
  const blanked = (text: string, blank: string) => shownDate(text.replace(blank, ' '), asOf);
  cases([
    ['a title after the first date', `第一条 2026-11-02 ${filler} 第二条标题 2026-10-01`, '第二条标题'],
    ['the title before it', `第一条标题 2026-11-02 ${filler}`, '第一条标题'],
    ['a title the row does not show', `第一条 2026-11-02 ${filler}`, '看不见的标题'],
    ['digits only, no date', `${Array.from({ length: 80 }, (_, i) => i).join(' ')}`, '31'],
    ['a date made by blanking the title', `${filler} 2026-11 标题 -02 ${filler}`, '标题'],
    ['a year-less date', `${filler} 标题 (11-02) ${filler}`, '标题'],
    ['an empty title', `2026-11-02 ${filler}`, ''],
  ])('%s: as blanking the title and reading the row', (_what, text, blank) => {
    expect(shownDateWithout(scanDates(text), blank, asOf)).toEqual(blanked(text, blank));
  });

  it('agrees with blanking and reading on 40,000 random rows and titles', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pieces = ['0', '1', '2', '9', '02', '11', '19', '20', '2026', '1999', '-', '/', '.', '年', '月', '日', ' ', '政', '务', 'a', '(', ')'];
    for (let t = 0; t < 40_000; t++) {
      const text = Array.from({ length: next(160) }, () => pieces[next(pieces.length)]).join('').replace(/\s+/g, ' ');
      const start = next(text.length + 1);
      const blank = next(8) === 0 ? pieces[next(pieces.length)]! : text.slice(start, start + next(12));
      expect([text, blank, shownDateWithout(scanDates(text), blank, asOf)]).toEqual([text, blank, blanked(text, blank)]);
    }
  });
});
