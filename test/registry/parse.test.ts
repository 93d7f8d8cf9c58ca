import { describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { parseRegistry, parseRegistryText } from '../../src/registry/parse.js';
import { siteIdFor } from '../../src/registry/site-id.js';
import { corpusPath, describeCorpus } from '../helpers/corpus.js';
import { writeTmp } from '../helpers/tmp.js';

describeCorpus('the four real registries import as they are', () => {
  cases([
    // file, sites, bad rows, first site
    ['county-portals.csv', 3208, 0, { id: '110000', url: 'http://www.beijing.gov.cn/renwen/bjgk/', name: '北京市', level: 'province' }],
    // 2,605 rows, one per mailbox: 286 rows add a mailbox to a site already listed
    ['county-mailboxes.csv', 2319, 0, { id: '120102', url: 'http://www.tjhdq.gov.cn/', name: '天津·河东', level: 'county', org: '天津市|河东区', mailboxes: ['http://ms.enorth.com.cn/zmljl/quxian/'] }],
    ['central.jsonl', 44, 0, { id: 'www.gov.cn', url: 'https://www.gov.cn/', name: '中国政府网（国务院）', extra: { category: '国务院门户' } }],
    ['provincial.jsonl', 31, 0, { id: 'www.beijing.gov.cn', url: 'https://www.beijing.gov.cn/', name: '北京市人民政府', extra: { region: '北京' } }],
  ])('%s → %i sites, %i bad rows', (file, sites, bad, first) => {
    const parsed = parseRegistry(corpusPath('registries', file));
    expect(parsed.rows).toHaveLength(sites);
    expect(parsed.errors).toHaveLength(bad);
    expect(parsed.rows[0]).toMatchObject(first);
  });

  it('warns of sites registered at another site\'s address: kept, and named for the registry to be mended', () => {
    const places = (file: string) => parseRegistry(corpusPath('registries', file)).warnings.map((w) => w.place);
    // 东区 (Panzhihua) at Tianjin's 河东区, 矿区 (Yangquan) at 井陉矿区, …
    expect(places('county-portals.csv')).toEqual(['county-portals.csv:270', 'county-portals.csv:2294', 'county-portals.csv:2295', 'county-portals.csv:2753']);
    // fourteen counties of Shaanxi and Gansu copied 永寿县's address, each with its own mailbox
    expect(places('county-mailboxes.csv')).toHaveLength(14);
    expect(parseRegistry(corpusPath('registries', 'county-mailboxes.csv')).warnings[0]).toEqual({ place: 'county-mailboxes.csv:1816',
      reason: 'the address of county-mailboxes.csv:1815 (610426 永寿县人民政府), http://www.yongshou.gov.cn/: both are audited, one of them likely as another site' });
    expect([...places('central.jsonl'), ...places('provincial.jsonl')]).toEqual([]);
  });

  it('keeps every mailbox of a site listed on several rows (鹤山市: six letter boxes)', () => {
    const heshan = parseRegistry(corpusPath('registries', 'county-mailboxes.csv')).rows.find((r) => r.id === '440784')!;
    expect(heshan.mailboxes).toEqual([1, 2, 3, 4, 5, 6].map((n) => `http://www.gdheshan.gov.cn/government/letter/letterlist.aspx?LetterTypeId=${n}`));
    expect(heshan.level).toBe('county');
  });

  it('maps prefecture to city and keeps the note column', () => {
    const rows = parseRegistry(corpusPath('registries', 'county-portals.csv')).rows;
    expect(rows.filter((r) => r.level === 'city')).toHaveLength(333);
    expect(rows.find((r) => r.id === '110105')!.extra).toEqual({ note: '北京朝阳,长春市有同名区' });
  });
});

describe('bad rows are reported with file:line and skipped', () => {
  cases([
    ['csv', 'sites.csv', 'id,name,url,level\n1,甲,http://a.gov.cn,county\n2,乙,htp://b,county\n3,丙,,city\n4,丁,http://d.gov.cn,planet\n5,戊,http://e.gov.cn,town,extra\n6,己,www.f.gov.cn,city\n',
      ['1', '6'], [
        { place: 'sites.csv:3', reason: 'url "htp://b" is not an http(s) URL' },
        { place: 'sites.csv:4', reason: 'url is missing' },
        { place: 'sites.csv:5', reason: 'level "planet" is not one of province, city, county, town, department' },
        { place: 'sites.csv:6', reason: 'expected 4 fields, got 5' },
      ]],
    ['jsonl', 'sites.jsonl', '{"url":"http://a.gov.cn"}\n{"url": broken\n\n{"name":"x"}\n{"url":"http://b.gov.cn","columns":{"工作动态":"news","专题":30}}\n',
      ['a.gov.cn', 'b.gov.cn'], [
        { place: 'sites.jsonl:2', reason: expect.stringMatching(/^not valid JSON/) },
        { place: 'sites.jsonl:4', reason: 'url is missing' },
      ]],
    ['json', 'sites.json', '{"sites":[{"url":"http://a.gov.cn","id":"A1"},{"url":"ftp://b.gov.cn"},{"url":"http://c.gov.cn","mailbox":"nope"},{"url":"http://d.gov.cn","id":"A1"}]}',
      ['A1'], [
        { place: 'sites.json:2', reason: 'url "ftp://b.gov.cn" is not an http(s) URL' },
        { place: 'sites.json:3', reason: 'mailbox "nope" is not an http(s) URL' },
        { place: 'sites.json:4', reason: 'id "A1" is already used by sites.json:1 for http://a.gov.cn/' },
      ]],
    // typed with a Chinese input method: a full-width colon or slash is named with what was likely meant;
    // full-width letters and a closing 。 are only another spelling of the host (as in a browser)
    ['csv typed in Chinese', 'full-width.csv', 'id,url,mailbox\n1,http：//a.gov.cn/,\n2,http://b.gov.cn／,\n3,http://c.gov.cn/,http://c.gov.cn／xx\n4,ｗｗｗ.d.gov.cn,\n5,www.e.gov.cn。,\n',
      ['4', '5'], [
        { place: 'full-width.csv:2', reason: 'url "http：//a.gov.cn/" is not an http(s) URL: it has full-width characters (a Chinese input method\'s), http://a.gov.cn/ was likely meant' },
        { place: 'full-width.csv:3', reason: 'url "http://b.gov.cn／" is not an http(s) URL: it has full-width characters (a Chinese input method\'s), http://b.gov.cn/ was likely meant' },
        { place: 'full-width.csv:4', reason: 'mailbox "http://c.gov.cn／xx" is not an http(s) URL: it has full-width characters (a Chinese input method\'s), http://c.gov.cn/xx was likely meant' },
      ]],
  ])('%s', (_kind, file, text, ids, errors) => {
    const parsed = parseRegistryText(text, file);
    expect(parsed.rows.map((r) => r.id)).toEqual(ids);
    expect(parsed.errors).toEqual(errors);
  });

  it('reads a host typed in full-width letters or closed by 。 as the host its links name', () => {
    expect(parseRegistryText('id,url\n4,ｗｗｗ.d.gov.cn\n5,www.e.gov.cn。/index.html\n', 'a.csv').rows.map((r) => r.url)).toEqual(['http://www.d.gov.cn/', 'http://www.e.gov.cn/index.html']);
  });

  it('keeps a site\'s address as the crawl spells it: no fragment (a script-routed /#/home), no session id', () => {
    const parsed = parseRegistryText('url,mailbox\nhttp://a.gov.cn/#/home,http://a.gov.cn/xzxx/;jsessionid=977D50BF4A7F1CE7C2C5B1D12CEE0F66\nb.gov.cn/index.jsp;jsessionid=1#top,\n', 'a.csv');
    expect(parsed.rows.map((r) => [r.url, r.mailboxes])).toEqual([['http://a.gov.cn/', ['http://a.gov.cn/xzxx/']], ['http://b.gov.cn/index.jsp', []]]);
  });

  cases([
    ['the same address under two ids, spelt apart (www., a slash, the scheme)', 'id,url\n1,http://www.a.gov.cn\n2,https://a.gov.cn/\n3,http://a.gov.cn/b/\n4,http://a.gov.cn/b\n',
      [{ place: 'a.csv:3', reason: 'the address of a.csv:2 (1), https://a.gov.cn/: both are audited, one of them likely as another site' },
        { place: 'a.csv:5', reason: 'the address of a.csv:4 (3), http://a.gov.cn/b: both are audited, one of them likely as another site' }]],
    ['a default document is the folder\'s address', 'id,url\n1,http://a.gov.cn/\n2,http://www.a.gov.cn/index.html\n', [{ place: 'a.csv:3', reason: 'the address of a.csv:2 (1), http://www.a.gov.cn/index.html: both are audited, one of them likely as another site' }]],
    ['one site on several rows (one per mailbox) is one site', 'id,url,mailbox\n1,http://a.gov.cn,http://m.gov.cn/1\n1,http://a.gov.cn/,http://m.gov.cn/2\n', []],
    ['sites at a host\'s root and below it are two sites', 'id,url\n1,http://a.gov.cn/\n2,http://a.gov.cn/bm/\n', []],
  ])('warns: %s', (_what, text: string, warnings: unknown[]) => {
    expect(parseRegistryText(text, 'a.csv').warnings).toEqual(warnings);
  });

  it('reads per-site column overrides', () => {
    const parsed = parseRegistryText('url,columns\nhttp://a.gov.cn,"{""工作动态"":""news"",""专题"":30}"\n', 'a.csv');
    expect(parsed.rows[0]!.columns).toEqual({ 工作动态: 'news', 专题: 30 });
  });
});

describe('a registry with the headers of a Chinese form', () => {
  it('网站标识码, 网站名称, 首页网址, 主办单位, 网站级别 are id, name, url, org and level', () => {
    const parsed = parseRegistryText('网站标识码,网站名称,首页网址,主办单位,网站级别\n1100000001,北京市人民政府,www.beijing.gov.cn,北京市人民政府办公厅,省级\n', 'sites.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toMatchObject([{ id: '1100000001', name: '北京市人民政府', url: 'http://www.beijing.gov.cn/', org: '北京市人民政府办公厅', level: 'province' }]);
  });

  it('a header with no column for the address is one error naming its columns, not a "url is missing" a row', () => {
    expect(() => parseRegistryText('标识,名称,地址栏\n1,甲,http://a.gov.cn\n2,乙,http://b.gov.cn\n', 'sites.csv')).toThrow('sites.csv: no column gives the sites\' addresses (its header: 标识, 名称, 地址栏): name it url, or one of index_url, homepage, home, site_url, 网址, 首页, 首页网址');
  });
});

describe('a registry as Excel saves it', () => {
  const ROWS = [{ id: '1', name: '北京市', url: 'http://a.gov.cn/' }];
  // 北京市 in GBK (GB2312): what "CSV" means to an Excel on a Chinese Windows
  const gbk = Buffer.concat([Buffer.from('code,name,level,url\n1,'), Buffer.from('b1b1bea9cad0', 'hex'), Buffer.from(',province,http://a.gov.cn\n')]);
  cases([
    ['CSV UTF-8 (with a BOM)', Buffer.from('\uFEFFcode,name,level,url\n1,北京市,province,http://a.gov.cn\n')],
    ['CSV (GBK)', gbk],
    ['Unicode text (UTF-16 with a BOM, tab-separated)', Buffer.from('\uFEFFcode\tname\tlevel\turl\r\n1\t北京市\tprovince\thttp://a.gov.cn\r\n', 'utf16le')],
  ])('%s reads as its UTF-8 twin', (_, bytes) => {
    const parsed = parseRegistry(writeTmp('sites.csv', bytes));
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toMatchObject(ROWS);
  });

  cases([
    ['sites.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(60, 1)])],
    ['sites.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(60, 1)])],
  ])('%s, the workbook itself, is refused with what to do', (name, bytes) => {
    const file = writeTmp(name, bytes);
    expect(() => parseRegistry(file)).toThrow(`${file}: is a spreadsheet (Excel .xlsx or .xls), not a registry: save it as CSV ("CSV UTF-8" or plain "CSV") and give that file`);
  });
});

describe('site ids are stable', () => {
  cases([
    ['3201000001', 'http://x.gov.cn/', '3201000001'],
    [null, 'http://WWW.Example.gov.cn/', 'www.example.gov.cn'],
    [null, 'http://www.example.gov.cn/index.html', 'www.example.gov.cn'],
    [null, 'http://www.tjbh.gov.cn/channels/13871.html', 'www.tjbh.gov.cn/channels/13871.html'],
    ['', 'http://127.0.0.1:8080/site/', '127.0.0.1:8080/site'],
  ])('%s + %s → %s', (id, url, expected) => {
    expect(siteIdFor(id, url)).toBe(expected);
  });
});
