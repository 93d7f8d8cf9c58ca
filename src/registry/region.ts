import { groupBy } from '../group-by.js';

/**
 * The province-level region (省级行政区) a site belongs to: what national and provincial bulletins
 * count qualification rates by (各地区政府网站抽查情况). Registries say it three ways, each seen in
 * the corpus's: a region column (provincial.jsonl `region`: 北京, 内蒙古 …), the organisation's
 * region path (county-mailboxes.csv `gov_name`: 云南省|普洱市|思茅区), or a code led by the
 * administrative division's (GB/T 2260: county-portals.csv `code` 530802; a 网站标识码 is its
 * region's six digits and four more, 5308020001; a State Council department's is `bm` and eight);
 * central.jsonl's State Council bodies by their `category`.
 */

/** GB/T 2260's first level: code, full name, the short name registries write, the English name. */
const PROVINCES: readonly (readonly [string, string, string, string])[] = [
  ['11', '北京市', '北京', 'Beijing'], ['12', '天津市', '天津', 'Tianjin'], ['13', '河北省', '河北', 'Hebei'], ['14', '山西省', '山西', 'Shanxi'],
  ['15', '内蒙古自治区', '内蒙古', 'Inner Mongolia'], ['21', '辽宁省', '辽宁', 'Liaoning'], ['22', '吉林省', '吉林', 'Jilin'], ['23', '黑龙江省', '黑龙江', 'Heilongjiang'],
  ['31', '上海市', '上海', 'Shanghai'], ['32', '江苏省', '江苏', 'Jiangsu'], ['33', '浙江省', '浙江', 'Zhejiang'], ['34', '安徽省', '安徽', 'Anhui'],
  ['35', '福建省', '福建', 'Fujian'], ['36', '江西省', '江西', 'Jiangxi'], ['37', '山东省', '山东', 'Shandong'], ['41', '河南省', '河南', 'Henan'],
  ['42', '湖北省', '湖北', 'Hubei'], ['43', '湖南省', '湖南', 'Hunan'], ['44', '广东省', '广东', 'Guangdong'], ['45', '广西壮族自治区', '广西', 'Guangxi'],
  ['46', '海南省', '海南', 'Hainan'], ['50', '重庆市', '重庆', 'Chongqing'], ['51', '四川省', '四川', 'Sichuan'], ['52', '贵州省', '贵州', 'Guizhou'],
  ['53', '云南省', '云南', 'Yunnan'], ['54', '西藏自治区', '西藏', 'Tibet'], ['61', '陕西省', '陕西', 'Shaanxi'], ['62', '甘肃省', '甘肃', 'Gansu'],
  ['63', '青海省', '青海', 'Qinghai'], ['64', '宁夏回族自治区', '宁夏', 'Ningxia'], ['65', '新疆维吾尔自治区', '新疆', 'Xinjiang'], ['71', '台湾省', '台湾', 'Taiwan'],
  ['81', '香港特别行政区', '香港', 'Hong Kong'], ['82', '澳门特别行政区', '澳门', 'Macao'],
];

/** the State Council's departments: a region of their own in the national bulletins */
export const CENTRAL = '国务院部门';

const BY_CODE = new Map(PROVINCES.map(([code, name]) => [code, name]));
const BY_NAME = new Map(PROVINCES.flatMap(([, name, short]) => [[name, name], [short, name]] as const));
const ORDER = new Map([...PROVINCES.map(([, name], i) => [name, i] as const), [CENTRAL, PROVINCES.length]]);
const ENGLISH = new Map([...PROVINCES.map(([, name, , en]) => [name, en] as const), [CENTRAL, 'State Council departments']]);

/** the registry columns that name a site's region, as the real registries and Chinese forms head them */
const REGION_FIELDS = ['region', 'province', '省份', '省', '所属省份', '地区', '所属地区'];

/**
 * The site's region: a region column's value (a province's short name made its full one; any other
 * kept as written: a provincial registry's cities, 新疆生产建设兵团), else the province its
 * organisation's path or name begins with, else its id's code's; null when none says.
 */
export function regionOf(site: { id: string; org: string | null; extra: Record<string, unknown> }): string | null {
  // headers as a spreadsheet writes them: Region, PROVINCE, ' 省份 '
  const fields = new Map(Object.entries(site.extra).map(([key, value]) => [key.trim().toLowerCase(), value]));
  for (const field of REGION_FIELDS) {
    const value = fields.get(field);
    if (typeof value === 'string' && value.trim() !== '') return regionNamed(value);
  }
  const org = site.org?.trim() ?? '';
  const first = org.split('|')[0]!.trim();
  // a full name only: 海南藏族自治州 is in 青海省, 吉林市 in 吉林省 by luck
  const named = BY_NAME.get(first) ?? PROVINCES.find(([, name]) => org.startsWith(name))?.[1];
  if (named) return named;
  if (/^bm\d{8}$/i.test(site.id)) return CENTRAL;
  // an administrative code (6 digits, 9 with the township's, 12 as statistics write it) or a 网站标识码 (10)
  const coded = /^\d{6}(?:\d{3}|\d{4}|\d{6})?$/.test(site.id) ? BY_CODE.get(site.id.slice(0, 2)) : undefined;
  if (coded) return coded;
  // central.jsonl's kinds of State Council body (国务院组成部门, 直属机构, 部委管理国家局 …), when nothing above placed the site
  const kind = fields.get('category') ?? fields.get('类别');
  return typeof kind === 'string' && CENTRAL_KINDS.test(kind.trim()) ? CENTRAL : null;
}

/** the kinds of central body, as the central registry names them (a province's own are 省政府组成部门, 省直属机构 …) */
const CENTRAL_KINDS = /^(?:国务院|直属机构|直属特设机构|直属事业单位|部委管理国家局|国家局)/;

/** A region as a user or a registry writes it: a province's short name (云南) is its full one (云南省); any other as written. */
export const regionNamed = (value: string): string => BY_NAME.get(value.trim()) ?? value.trim();

/** Regions in the order bulletins list them: the provinces by code, the State Council's departments, the rest by name, none last. */
export function compareRegions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? 1 : -1;
  const [i, j] = [ORDER.get(a) ?? ORDER.size, ORDER.get(b) ?? ORDER.size];
  return i - j || a.localeCompare(b, 'zh');
}

/** A region as a reader of the language knows it: English names for the provinces, the rest as the registry wrote it. */
export const regionLabel = (region: string | null, lang: 'zh' | 'en'): string =>
  region === null ? (lang === 'zh' ? '未注明' : 'not given') : lang === 'en' ? ENGLISH.get(region) ?? region : region;

/** Items by region in the bulletins' order (see compareRegions). */
export function byRegion<T>(items: readonly T[], region: (item: T) => string | null): [string | null, T[]][] {
  return [...groupBy(items, region)].sort(([a], [b]) => compareRegions(a, b));
}
