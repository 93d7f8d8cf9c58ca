import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { buildReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';

/**
 * One golden report: the fixture fleet audited at 2026-11-15, ports written back as {{origin:NAME}},
 * volatile fields (timings, version, run id, finding ids) left out, findings in a stable order. Changing it is
 * deliberate: `npm run golden:update`, and its diff is reviewed like code.
 */
const GOLDEN = join(PACKAGE_ROOT, 'test', 'golden', 'fleet-report.json');
let fleet: FixtureFleet;
let actual: string;

before(async () => {
  const crawled = await crawlFixtureFleet();
  fleet = crawled.fleet;
  const report = buildReport(crawled.db, crawled.runId, loadProfile('gov-2019'));
  let json = JSON.stringify({ ...report, tool: { name: report.tool.name }, run: undefined });
  for (const [name, site] of fleet.sites) json = json.split(site.origin).join(`{{origin:${name}}}`);
  // ports gone, the findings of a site can be put in an order that does not depend on them
  const stable = JSON.parse(json) as typeof report;
  for (const s of stable.sites) {
    s.stats.durationMs = null;
    // ids hash the other sites' origins (ports) too: their stability is test/history/diff.test.ts's to show
    for (const f of s.findings) delete (f as { id?: string }).id;
    s.findings.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  actual = `${JSON.stringify(stable, null, 2)}\n`;
});
after(() => fleet.close());

describe('the golden fleet report', () => {
  it('matches test/golden/fleet-report.json', () => {
    if (process.env['GOLDEN_UPDATE'] === '1') writeFileSync(GOLDEN, actual);
    expect(existsSync(GOLDEN)).toBe(true);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
