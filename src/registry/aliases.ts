import type { SiteLevel } from './types.js';

/**
 * Header aliases of the real registries (shared/corpus/registries): the canonical field each
 * name maps to. Earlier names in a list win when a row has several (gov_code before a row number id).
 */
export const FIELD_ALIASES: Record<string, readonly string[]> = {
  id: ['id', 'code', 'gov_code', 'site_code', 'siteid', 'site_id', '网站标识码', '行政区划代码'],
  // the names Chinese registries give the address (网站基本信息 forms, exported spreadsheets)
  url: ['url', 'index_url', 'homepage', 'home', 'site_url', '网址', '首页', '首页网址', '首页地址', '网站首页', '网站网址', '网站地址', '网站域名', '域名'],
  name: ['name', 'site_name', 'title', '网站名称', '名称'],
  level: ['level', '级别', '层级', '网站级别', '行政级别'],
  org: ['org', 'organization', 'gov_name', '主办单位'],
  mailbox: ['mailbox', 'entry_url', 'mailbox_url', '信箱', '信箱地址', '咨询信箱'],
  portal: ['portal', '门户'],
  columns: ['columns', '栏目'],
};

/** Which header of a row supplies each canonical field: the first alias present wins. */
export function resolveHeaders(headers: readonly string[]): Map<string, string> {
  const lower = new Map(headers.map((h) => [h.trim().toLowerCase(), h]));
  const chosen = new Map<string, string>();
  for (const [field, names] of Object.entries(FIELD_ALIASES)) {
    // `id` in county-mailboxes.csv is a row counter; an administrative code beside it is the real id
    const ordered = field === 'id' ? [...names.slice(1), names[0]] : names;
    for (const name of ordered) {
      const header = lower.get(name.toLowerCase());
      if (header !== undefined) {
        chosen.set(field, header);
        break;
      }
    }
  }
  return chosen;
}

const LEVEL_WORDS: Record<string, SiteLevel> = {
  province: 'province', provincial: 'province', 省: 'province', 省级: 'province',
  city: 'city', prefecture: 'city', municipal: 'city', 市: 'city', 市级: 'city', 地市: 'city', 地级: 'city',
  county: 'county', district: 'county', 县: 'county', 县级: 'county', 区县: 'county',
  town: 'town', township: 'town', 乡镇: 'town', 镇: 'town', 乡: 'town',
  department: 'department', dept: 'department', 部门: 'department',
};

export function normaliseLevel(value: string): SiteLevel | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  return LEVEL_WORDS[v];
}

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** `广东省|江门市|鹤山市` (county-mailboxes.csv gov_name) → the level that path implies. */
export function levelFromRegionPath(path: string): SiteLevel | null {
  const parts = path.split('|').filter(Boolean);
  if (parts.length === 1) return 'province';
  if (parts.length === 2) return MUNICIPALITIES.has(parts[0]!) ? 'county' : 'city';
  if (parts.length === 3) return 'county';
  if (parts.length >= 4) return 'town';
  return null;
}
