import type { CheckFacts } from '../../src/checks/types.js';
import type { ColumnFacts } from '../../src/facts/site-facts.js';
import { letterStats } from '../../src/facts/letter-stats.js';

/** A site's facts as a literal: a healthy blank that each test fills in. */
export function factsFor(patch: Partial<CheckFacts> = {}, asOf = '2026-11-15'): CheckFacts {
  const base: CheckFacts = {
    siteId: 's', homeUrl: 'http://x.gov.cn/', home: null, homeItems: [], columns: [], mailboxes: [], letters: [], lettersScripted: false,
    letterStats: letterStats([], asOf), guides: [], spam: [], twins: [], articles: [], listItems: [],
    brokenLinks: [], portal: false, level: 'county', probes: [], homeObservations: [],
  };
  const facts = { ...base, ...patch };
  return { ...facts, letterStats: letterStats(facts.letters, asOf) };
}

/** A column as the site facts give it: a fresh first-level news list of 3 items, read, unless `patch` says otherwise. */
export function columnFacts(patch: Partial<ColumnFacts> = {}): ColumnFacts {
  return { name: '工作动态', url: 'http://x.gov.cn/gzdt/', category: 'news', overrideDays: null, firstLevel: true, seen: true, scripted: false,
    items: 3, datedItems: [], lastUpdate: '2026-11-10', empty: false, ...patch };
}
