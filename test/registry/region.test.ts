import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { corpusPath, describeCorpus } from '../helpers/corpus.js';
import { parseRegistry } from '../../src/registry/parse.js';
import { byRegion, CENTRAL, regionLabel, regionOf } from '../../src/registry/region.js';

describe('a site\'s region, as the registry says it', () => {
  cases([
    // id, org, extra, region
    ['www.beijing.gov.cn', null, { region: '北京' }, '北京市'],
    ['www.nmg.gov.cn', null, { region: '内蒙古' }, '内蒙古自治区'],
    ['x', null, { 省份: ' 广西壮族自治区 ' }, '广西壮族自治区'],
    ['x', null, { Region: '西藏', ' PROVINCE ': '青海' }, '西藏自治区'],
    ['x', null, { ' PROVINCE ': '青海' }, '青海省'],
    // a provincial registry's own regions (its cities), and 兵团: kept as written
    ['x', null, { 地区: '普洱市' }, '普洱市'],
    ['x', null, { region: '新疆生产建设兵团' }, '新疆生产建设兵团'],
    // a region column wins over the code
    ['530802', null, { region: '四川' }, '四川省'],
    ['530802', '云南省|普洱市|思茅区', {}, '云南省'],
    ['x', '北京市|房山区', {}, '北京市'],
    ['x', '重庆市綦江区人民政府', {}, '重庆市'],
    // 海南藏族自治州 is in 青海省: no short name at the start of a name counts
    ['632500', '海南藏族自治州人民政府', {}, '青海省'],
    ['x', '海南藏族自治州人民政府', {}, null],
    ['110000', null, {}, '北京市'],
    // a 网站标识码: its region's six digits and four; 9 and 12 digits: a township's code, the statistics' spelling
    ['4403000062', null, {}, '广东省'],
    ['530802101', null, {}, '云南省'],
    ['530802000000', null, {}, '云南省'],
    ['bm01000001', null, {}, CENTRAL],
    ['BM01000001', null, {}, CENTRAL],
    // central.jsonl's kinds of body; a province's own kinds are not the State Council's, and a code says first
    ['www.mfa.gov.cn', null, { category: '国务院组成部门' }, CENTRAL],
    ['www.samr.gov.cn', null, { category: '直属机构' }, CENTRAL],
    ['x', null, { category: '省政府组成部门' }, null],
    ['530000', null, { category: '直属机构' }, '云南省'],
    // not a code: a row number, a host name, a code of no province
    ['1234', null, {}, null],
    ['www.gov.cn', null, {}, null],
    ['990000', null, {}, null],
    ['53080', null, {}, null],
    ['x', null, { region: '  ' }, null],
  ] as const)('%s, org %s, %o → %s', (id, org, extra, region) => {
    expect(regionOf({ id, org, extra })).toBe(region);
  });

  it('orders regions as the bulletins list them: provinces by code, the State Council\'s departments, others by their reading (pu before xin), none last', () => {
    const sites = ['普洱市', null, '云南省', CENTRAL, '北京市', '新疆生产建设兵团', '云南省'].map((region, i) => ({ i, region }));
    expect(byRegion(sites, (s) => s.region).map(([region, group]) => [region, group.map((s) => s.i)]))
      .toEqual([['北京市', [4]], ['云南省', [2, 6]], [CENTRAL, [3]], ['普洱市', [0]], ['新疆生产建设兵团', [5]], [null, [1]]]);
  });

  cases([
    ['云南省', 'zh', '云南省'], ['云南省', 'en', 'Yunnan'], ['内蒙古自治区', 'en', 'Inner Mongolia'], [CENTRAL, 'en', 'State Council departments'],
    ['普洱市', 'en', '普洱市'], [null, 'zh', '未注明'], [null, 'en', 'not given'],
  ] as const)('%s in %s reads %s', (region, lang, label) => {
    expect(regionLabel(region, lang)).toBe(label);
  });
});

describeCorpus('the real registries\' regions', () => {
  const regions = (file: string) => parseRegistry(corpusPath('registries', file)).rows.map(regionOf);

  it('county-portals.csv: every site by its administrative code, the 31 provinces and Hong Kong and Macao', () => {
    const all = regions('county-portals.csv');
    expect(all.filter((r) => r === null)).toHaveLength(0);
    expect(new Set(all).size).toBe(33);
    expect(all.filter((r) => r === '四川省')).toHaveLength(205);
  });

  it('county-mailboxes.csv: every site in the province its gov_name path begins with', () => {
    const parsed = parseRegistry(corpusPath('registries', 'county-mailboxes.csv')).rows;
    expect(parsed.map(regionOf)).toEqual(parsed.map((r) => r.org!.split('|')[0]));
    expect(new Set(parsed.map(regionOf)).size).toBe(31);
  });

  it('provincial.jsonl: its region column\'s short names written in full', () => {
    const all = regions('provincial.jsonl');
    expect(all.slice(0, 5)).toEqual(['北京市', '天津市', '河北省', '山西省', '内蒙古自治区']);
    expect(new Set(all).size).toBe(31);
  });

  it('central.jsonl: the State Council\'s bodies, by their category (host names for ids)', () => {
    expect(new Set(regions('central.jsonl'))).toEqual(new Set([CENTRAL]));
  });
});
