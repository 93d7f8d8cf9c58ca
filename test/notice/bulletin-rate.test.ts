import { describe, it } from 'node:test';
import { expect } from 'expect';
import { bulletinDocument } from '../../src/bulletin/document.js';
import { healthOfAssessed, type Bulletin } from '../../src/bulletin/model.js';
import { statsOf } from '../../src/report/verdict-stats.js';
import type { ReportedFinding, SiteReport } from '../../src/report/model.js';
import { cases } from '../helpers/cases.js';

type Verdict = SiteReport['verdict'];
const sites = (...verdicts: Verdict[]) => verdicts.map((verdict) => ({ verdict }));

describe("the bulletin's 合格率 and health counts", () => {
  cases([
    ['qualified in % of the sites checked', sites('qualified', 'unqualified', 'unqualified', 'qualified', 'unqualified'), { checked: 5, qualified: 2, unqualified: 3, 'not-assessed': 0, rate: 40 }],
    ['a site govsite could not assess is left out of the rate, not failed', sites('qualified', 'unqualified', 'not-assessed'), { checked: 3, qualified: 1, unqualified: 1, 'not-assessed': 1, rate: 50 }],
    ['none assessed: no rate', sites('not-assessed'), { checked: 1, qualified: 0, unqualified: 0, 'not-assessed': 1, rate: null }],
    ['none checked', [], { checked: 0, qualified: 0, unqualified: 0, 'not-assessed': 0, rate: null }],
  ])('%s', (_what, list: { verdict: Verdict }[], expected: object) => {
    expect(statsOf(list)).toEqual(expected);
  });

  it('counts health over the sites assessed only: one whose pages could not be read is not published as zombie or down', () => {
    const list = [{ verdict: 'qualified', health: 'active' }, { verdict: 'unqualified', health: 'zombie' }, { verdict: 'not-assessed', health: 'down' }, { verdict: 'not-assessed', health: 'zombie' }] as const;
    expect(healthOfAssessed(list)).toEqual({ active: 1, sleeping: 0, zombie: 1, down: 0 });
  });

  it('names the sites it could not assess, for a check by hand, with what stopped their home page, and apart those that say they have closed', () => {
    const site = (id: string, name: string, verdict: Verdict) => ({ id, name, verdict, level: 'county', url: 'http://x.gov.cn/', vetoes: [], deductions: [], findings: [] }) as unknown as SiteReport;
    const unread = { ...site('3408000009', '某县人民政府', 'not-assessed'), homeStatus: 'ENOTFOUND' } as SiteReport;
    const closed = { ...site('3408000010', '某县农业局', 'not-assessed'), closed: '本网站已整合至某县人民政府门户网站。' } as SiteReport;
    const all = [site('3201000001', '示范市人民政府', 'qualified'), site('3408000002', '旧县人民政府', 'unqualified'), unread, closed];
    const bulletin: Bulletin = {
      quarter: { year: 2026, q: 4, start: '2026-10-01', end: '2026-12-31', label: '2026Q4' }, region: null, profile: 'gov-2019', runs: [{ id: 1, asOf: '2026-11-15' }],
      sites: all, stats: statsOf(all), byLevel: [], byRegion: [], byHealth: { active: 1, sleeping: 0, zombie: 1, down: 1 }, unqualified: [all[1]!], notAssessed: [unread, closed],
      commonProblems: [], stillOpen: [], notified: 0, previous: null,
    };
    const text = (lang: 'zh' | 'en') => JSON.stringify(bulletinDocument(bulletin, lang, '某市政务公开办').blocks[1]);
    expect(text('zh')).toContain('共检查政府网站4个，合格1个，合格率50.0 %。另有1个网站未能自动评估，不计入合格率，需人工核查：某县人民政府（3408000009，ENOTFOUND）。1个网站首页公告已关停或迁移，不计入合格率，请核实后调整网站名录：某县农业局（3408000010）。');
    expect(text('en')).toContain('4 sites checked, 1 qualified (50.0 %). 1 could not be assessed and are left out of the rate, to be checked by hand: 某县人民政府（3408000009, ENOTFOUND）. 1 say on their home page that they have closed or moved, and are left out of the rate (to check, and take out of the registry): 某县农业局（3408000010）.');
  });

  it('names merged sites apart, with the site they lead into, or the page they landed on when the registry does not hold it', () => {
    const merged = (id: string, name: string, into: SiteReport['mergedInto']) => ({ id, name, verdict: 'not-assessed', level: 'department', url: 'http://x.gov.cn/', vetoes: [], deductions: [], findings: [], mergedInto: into }) as unknown as SiteReport;
    const all = [merged('a1', '某县教育局', { id: '3408000002', name: '旧县人民政府', url: 'http://www.jx.gov.cn/', landing: 'http://www.jx.gov.cn/col/jy/' }), merged('a2', '某县民政局', { id: null, name: null, url: null, landing: 'http://www.x.gov.cn/col/mz/' })];
    const bulletin: Bulletin = {
      quarter: { year: 2026, q: 4, start: '2026-10-01', end: '2026-12-31', label: '2026Q4' }, region: null, profile: 'gov-2019', runs: [{ id: 1, asOf: '2026-11-15' }],
      sites: all, stats: statsOf(all), byLevel: [], byRegion: [], byHealth: { active: 0, sleeping: 0, zombie: 0, down: 0 }, unqualified: [], notAssessed: all,
      commonProblems: [], stillOpen: [], notified: 0, previous: null,
    };
    expect(JSON.stringify(bulletinDocument(bulletin, 'zh', '某市政务公开办').blocks[1])).toContain('2个网站首页跳转至名录中的其他网站或上级域名的网站，视为已整合，不计入合格率，请核实后调整网站名录：某县教育局（a1） → 旧县人民政府（3408000002）、某县民政局（a2） → http://www.x.gov.cn/col/mz/。');
  });

  it('a notified site whose latest check could not judge its problems is followed up, not said to have fixed them', () => {
    const site = { id: '3408000002', name: '旧县人民政府', verdict: 'not-assessed', level: 'county', url: 'http://x.gov.cn/', vetoes: [], deductions: [], findings: [] } as unknown as SiteReport;
    const unverified = [{ rule: 'dead-link', id: 'dead-link-0123456789', url: 'http://x.gov.cn/', firstSeen: '2026-08-15' }] as ReportedFinding[];
    const bulletin: Bulletin = {
      quarter: { year: 2026, q: 4, start: '2026-10-01', end: '2026-12-31', label: '2026Q4' }, region: null, profile: 'gov-2019', runs: [{ id: 2, asOf: '2026-11-15' }],
      sites: [site], stats: statsOf([site]), byLevel: [], byRegion: [], byHealth: { active: 0, sleeping: 0, zombie: 0, down: 0 }, unqualified: [], notAssessed: [site],
      commonProblems: [], stillOpen: [{ site, since: { run: 1, asOf: '2026-08-15' }, findings: [], unverified }], notified: 1, previous: null,
    };
    const table = bulletinDocument(bulletin, 'zh', '某市政务公开办').blocks.find((b) => b.kind === 'table' && b.header.includes('无法核实的问题'));
    expect(table).toMatchObject({ rows: [['旧县人民政府（3408000002）', '2026-08-15', '—', '链接不可用（dead-link-0123456789）', '2026-08-15']] });
  });
});

