import { describe, it } from 'node:test';
import { expect } from 'expect';
import { homepageNotUpdated } from '../../src/checks/homepage-not-updated.js';
import { runCheck } from '../../src/checks/run.js';
import type { ListItem } from '../../src/extract/list-items.js';
import type { PageFacts } from '../../src/extract/page.js';
import type { HomeObservation } from '../../src/facts/home-observations.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import { cases } from '../helpers/cases.js';
import { columnFacts, factsFor } from './factsfor.js';

const item = (date: string): ListItem => ({ title: '标题', href: `http://x.gov.cn/${date}.html`, date, urlDate: null, dateConflict: false });
const seen = (date: string, fingerprint: string): HomeObservation => ({ date, fingerprint, source: 'run' });
const col = (lastUpdate: string | null) => columnFacts({ items: 1, lastUpdate });

describe('homepage-not-updated', () => {
  cases([
    ['dated exactly 14 days ago', [item('2026-11-01')], [], []],
    ['newest 15 days ago', [item('2026-10-31'), item('2026-09-01')], [], [{ lastUpdate: '2026-10-31' }]],
    ['a date after the as-of date does not count as an update', [item('2026-12-01')], [], [{ lastUpdate: null }]],
    ['navigation-only home page: its columns decide', [], [col('2026-11-10')], []],
    ['navigation-only home page with stale columns', [], [col('2026-09-10')], [{ lastUpdate: '2026-09-10' }]],
    ['no date anywhere', [], [col(null)], [{ lastUpdate: null }]],
  ])('%s', (_name, homeItems: ListItem[], columns: ColumnFacts[], expected: object[]) => {
    const result = runCheck(homepageNotUpdated, factsFor({ home: {} as PageFacts, homeItems, columns }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: expected.map((e) => ({ rule: 'homepage-not-updated', url: 'http://x.gov.cn/', ...e })) });
  });

  const scripted = { ...col(null), seen: false, scripted: true, items: 0 };
  const expected = (e: object | 'not-assessed') => (e === 'not-assessed'
    ? { kind: 'not-assessed', reason: 'no dated item could be read: the home page or its columns fill their lists by script' }
    : { kind: 'findings', findings: [{ rule: 'homepage-not-updated', url: 'http://x.gov.cn/', ...e }] });
  cases([
    ['a home page that fills its lists by script, no date anywhere: not assessed', true, [], 'not-assessed'],
    ['a column filled by script, no date anywhere: not assessed', false, [scripted], 'not-assessed'],
    ['a home page filling by script, a readable column stale: judged by it', true, [col('2026-09-10')], { lastUpdate: '2026-09-10' }],
    ['nothing filled by script, no date anywhere: the veto', false, [col(null)], { lastUpdate: null }],
  ])('script: %s', (_name, scriptedList: boolean, columns: ColumnFacts[], outcome: object | 'not-assessed') => {
    const result = runCheck(homepageNotUpdated, factsFor({ home: { scriptedList } as PageFacts, homeItems: [], columns }), '2026-11-15');
    expect(result).toEqual(expected(outcome));
  });

  // a home page with readable lists that also fills one by script
  cases([
    ['its readable items stale, a column updated within 14 days: not assessed (the scripted list may show it)', [item('2026-09-01')], [col('2026-11-10')], [],
      { kind: 'not-assessed', reason: "the home page's newest readable item is 2026-09-01, but it also fills a list by script, and a column was updated on 2026-11-10" }],
    ['its readable items and every column stale: the veto', [item('2026-09-01')], [col('2026-10-01')], [], { kind: 'findings', findings: [{ rule: 'homepage-not-updated', url: 'http://x.gov.cn/', lastUpdate: '2026-09-01' }] }],
    ['its readable items fresh: updated', [item('2026-11-14')], [col('2026-10-01')], [], { kind: 'findings', findings: [] }],
    ['fresh dates seen unchanged for 15 days, a column updated: not assessed', [item('2026-11-14')], [col('2026-11-10')], [seen('2026-10-31', 'a'), seen('2026-11-15', 'a')],
      { kind: 'not-assessed', reason: "the home page's newest readable item is 2026-11-14, but it also fills a list by script, and a column was updated on 2026-11-10" }],
  ])('script beside lists: %s', (_name, homeItems: ListItem[], columns: ColumnFacts[], homeObservations: HomeObservation[], expected: object) => {
    expect(runCheck(homepageNotUpdated, factsFor({ home: { scriptedList: true } as PageFacts, homeItems, columns, homeObservations }), '2026-11-15')).toEqual(expected);
  });

  it('a home page that fills no list by script, its items stale and a column fresh: the veto (its lists are what it shows)', () => {
    expect(runCheck(homepageNotUpdated, factsFor({ home: { scriptedList: false } as PageFacts, homeItems: [item('2026-09-01')], columns: [col('2026-11-10')] }), '2026-11-15'))
      .toEqual({ kind: 'findings', findings: [{ rule: 'homepage-not-updated', url: 'http://x.gov.cn/', lastUpdate: '2026-09-01' }] });
  });

  cases([
    ['fresh dates, and the list changed 3 days ago', [seen('2026-10-20', 'a'), seen('2026-11-12', 'b'), seen('2026-11-15', 'b')], []],
    ['fresh dates on a list seen unchanged for exactly 14 days', [seen('2026-11-01', 'a'), seen('2026-11-15', 'a')], []],
    ['fresh dates on a list seen unchanged for 15 days: re-dated, not updated', [seen('2026-10-20', 'z'), seen('2026-10-31', 'a'), seen('2026-11-08', 'a'), seen('2026-11-15', 'a')], [{ lastUpdate: '2026-11-14', unchangedSince: '2026-10-31' }]],
    ['one observation says nothing about change', [seen('2026-11-15', 'a')], []],
  ])('observed: %s', (_name, homeObservations: HomeObservation[], expected: object[]) => {
    const result = runCheck(homepageNotUpdated, factsFor({ home: {} as PageFacts, homeItems: [item('2026-11-14')], homeObservations }), '2026-11-15');
    expect(result).toEqual({ kind: 'findings', findings: expected.map((e) => ({ rule: 'homepage-not-updated', url: 'http://x.gov.cn/', ...e })) });
  });
});
