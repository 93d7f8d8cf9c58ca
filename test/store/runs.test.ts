import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { buildReport, type AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import type { Db } from '../../src/store/db.js';
import { createRun } from '../../src/store/runs.js';
import { sitesOfRun } from '../../src/store/sites.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';

describe('a run keeps its sites as the registry gave them when it began', () => {
  let fleet: FixtureFleet;
  let db: Db;
  let runId: number;
  let scored: AuditReport;
  const profile = loadProfile('gov-2019');
  before(async () => {
    ({ fleet, db, runId } = await crawlFixtureFleet());
    scored = buildReport(db, runId, profile);
  });
  after(() => fleet.close());

  it('re-scored after an import moved and renamed a site (another profile, a bulletin), it reads the pages it crawled, named as it was', () => {
    const site = scored.sites.find((s) => s.verdict === 'unqualified')!;
    // what next month's import does to a site folded into a new portal
    db.prepare(`UPDATE sites SET url = 'http://www.moved.example.gov.cn/', name = '新门户' WHERE id = ?`).run(site.id);
    expect(buildReport(db, runId, profile).sites.find((s) => s.id === site.id)).toEqual(site);
    // a run begun after the import takes the site where the registry now says it is
    const next = createRun(db, { asOf: '2026-12-15', registry: 'next.csv', options: {}, siteIds: [site.id] });
    expect(sitesOfRun(db, next.id).map((s) => [s.url, s.name])).toEqual([['http://www.moved.example.gov.cn/', '新门户']]);
  });

  it('a run of a site the database does not hold is refused, not begun without it', () => {
    expect(() => createRun(db, { asOf: '2026-12-15', registry: 'next.csv', options: {}, siteIds: ['nowhere'] })).toThrow('site nowhere is not in the database: import it before its run');
  });
});