describe('the bulletin by region', () => {
  const site = (id: string, region: string | null, verdict: Verdict) => ({ id, name: `网站${id}`, region, verdict, level: 'county', url: `http://s${id}.gov.cn/`, vetoes: ['no-search'], deductions: [], findings: [] }) as unknown as SiteReport;
  const bulletinOf = (all: SiteReport[], byRegion: Bulletin['byRegion']): Bulletin => ({
    quarter: { year: 2026, q: 4, start: '2026-10-01', end: '2026-12-31', label: '2026Q4' }, region: null, profile: 'gov-2019', runs: [{ id: 1, asOf: '2026-11-15' }],
    sites: all, stats: statsOf(all), byLevel: [], byRegion, byHealth: { active: 0, sleeping: 0, zombie: 0, down: 0 },
    unqualified: all.filter((s) => s.verdict === 'unqualified'), notAssessed: [], commonProblems: [], stillOpen: [], notified: 0, previous: null,
  });
  const tables = (b: Bulletin, lang: 'zh' | 'en' = 'zh') => bulletinDocument(b, lang, '某省政务公开办').blocks.filter((x) => x.kind === 'table');

  it('of several provinces: a table of them with their rates, and the unqualified sites listed by region in the bulletins\' order', () => {
    const all = [site('1', '云南省', 'unqualified'), site('2', '北京市', 'qualified'), site('3', null, 'unqualified'), site('4', '北京市', 'unqualified')];
    const b = bulletinOf(all, [{ region: '北京市', stats: statsOf([all[1]!, all[3]!]) }, { region: '云南省', stats: statsOf([all[0]!]) }, { region: null, stats: statsOf([all[2]!]) }]);
    expect(tables(b)[1]).toEqual({ kind: 'table', header: ['地区', '检查数', '合格数', '合格率'], rows: [['北京市', '2', '1', '50.0 %'], ['云南省', '1', '0', '0.0 %'], ['未注明', '1', '0', '0.0 %']] });
    expect(tables(b)[2]!.header).toEqual(['地区', '网站', '级别', '网址', '主要问题']);
    expect(tables(b)[2]!.rows.map((r) => [r[0], r[1]])).toEqual([['北京市', '网站4（4）'], ['云南省', '网站1（1）'], ['未注明', '网站3（3）']]);
    expect(tables(b, 'en')[1]!.rows[1]![0]).toBe('Yunnan');
    // not right after the table by level: a DOCX reader would join the two tables into one
    const blocks = bulletinDocument(b, 'zh', '某省政务公开办').blocks;
    expect(blocks[blocks.findIndex((x) => x.kind === 'table' && x.header[0] === '地区') - 1]).toEqual({ kind: 'paragraph', text: '分地区检查情况：' });
  });

  it('of one region (a province\'s own sweep): neither the table nor the column', () => {
    const all = [site('1', '云南省', 'unqualified'), site('2', '云南省', 'qualified')];
    const b = bulletinOf(all, [{ region: '云南省', stats: statsOf(all) }]);
    expect(tables(b).map((t) => t.header[0])).toEqual(['级别', '网站', '问题']);
  });
});
