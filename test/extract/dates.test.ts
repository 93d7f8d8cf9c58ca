import { describe } from 'node:test';
import { expect } from 'expect';
import { addDays, daysBetween, parseDate, resolveYearless, urlDate } from '../../src/extract/dates.js';
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
