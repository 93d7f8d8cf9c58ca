import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { FIXTURES_DIR } from '../../src/paths.js';
import { RENDERERS } from '../../src/report/index.js';
import { renderedText } from '../../src/report/rendered.js';
import { buildReport, type AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { startCli } from '../helpers/cli.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';
import { tmpDir, writeTmp } from '../helpers/tmp.js';
import { validateReport as validate } from '../helpers/report-schema.js';


let fleet: FixtureFleet;
let gov: AuditReport;
let census: AuditReport;

before(async () => {
  const crawled = await crawlFixtureFleet();
  fleet = crawled.fleet;
  gov = buildReport(crawled.db, crawled.runId, loadProfile('gov-2019'));
  census = buildReport(crawled.db, crawled.runId, loadProfile('census-2015'));
});
after(() => fleet.close());

const site = (report: AuditReport, id: string) => report.sites.find((s) => s.id === id)!;
const NOT_ASSESSED = ['site-unreachable', 'homepage-availability', 'online-system-unreachable'];

describe('the fixture fleet audited at 2026-11-15 (gov-2019), by hand', () => {
  it('the JSON report validates against report.schema.json', () => {
    const json = JSON.parse(renderedText(RENDERERS.json(gov, { lang: 'zh' }))) as unknown;
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...gov, sites: [{ ...gov.sites[0], verdict: 'fine' }] })).toBe(false);
    // a site's region: the registry's words or null
    expect(gov.sites.map((s) => s.region)).toEqual(['江苏省', '安徽省', '广东省', '云南省', '甘肃省', '江苏省']);
    expect(validate({ ...gov, sites: [{ ...gov.sites[0], region: null }] })).toBe(true);
    expect(validate({ ...gov, sites: [{ ...gov.sites[0], region: 53 }] })).toBe(false);
    // merged into a site the registry does not hold (its parent domain's): id, name and url null
    const unregistered = { ...site(gov, '3201000006'), mergedInto: { id: null, name: null, url: null, landing: 'http://www.x.gov.cn/col/fgw/' } };
    expect(validate(JSON.parse(renderedText(RENDERERS.json({ ...gov, sites: [unregistered] }, { lang: 'zh' }))) as unknown) ? [] : validate.errors).toEqual([]);
    expect(validate({ ...gov, sites: [{ ...unregistered, mergedInto: { id: null } }] })).toBe(false);
    // a forged date's reason comes with the date it goes by
    const forged = (why: object) => ({ ...gov, sites: [{ ...site(gov, '3201000001'), findings: [{ rule: 'forged-date', url: 'http://x.gov.cn/a.html', id: 'forged-date-0123456789', firstSeen: '2026-11-15', date: '2026-12-01', ...why }] }] });
    expect(validate(forged({ reason: 'after-read', readOn: '2026-11-29', page: 'http://x.gov.cn/l/' })) ? [] : validate.errors).toEqual([]);
    expect(validate(forged({ reason: 'after-read', readOn: 'the 29th' }))).toBe(false);
  });

  it('示范市 (healthy): qualified, 100, no findings', () => {
    expect(site(gov, '3201000001')).toMatchObject({ verdict: 'qualified', score: 100, health: 'active', vetoes: [], deductions: [], findings: [], notAssessed: NOT_ASSESSED });
  });

  it('示范市: its 图片新闻 list is filled by script from a data interface: reported as not read, neither empty nor stale', () => {
    expect(site(gov, '3201000001').columns.find((c) => c.name === '图片新闻')).toEqual({
      name: '图片新闻', url: `${fleet.origin('healthy')}/col/col105/index.html`, category: 'news', lastUpdate: null, empty: false, items: 0, list: 'script',
    });
    expect(site(gov, '3201000001').columns.filter((c) => c.list !== 'read')).toHaveLength(1);
  });

  it('旧县 (GBK): the image-only 县长信箱 vetoes it; its deductions as the rules price them', () => {
    expect(site(gov, '3408000002')).toMatchObject({
      verdict: 'unqualified', score: null, health: 'active', vetoes: ['no-consultation-channel'],
      deductions: [
        { rule: 'dead-link', points: 3.1, count: 4 }, // three on the home page (1 each), one elsewhere (0.1)
        { rule: 'no-error-report-entry', points: 2, count: 1 },
        { rule: 'missing-site-identifier', points: 2, count: 2 }, // 公安备案, 党政机关标识
        { rule: 'column-stale', points: 5, count: 1 }, // 通知公告, newest 2026-03-01
        { rule: 'homepage-low-volume', points: 5, count: 1 }, // two items in 14 days
        { rule: 'survey-inactive', points: 5, count: 1 },
        { rule: 'interview-inactive', points: 5, count: 1 },
      ],
    });
    expect(site(gov, '3408000002').findings.find((f) => f.rule === 'mailbox-image-only')).toEqual({ rule: 'mailbox-image-only', url: `${fleet.origin('gbk-county')}/`, label: '县长信箱', href: '#', id: expect.stringMatching(/^mailbox-image-only-[0-9a-f]{10}$/), firstSeen: '2026-11-15' });
  });

  it('问题区 (trouble): home page silent since 2026-08-01 and two letters open over 90 days', () => {
    const s = site(gov, '4401000003');
    expect(s).toMatchObject({
      verdict: 'unqualified', score: null, vetoes: ['homepage-not-updated', 'letters-unanswered'],
      deductions: [
        { rule: 'dead-link', points: 4, count: 4 }, // 500, 404 attachment, redirect loop, soft 404
        { rule: 'column-stale', points: 3, count: 1 },
        { rule: 'column-empty', points: 2, count: 1 },
        { rule: 'no-published-replies', points: 3, count: 1 },
        { rule: 'reply-boilerplate', points: 3, count: 1 },
        { rule: 'survey-inactive', points: 5, count: 1 },
        { rule: 'interview-inactive', points: 5, count: 1 },
      ],
      letters: { total: 6, answered: 3, unanswered: 3, overdue: 2, medianReplyDays: 2, boilerplateShare: 1 },
    });
    expect(s.findings.filter((f) => f.rule === 'letter-unanswered').map((f) => [f['title'], f['asked'], f['daysOpen']])).toEqual([['关于道路积水的反映', '2026-07-10', 128], ['关于拖欠工资的求助', '2026-05-02', 197]]);
  });

  it('云岭镇 (datastore): qualified with 85 (few home items, no surveys, no interviews)', () => {
    expect(site(gov, '5301000004')).toMatchObject({ verdict: 'qualified', score: 85, health: 'active', vetoes: [],
      deductions: [{ rule: 'homepage-low-volume', points: 5, count: 1 }, { rule: 'survey-inactive', points: 5, count: 1 }, { rule: 'interview-inactive', points: 5, count: 1 }] });
  });

  it('沉睡县 (zombie): silent home page, injected spam, hollow guides', () => {
    expect(site(gov, '6201000005')).toMatchObject({ verdict: 'unqualified', score: null, health: 'zombie', vetoes: ['homepage-not-updated', 'serious-error', 'services-not-practical'] });
    expect(site(gov, '6201000005').deductions.find((d) => d.rule === 'duplicate-article')).toEqual({ rule: 'duplicate-article', points: 2, count: 1 });
  });

  it('re-scored with census-2015: only the stale-column prices change (notice 5 → 4, policy 5 → 4)', () => {
    const diff = gov.sites.flatMap((g) => {
      const c = site(census, g.id);
      return g.deductions.filter((d) => c.deductions.find((e) => e.rule === d.rule)?.points !== d.points)
        .map((d) => [g.id, d.rule, d.points, c.deductions.find((e) => e.rule === d.rule)?.points]);
    });
    expect(diff).toEqual([['3408000002', 'column-stale', 5, 4], ['6201000005', 'column-stale', 8, 7]]);
    expect(census.sites.map((s) => s.verdict)).toEqual(gov.sites.map((s) => s.verdict));
  });

  it('the CSV has a row per site and per finding, and escapes hostile text', () => {
    const csv = renderedText(RENDERERS.csv({ ...gov, sites: [{ ...site(gov, '3201000001'), name: '=HYPERLINK("x"),"<script>' }] }, { lang: 'zh' }));
    expect(csv.split('\r\n')[1]).toBe(`site,3201000001,"'=HYPERLINK(""x""),""<script>",city,江苏省,qualified,100,active,,,,${fleet.origin('healthy')}/,`);
    const rows = renderedText(RENDERERS.csv(gov, { lang: 'zh' })).trim().split('\r\n');
    expect(rows.filter((r) => r.startsWith('site,'))).toHaveLength(6);
    expect(rows.find((r) => r.startsWith('site,3201000006,'))).toBe(`site,3201000006,示范市发展和改革委员会,department,江苏省,not-assessed,,down,,,,${fleet.origin('merged-bureau')}/,`
      + `"{""mergedInto"":{""id"":""3201000001"",""name"":""示范市人民政府"",""url"":""${fleet.origin('healthy')}/"",""landing"":""${fleet.origin('healthy')}/col/col102/index.html""}}"`);
    expect(rows.filter((r) => r.startsWith('finding,'))).toHaveLength(gov.sites.reduce((n, s) => n + s.findings.length, 0));
  });
});

