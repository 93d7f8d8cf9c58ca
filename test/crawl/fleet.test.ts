import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import type { Db } from '../../src/store/db.js';
import { crawlStats } from '../../src/store/link-status.js';
import { rows } from '../helpers/crawl.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';

let fleet: FixtureFleet;
let db: Db;
let runId: number;

before(async () => {
  ({ fleet, db, runId } = await crawlFixtureFleet());
});
after(() => fleet.close());

describe('the fixture fleet: every planted dead link is found with its status', () => {
  cases([
    ['3201000001', 'healthy', []],
    ['3408000002', 'gbk-county', [
      { target: 'http://127.0.0.1:1/', status: 'ECONNREFUSED', onHomepage: true, soft404: false },
      { target: '{{origin:external}}/gone.html', status: '404', onHomepage: true, soft404: false },
      { target: '{{origin:gbk-county}}/news/missing.html', status: '404', onHomepage: true, soft404: false },
    ]],
    ['4401000003', 'trouble', [
      { target: '{{origin:trouble}}/error.html', status: '500', onHomepage: true, soft404: false },
      { target: '{{origin:trouble}}/files/form.pdf', status: '404', onHomepage: true, soft404: false },
      { target: '{{origin:trouble}}/loop-a.html', status: 'EREDIRECTLOOP', onHomepage: true, soft404: false },
      { target: '{{origin:trouble}}/soft404.html', status: '200', onHomepage: true, soft404: true },
    ]],
    ['5301000004', 'datastore-town', []],
    ['6201000005', 'zombie-county', [
      { target: 'http://127.0.0.2:9/', status: 'ECONNREFUSED', onHomepage: true, soft404: false },
      { target: 'http://127.0.0.3:9/', status: 'ECONNREFUSED', onHomepage: true, soft404: false },
    ]],
    // merged into the city's portal: its links are the portal's, not asked for as the bureau's
    ['3201000006', 'merged-bureau', []],
  ])('%s (%s)', (siteId: string, _name: string, expected: { target: string; status: string; onHomepage: boolean; soft404: boolean }[]) => {
    const found = crawlStats(db, runId).find((s) => s.siteId === siteId)!.broken;
    // one row per target; on the home page if any page linking to it is the home page
    const distinct = [...new Map(found.map((b) => [b.target, { target: b.target, status: b.status, onHomepage: found.some((o) => o.target === b.target && o.onHomepage), soft404: b.soft404 }])).values()];
    const byTarget = (a: { target: string }, b: { target: string }) => a.target.localeCompare(b.target);
    expect(distinct.sort(byTarget)).toEqual(expected.map((e) => ({ ...e, target: fleet.resolve(e.target) })).sort(byTarget));
  });

  it('counts the distinct web targets each home page links to (the zombie rule divides by it)', () => {
    const counted = Object.fromEntries(crawlStats(db, runId).map((s) => [s.siteId, s.homepageLinks]));
    const stored = Object.fromEntries(rows(db, `SELECT site_id, count(DISTINCT target) AS n FROM page_links WHERE run_id = ? AND on_homepage = 1 AND scheme = 'http' GROUP BY site_id`, runId).map((r) => [r['site_id'], r['n']]));
    // a site with none (the merged bureau: its home page is the portal's, not read as its own) has no row
    expect(counted).toEqual({ ...stored, '3201000006': 0 });
    expect(counted['6201000005']).toBe(10); // 8 of its own pages, 2 hidden spam hosts
  });

  it('counts links, broken targets and broken targets on the home page as the page_links view defines them', () => {
    const stats = crawlStats(db, runId);
    const counted = Object.fromEntries(stats.map((s) => [s.siteId, [s.links, s.brokenLinks, s.homepageBrokenLinks, new Set(s.broken.map((b) => `${b.fromUrl} ${b.target}`)).size]]));
    const lastVerdicts = `SELECT url, verdict FROM fetches f WHERE run_id = @run AND purpose IN ('page', 'check')
      AND id = (SELECT max(x.id) FROM fetches x WHERE x.run_id = f.run_id AND x.url = f.url AND x.purpose IN ('page', 'check'))`;
    const defined = Object.fromEntries(rows(db, `SELECT s.site_id,
        (SELECT count(*) FROM page_links pl WHERE pl.run_id = @run AND pl.site_id = s.site_id) AS links,
        (SELECT count(DISTINCT pl.target) FROM page_links pl JOIN (${lastVerdicts}) v ON v.url = pl.target AND v.verdict = 'broken' WHERE pl.run_id = @run AND pl.site_id = s.site_id) AS broken,
        (SELECT count(DISTINCT pl.target) FROM page_links pl JOIN (${lastVerdicts}) v ON v.url = pl.target AND v.verdict = 'broken' WHERE pl.run_id = @run AND pl.site_id = s.site_id AND pl.on_homepage = 1) AS brokenHome,
        (SELECT count(DISTINCT pl.from_url || ' ' || pl.target) FROM page_links pl JOIN (${lastVerdicts}) v ON v.url = pl.target AND v.verdict = 'broken' WHERE pl.run_id = @run AND pl.site_id = s.site_id AND pl.scheme = 'http') AS pairs
      FROM run_sites s WHERE s.run_id = @run`, { run: runId }).map((r) => [r['site_id'], [r['links'], r['broken'], r['brokenHome'], r['pairs']]]));
    expect(counted).toEqual(defined);
    // broken links beyond the home page are found too
    expect(stats.some((s) => s.broken.some((b) => !b.onHomepage))).toBe(true);
  });

  it('honours the trouble site robots.txt, waits out its 429 and follows its mailbox onto another host', () => {
    expect(fleet.stats('trouble').hits.get('GET /private/secret.html')).toBeUndefined();
    expect(fleet.stats('trouble').hits.get('GET /busy.html')).toBe(2);
    expect(fleet.stats('mailbox-platform').hits.get('GET /letters/detail_6.html')).toBe(1);
  });

  it('follows the links of a list rendered from an embedded XML record set', () => {
    expect(fleet.stats('datastore-town').hits.get('GET /art/2026/11/12/art_201_1.html')).toBe(1);
  });

  it('stores every page of the GBK site decoded', () => {
    const charsets = rows(db, `SELECT DISTINCT charset FROM fetches WHERE run_id = ? AND site_id = '3408000002' AND purpose = 'page' AND status = 200`, runId);
    expect(charsets).toEqual([{ charset: 'gb18030' }]);
  });
});
