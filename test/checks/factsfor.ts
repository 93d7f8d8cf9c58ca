import { expect } from 'expect';
import { runCheck } from '../../src/checks/run.js';
import type { Check, CheckFacts } from '../../src/checks/types.js';
import type { PageFacts } from '../../src/extract/page.js';
import { cases } from '../helpers/cases.js';
import type { ColumnFacts, MailboxFacts, SeenLetter } from '../../src/facts/site-facts.js';
import { letterStats } from '../../src/facts/letter-stats.js';

/** A site's facts as a literal: a healthy blank (its home page read, showing nothing) that each test fills in. */
export function factsFor(patch: Partial<CheckFacts> = {}, asOf = '2026-11-15'): CheckFacts {
  const base: CheckFacts = {
    siteId: 's', homeUrl: 'http://x.gov.cn/', home: {} as PageFacts, homeItems: [], columns: [], mailboxes: [], letters: [],
    letterStats: letterStats([], asOf), guides: [], spam: [], twins: [], articles: [], pageItems: [], mergedInto: null,
    brokenLinks: [], portal: false, level: 'county', probes: [], homeObservations: [], readOn: null,
  };
  const facts = { ...base, ...patch };
  return { ...facts, letterStats: letterStats(facts.letters, asOf) };
}

/** A column as the site facts give it: a fresh first-level news list of 3 items, read, unless `patch` says otherwise. */
export function columnFacts(patch: Partial<ColumnFacts> = {}): ColumnFacts {
  return { name: '工作动态', url: 'http://x.gov.cn/gzdt/', category: 'news', overrideDays: null, firstLevel: true, seen: true, scripted: false,
    items: 3, datedItems: [], lastUpdate: '2026-11-10', empty: false, ...patch };
}

/** `total` home page probes of the 7 days up to 2026-11-15 (from 11-09 00:00 UTC), one every `minutes`, the first `failed` of them failed. */
export const probes = (total: number, failed: number, minutes = 72): CheckFacts['probes'] =>
  Array.from({ length: total }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 9) + i * minutes * 60_000).toISOString(), ok: i >= failed }));

/** A home-page signal's three cases, for the checks that only read one (no-search, no-error-report-entry): shown, not shown, no home page. */
export function homeSignalCases(check: Check, signal: 'search' | 'errorReportEntry'): void {
  cases([
    ['shown on the home page', true, { kind: 'findings', findings: [] }],
    ['not shown', false, { kind: 'findings', findings: [{ rule: check.meta.id, url: 'http://x.gov.cn/' }] }],
    ['no home page', null, { kind: 'not-assessed', reason: 'the home page was not fetched' }],
  ])(`${signal} %s`, (_what, shown: boolean | null, expected: object) => {
    expect(runCheck(check, factsFor({ home: shown === null ? null : ({ [signal]: shown } as unknown as PageFacts) }), '2026-11-15')).toEqual(expected);
  });
}

/** A letter as the site facts give it: asked 2026-08-01, under way, read on its own page of the 县长信箱 list, unless `patch` says otherwise. */
export function letterFacts(patch: Partial<SeenLetter> = {}): SeenLetter {
  return { title: '关于路灯的反映', href: 'http://x.gov.cn/l/1.html', page: 'http://x.gov.cn/l/', asked: '2026-08-01', replied: null, status: 'in-progress', reply: null, ...patch };
}

/** A mailbox as the site facts give it: 县长信箱 on the home page, working, its page read and its letters in its HTML, unless `patch` says otherwise. */
export function mailboxFacts(patch: Partial<MailboxFacts> = {}): MailboxFacts {
  return { label: '县长信箱', href: 'http://x.gov.cn/xx/', imageOnly: false, url: 'http://x.gov.cn/', dead: false, read: true, scripted: false, ...patch };
}