describe('govsite audit in CI mode: exit codes', () => {
  it('a site whose home page cannot be reached is not assessed (never a pass): --fail-on unqualified exits 1', async () => {
    const out = tmpDir();
    const { done } = startCli(['audit', writeTmp('down.csv', 'id,url\ndown,http://127.0.0.1:1/\n'), '--db', join(out, 'g.db'), '--as-of', '2026-11-15', '--fail-on', 'unqualified', '--format', 'json', '--output', join(out, 'r.json')]);
    expect((await done).code).toBe(1);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as AuditReport;
    expect(report.sites[0]).toMatchObject({ verdict: 'not-assessed', score: null, health: 'down', findings: [] });
  });

  it('a site behind a script challenge (412) is up for its probes, and not assessed: nothing in it was read, and nothing is held against it', async () => {
    const walled = await FixtureFleet.start({ walled: { files: { '/': '<html><script>var $_ts=window[\'$_ts\'];</script></html>' }, behaviours: { '/': { status: 412 } } } });
    try {
      const out = tmpDir();
      const registry = writeTmp('walled.csv', `id,url\nwalled,${walled.origin('walled')}/\n`);
      expect((await startCli(['probe', registry, '--db', join(out, 'g.db'), '--every', '5ms', '--rounds', '20']).done).code).toBe(0);
      const today = new Date().toISOString().slice(0, 10);
      const { done } = startCli(['audit', registry, '--db', join(out, 'g.db'), '--as-of', today, '--format', 'json', '--output', join(out, 'r.json')]);
      expect((await done).code).toBe(0);
      const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as AuditReport;
      expect(report.sites[0]).toMatchObject({ verdict: 'not-assessed', score: null, vetoes: [], findings: [], probes: { count: 20, failed: 0, failRate: 0 } });
    } finally {
      await walled.close();
    }
  });

  const registryOf = (id: string, name: string, served: FixtureFleet) =>
    writeTmp('one.csv', `id,url\n${id},${served.origin(name)}/\n`);

  for (const [name, failOn, code] of [['healthy', 'veto', 0], ['zombie-county', 'veto', 1], ['datastore-town', 'unqualified', 0], ['datastore-town', 'none', 0], ['trouble', 'unqualified', 1]] as const) {
    it(`${name} with --fail-on ${failOn} exits ${code}`, async () => {
      const served = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'), [name]);
      try {
        const out = tmpDir();
        const { done } = startCli(['audit', registryOf('x', name, served), '--db', join(out, 'g.db'), '--as-of', '2026-11-15', '--fail-on', failOn, '--format', 'json', '--output', join(out, 'r.json')]);
        const result = await done;
        expect({ code: result.code, stderr: result.code === code ? '' : result.stderr }).toEqual({ code, stderr: '' });
        expect(validate(JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')))).toBe(true);
      } finally {
        await served.close();
      }
    });
  }
});
