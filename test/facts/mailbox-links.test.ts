import { after, before, describe } from 'node:test';
import { expect } from 'expect';
import { noConsultationChannel } from '../../src/checks/no-consultation-channel.js';
import { runCheck } from '../../src/checks/run.js';
import { loadSiteFacts, type SiteFacts } from '../../src/facts/site-facts.js';
import { FixtureFleet, type SiteContent } from '../../src/fixture-server/server.js';
import { sitesOfRun } from '../../src/store/sites.js';
import { factsFor } from '../checks/factsfor.js';
import { cases } from '../helpers/cases.js';
import { crawlTestSites } from '../helpers/crawl.js';
import { tmpDb } from '../helpers/tmp.js';

const STATUSES = [200, 401, 403, 404, 500] as const;
const home = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>县人民政府</title></head><body><a href="/xzxx/">县长信箱</a></body></html>';

/** One site per answer of its 县长信箱 page, crawled over real sockets. */
describe("a mailbox link's answer", () => {
  let fleet: FixtureFleet;
  const facts = new Map<number, SiteFacts>();
  before(async () => {
    fleet = await FixtureFleet.start(Object.fromEntries(STATUSES.map((status): [string, SiteContent] => [`s${status}`, {
      files: { '/': home, '/xzxx/': '<html><body>县长信箱</body></html>' }, behaviours: { '/xzxx/': { status, body: '<html><body>请登录后写信</body></html>' } } }])));
    const { db } = tmpDb();
    const { runId } = await crawlTestSites(db, STATUSES.map((status) => ({ id: `s${status}`, url: `${fleet.origin(`s${status}`)}/` })));
    for (const site of sitesOfRun(db, runId)) facts.set(Number(site.id.slice(1)), loadSiteFacts(db, runId, site, '2026-11-15'));
  });
  after(() => fleet.close());

  cases([
    [200, false],
    [401, false], // log in first: the channel works for citizens
    [403, false],
    [404, true],
    [500, true],
  ])('%i: dead %s', (status: number, dead: boolean) => {
    const site = facts.get(status)!;
    expect(site.mailboxes.map((m) => [m.label, m.dead])).toEqual([['县长信箱', dead]]);
    const result = runCheck(noConsultationChannel, factsFor({ home: site.home, mailboxes: site.mailboxes }), '2026-11-15');
    expect(result.kind === 'findings' && result.findings.map((f) => f.rule)).toEqual(dead ? ['mailbox-image-only'] : []);
  });
});
