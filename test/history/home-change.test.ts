import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { FixtureFleet, loadSiteDir } from '../../src/fixture-server/server.js';
import { buildReport } from '../../src/report/model.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { loadProfile } from '../../src/score/profile.js';
import { crawlTestSites } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

// the healthy site's home page lists items up to 2026-11-14: fresh on 2026-11-20 by its printed dates
const healthy = loadSiteDir(join(FIXTURES_DIR, 'sites', 'healthy'));
const home = healthy.files['/index.html']!.toString();
let fleet: FixtureFleet;
before(async () => (fleet = await FixtureFleet.start({ same: healthy, changed: healthy })));
after(() => fleet.close());

describe('home page change tracking across runs', () => {
  it('a home page seen listing the same items on 2026-11-01 and 2026-11-20 was not updated, whatever it prints; one with a new item was', async () => {
    const { db } = tmpDb();
    const sites = [{ id: 'same', url: `${fleet.origin('same')}/` }, { id: 'changed', url: `${fleet.origin('changed')}/` }];
    await crawlTestSites(db, sites, {}, '2026-11-01');
    fleet.update('changed', { ...healthy, files: { ...healthy.files, '/index.html': home.replace('<ul><li><a href="/art/2026/11/14/art_101_1.html">', '<ul><li><a href="/art/2026/11/19/art_101_0.html">全市冬季安全生产工作会议召开</a><span class="date">2026-11-19</span></li><li><a href="/art/2026/11/14/art_101_1.html">') } });
    const { runId } = await crawlTestSites(db, sites, {}, '2026-11-20');
    const report = buildReport(db, runId, loadProfile('gov-2019'));
    const stale = (id: string) => report.sites.find((s) => s.id === id)!.findings.filter((f) => f.rule === 'homepage-not-updated').map(({ id: _id, firstSeen: _f, ...f }) => f);
    expect(stale('same')).toEqual([{ rule: 'homepage-not-updated', url: `${fleet.origin('same')}/`, lastUpdate: '2026-11-14', unchangedSince: '2026-11-01' }]);
    expect(stale('changed')).toEqual([]);
  });
});
