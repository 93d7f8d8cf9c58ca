import { describe } from 'node:test';
import { expect } from 'expect';
import { homepageLowVolume } from '../../src/checks/homepage-low-volume.js';
import { runCheck } from '../../src/checks/run.js';
import type { ListItem } from '../../src/extract/list-items.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import { factsFor } from './factsfor.js';

/** one home-page item on each date */
const items = (...dates: string[]): ListItem[] => dates.map((date, i) => ({ title: `动态${i}`, href: `http://x.gov.cn/art/${i}.html`, date, urlDate: null, dateConflict: false }));
const days = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `2026-11-${String(from + i).padStart(2, '0')}`);

describe('homepage-low-volume', () => {
  cases([
    ['10 new items in 14 days', items(...days(10, 2)), null],
    ['9 new items', items(...days(9, 2)), 9],
    ['an item exactly 14 days old counts, one 15 days old does not', items(...days(8, 2), '2026-11-01', '2026-10-31'), 9],
    ['the same article listed twice counts once', [...items(...days(9, 2)), items('2026-11-02')[0]!], 9],
    ['items dated after the as-of date are not new items', items(...days(9, 2), '2026-11-20'), 9],
    ['none at all: the veto (homepage-not-updated), not also this', items('2026-10-01'), null],
  ])('%s', (_what, homeItems: ListItem[], count: number | null) => {
    const result = runCheck(homepageLowVolume, factsFor({ home: {} as PageFacts, homeItems }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: count === null ? [] : [{ rule: 'homepage-low-volume', url: 'http://x.gov.cn/', count }] });
  });

  cases([
    ['9 readable new items and a list filled by script: not assessed (its items are not counted)', 9, { kind: 'not-assessed', reason: '9 new items could be read; the home page also fills a list by script' }],
    ['10 readable new items: enough whatever the script adds', 10, { kind: 'findings', findings: [] }],
  ])('%s', (_what, n: number, expected: object) => {
    expect(runCheck(homepageLowVolume, factsFor({ home: { scriptedList: true } as PageFacts, homeItems: items(...days(n, 2)) }), '2026-11-15')).toEqual(expected);
  });
});
