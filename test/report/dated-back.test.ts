import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { buildReport, type AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';

// the fixtures' items are dated up to 2026-11-14; the crawl runs today, after them
const AS_OF = '2026-11-01';
let fleet: FixtureFleet;
let report: AuditReport;

before(async () => {
  const crawled = await crawlFixtureFleet(AS_OF);
  fleet = crawled.fleet;
  report = buildReport(crawled.db, crawled.runId, loadProfile('gov-2019'));
});
after(() => fleet.close());

describe(`the fixture fleet crawled today, dated back to a monitoring point (${AS_OF}) before its news`, () => {
  it('its sites show news published after the as-of date', () => {
    const healthy = report.sites.find((s) => s.id === '3201000001')!;
    expect(healthy.columns.filter((c) => c.lastUpdate !== null && c.lastUpdate > '2026-11-02').length).toBeGreaterThan(0);
  });

  it('none of it is a forged date: every site was read after it was published', () => {
    expect(report.sites.flatMap((s) => s.findings.filter((f) => f.rule === 'forged-date').map((f) => `${s.id} ${f.url} ${String(f['date'])}`))).toEqual([]);
  });
});
