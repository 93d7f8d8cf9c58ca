import type { CheckFacts } from '../checks/types.js';
import { buildReport, type AuditReport } from '../report/model.js';
import type { Profile } from '../score/profile.js';
import type { Db } from '../store/db.js';
import { recordSightings, saveResults, type Sighting } from '../store/history.js';

/**
 * Scores a stored run and keeps the outcome: findings under their stable ids, and the items and
 * letters seen, so later runs, `diff`, notices and bulletins can follow them.
 */
export function scoreRun(db: Db, runId: number, profile: Profile): AuditReport {
  // written site by site: a national run's items are not all held at once
  const report = buildReport(db, runId, profile, (siteId, facts, asOf) => recordSightings(db, siteId, asOf, sightingsOf(facts)));
  saveResults(db, runId, profile.name, report.sites);
  return report;
}

function sightingsOf(facts: CheckFacts): Sighting[] {
  const items = facts.pageItems.flatMap(({ items: rows }) => rows.map((i): Sighting => ({ kind: 'item', key: i.href, title: i.title, date: i.date })));
  const letters = facts.letters.map((l): Sighting => ({ kind: 'letter', key: l.href ?? `${l.title}|${l.asked ?? ''}`, title: l.title, date: l.asked }));
  return [...items, ...letters];
}
