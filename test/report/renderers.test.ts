import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { FORMATS, RENDERERS, type Format } from '../../src/report/index.js';
import { renderedText, writeRendered } from '../../src/report/rendered.js';
import type { AuditReport } from '../../src/report/model.js';
import { CHROMIUM, openInChromium, type PageVisit } from '../helpers/chromium.js';
import { scoredFixtureFleet, TITLE_PAYLOAD } from '../helpers/fleet.js';
import { tmpDir } from '../helpers/tmp.js';
import { noticeDocument } from '../../src/notice/document.js';
import { noticesOf } from '../../src/notice/model.js';
import { cases } from '../helpers/cases.js';

// one crawl of the fixture fleet, rendered in every format
let fleet: FixtureFleet;
let report: AuditReport;
before(async () => ({ fleet, report } = await scoredFixtureFleet()));
after(() => fleet.close());

const RULES = ALL_CHECKS.length;

describe('JUnit XML', () => {
  it('a suite per site, a case per rule: failures where a rule found something, skipped where it could not judge', () => {
    const xml = renderedText(RENDERERS.junit(report, { lang: 'en' }));
    const doc = parseDocument(xml, { xmlMode: true });
    const suites = findAll((e) => e.name === 'testsuite', doc.children);
    expect(suites.map((s) => [getAttributeValue(s, 'name'), getAttributeValue(s, 'tests'), getAttributeValue(s, 'failures'), getAttributeValue(s, 'skipped')])).toEqual([
      ['示范市人民政府 (3201000001)', String(RULES), '0', '3'],
      ['旧县人民政府 (3408000002)', String(RULES), '8', '3'],
      ['问题区人民政府 (4401000003)', String(RULES), '9', '3'],
      ['云岭镇人民政府 (5301000004)', String(RULES), '3', '3'],
      ['沉睡县人民政府 (6201000005)', String(RULES), '13', '3'],
      // merged into the city's portal: nothing of it read, every rule skipped (no probes either), none passed
      ['示范市发展和改革委员会 (3201000006)', String(RULES), '0', String(RULES)],
    ]);
    // the document's totals, counted before its suites are written, are theirs
    const root = findAll((e) => e.name === 'testsuites', doc.children)[0]!;
    const sum = (attr: string) => String(suites.reduce((n, s) => n + Number(getAttributeValue(s, attr)), 0));
    expect(['tests', 'failures', 'skipped'].map((a) => getAttributeValue(root, a))).toEqual([String(6 * RULES), '33', String(15 + RULES)]);
    expect(['tests', 'failures', 'skipped'].map((a) => getAttributeValue(root, a))).toEqual(['tests', 'failures', 'skipped'].map(sum));
    const zombie = suites[4]!;
    const guides = findAll((e) => e.name === 'testcase' && getAttributeValue(e, 'name')!.startsWith('guide-missing-elements'), zombie.children)[0]!;
    const failure = findAll((e) => e.name === 'failure', guides.children)[0]!;
    expect(getAttributeValue(failure, 'type')).toBe('deduction');
    expect(textContent(failure)).toContain(`title: 生育登记服务办事指南${TITLE_PAYLOAD}`); // escaped in the file, text again once parsed
    expect(xml).not.toContain('<script>');
  });

  it('characters XML cannot hold, from a hostile page, are left out: the file stays well-formed', () => {
    const site = report.sites.find((s) => s.id === '3408000002')!;
    const hostile = { ...report, sites: [{ ...site, findings: site.findings.map((f) => ({ ...f, text: 'a\u0000b\u0007c\u001bd' })) }] };
    const xml = renderedText(RENDERERS.junit(hostile, { lang: 'en' }));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('text: abcd');
  });
});

describe('SARIF', () => {
  it('a result per site and rule; failed ones at the findings\' pages, vetoes as errors', () => {
    const sarif = JSON.parse(renderedText(RENDERERS.sarif(report, { lang: 'en' }))) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; kind: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { site: string } }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run!.tool.driver.rules.map((r) => r.id)).toEqual(ALL_CHECKS.map((c) => c.meta.id));
    expect(run!.results).toHaveLength(RULES * 6);
    const of = (site: string, rule: string) => run!.results.find((r) => r.properties.site === site && r.ruleId === rule)!;
    expect(of('3201000001', 'dead-link')).toMatchObject({ kind: 'pass', level: 'none' });
    expect(of('3201000001', 'site-unreachable')).toMatchObject({ kind: 'notApplicable' });
    expect(of('6201000005', 'serious-error')).toMatchObject({ kind: 'fail', level: 'error' });
    expect(of('3408000002', 'dead-link')).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(of('3408000002', 'dead-link').locations.map((l) => l.physicalLocation.artifactLocation.uri)).toEqual([
      `${fleet.origin('gbk-county')}/`, `${fleet.origin('gbk-county')}/`, `${fleet.origin('gbk-county')}/`, `${fleet.origin('gbk-county')}/news/index.html`,
    ]);
  });
});

// a national run's report is written a site at a time (its SARIF of 3,208 sites is 49 MB): the
// pieces must add up to exactly what one whole-document serialisation would write
describe('every format, a site at a time', () => {
  cases(FORMATS.map((f) => [f]))('%s comes in at least a piece per site', (format: Format) => {
    expect([...RENDERERS[format](report, { lang: 'zh' })].length).toBeGreaterThanOrEqual(report.sites.length);
  });

  cases([[6], [1], [0]])('JSON of %i sites is JSON.stringify(report, null, 2), byte for byte', (sites) => {
    const some = { ...report, sites: report.sites.slice(0, sites) };
    expect(renderedText(RENDERERS.json(some, { lang: 'zh' }))).toBe(`${JSON.stringify(some, null, 2)}\n`);
  });

  cases([[6], [1], [0]])('SARIF of %i sites is its document two-space indented, byte for byte', (sites) => {
    const text = renderedText(RENDERERS.sarif({ ...report, sites: report.sites.slice(0, sites) }, { lang: 'en' }));
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });

  it('writeRendered writes every piece into the file', () => {
    const file = join(tmpDir(), 'report.md');
    writeRendered(file, RENDERERS.md(report, { lang: 'zh' }));
    expect(readFileSync(file, 'utf8')).toBe(renderedText(RENDERERS.md(report, { lang: 'zh' })));
  });

  it('a report that fails halfway leaves no truncated file: the earlier one stays, nothing else is left', () => {
    const dir = tmpDir();
    const file = join(dir, 'report.sarif');
    writeFileSync(file, 'the earlier report');
    const failing = function* () {
      yield 'x'.repeat(200_000); // past a batch: some of it is written before the failure
      throw new Error('a renderer bug');
    };
    expect(() => writeRendered(file, failing())).toThrow('a renderer bug');
    expect(readdirSync(dir)).toEqual(['report.sarif']);
    expect(readFileSync(file, 'utf8')).toBe('the earlier report');
  });

  it('a file the system refuses is named as the user named it, not by its temporary name', () => {
    const file = join(tmpDir(), 'no-such-folder', 'report.csv');
    expect(() => writeRendered(file, RENDERERS.csv(report, { lang: 'zh' }))).toThrow(expect.objectContaining({ code: 'ENOENT', path: file, message: `ENOENT: no such file or directory, open '${file}'` }));
  });

  // a named pipe here, as --output /dev/stdout is one (renaming over /dev/null as root would replace it)
  it('a pipe or a device is written as it is, not replaced', async () => {
    const dir = tmpDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (d: Buffer) => (read += d.toString()));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    writeRendered(fifo, RENDERERS.csv(report, { lang: 'zh' }));
    await closed;
    expect(read).toBe(renderedText(RENDERERS.csv(report, { lang: 'zh' })));
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });
});

describe('a Chinese domain name (中文域名)', () => {
  // 北京市人民政府.政务 as a URL carries it
  const IDN = 'http://xn--1lq2az1zq7nbwai50ag4l.xn--zfr164b/';
  const idn = () => {
    const site = report.sites.find((s) => s.verdict === 'unqualified' && s.findings.length > 0)!;
    return { ...report, sites: [{ ...site, url: IDN, findings: site.findings.map((f) => ({ ...f, url: `${IDN}xxgk/` })) }] };
  };
  cases([
    ['terminal', (r: AuditReport) => renderedText(RENDERERS.terminal(r, { lang: 'zh' })), ['http://北京市人民政府.政务/'], []],
    ['Markdown: the name read, the link as the URL', (r: AuditReport) => renderedText(RENDERERS.md(r, { lang: 'zh' })), ['[http://北京市人民政府.政务/](<http://xn--1lq2az1zq7nbwai50ag4l.xn--zfr164b/>)', '[http://北京市人民政府.政务/xxgk/](<http://xn--1lq2az1zq7nbwai50ag4l.xn--zfr164b/xxgk/>)'], []],
    ['HTML: the name read, the link as the URL', (r: AuditReport) => renderedText(RENDERERS.html(r, { lang: 'zh' })), ['href="http://xn--1lq2az1zq7nbwai50ag4l.xn--zfr164b/xxgk/" rel="noopener noreferrer nofollow">http://北京市人民政府.政务/xxgk/</a>'], []],
    ['the rectification notice the site is sent', (r: AuditReport) => JSON.stringify(noticeDocument(noticesOf(r, { office: '监管办', date: '2026-12-01', workingDays: 15, lang: 'zh' })[0]!)), ['http://北京市人民政府.政务/xxgk/'], []],
    ['JSON and CSV keep the URL', (r: AuditReport) => renderedText(RENDERERS.json(r, { lang: 'zh' })) + renderedText(RENDERERS.csv(r, { lang: 'zh' })), [IDN], ['北京市人民政府.政务']],
  ])('%s', (_format, render: (r: AuditReport) => string, shown: string[], absent: string[]) => {
    const text = render(idn());
    for (const s of shown) expect(text).toContain(s);
    for (const a of absent) expect(text).not.toContain(a);
  });
});

describe('Markdown', () => {
  it('a table of sites and a section per site with every finding; page text cannot become markup', () => {
    const md = renderedText(RENDERERS.md(report, { lang: 'zh' }));
    expect(md).toContain('| 问题区人民政府 (4401000003) | 广东省 | 县级 | 不合格 | — | 睡眠 | 首页长期未更新、留言长期未回复 | 13 |');
    const findings = report.sites.reduce((n, s) => n + s.findings.length, 0);
    expect(md.split('\n').filter((l) => /^- .* `[a-z-]+-[0-9a-f]{10}(-\d+)?` </.test(l))).toHaveLength(findings);
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>window.\\_\\_pwned=1');
  });
});

describe('by region', () => {
  const oneRegion = (): AuditReport => ({ ...report, sites: report.sites.map((s) => ({ ...s, region: '云南省' })) });

  it('a sweep of several provinces: a table of them (rate over the sites assessed) and a region column, in HTML and Markdown', () => {
    const html = renderedText(RENDERERS.html(report, { lang: 'zh' }));
    expect(html).toContain('<table id="regions"><thead><tr><th>地区</th><th>网站总数</th><th>合格</th><th>不合格</th><th>未评估</th><th>合格率</th></tr></thead><tbody><tr><td><a href="#list" data-region="江苏省">江苏省</a></td><td>2</td><td>1</td><td>0</td><td>1</td><td>100.0 %</td></tr><tr><td><a href="#list" data-region="安徽省">安徽省</a></td>');
    expect(html).toContain('<tr data-verdict="unqualified" data-region="广东省"><td><a href="#site-4401000003">问题区人民政府</a> <span class="muted">4401000003</span></td><td>广东省</td><td>县级</td>');
    const md = renderedText(RENDERERS.md(report, { lang: 'en' }));
    expect(md).toContain('| region | sites | qualified | unqualified | not assessed | qualified rate |\n|---|---:|---:|---:|---:|---:|\n| Jiangsu | 2 | 1 | 0 | 1 | 100.0 % |\n');
  });

  it('the terminal: the totals with their rate, then a line per region', () => {
    const text = renderedText(RENDERERS.terminal(report, { lang: 'zh' }));
    expect(text.slice(text.indexOf('合计'))).toBe('合计: 合格 2 · 不合格 3 · 未评估 1 · 合格率 40.0 %\n  江苏省 2: 合格 1 · 不合格 0 · 未评估 1 · 合格率 100.0 %\n  安徽省 1: 合格 0 · 不合格 1 · 未评估 0 · 合格率 0.0 %\n'
      + '  广东省 1: 合格 0 · 不合格 1 · 未评估 0 · 合格率 0.0 %\n  云南省 1: 合格 1 · 不合格 0 · 未评估 0 · 合格率 100.0 %\n  甘肃省 1: 合格 0 · 不合格 1 · 未评估 0 · 合格率 0.0 %\n');
    const one = renderedText(RENDERERS.terminal(oneRegion(), { lang: 'en' }));
    expect(one.slice(one.indexOf('total'))).toBe('total: qualified 2 · unqualified 3 · not assessed 1 · qualified rate 40.0 %\n');
  });

  it('one region: neither the table nor the column', () => {
    const html = renderedText(RENDERERS.html(oneRegion(), { lang: 'zh' }));
    expect(html).not.toContain('id="regions"');
    expect(html).not.toContain('<th>地区</th>');
    expect(html).not.toContain('<select id="region-filter"');
    expect(html).not.toContain(' data-region="');
    const md = renderedText(RENDERERS.md(oneRegion(), { lang: 'zh' }));
    expect(md).not.toContain('地区');
    expect(md).toContain('| 问题区人民政府 (4401000003) | 县级 | 不合格 |');
  });
});

// 沉睡县's guide_3.html carries the payload in its <title>, and the guide's title is evidence in the report
describe('the HTML report in headless Chromium', { skip: CHROMIUM ? false : 'chromium is not installed (apt-get install -y chromium; .ci/run does)' }, () => {
  let page: PageVisit;

  before(async () => {
    const file = join(tmpDir(), 'report.html');
    writeFileSync(file, renderedText(RENDERERS.html(report, { lang: 'zh' })));
    page = await openInChromium(pathToFileURL(file).href);
  });
  after(() => page?.close());

  it('renders with no console error and no exception', () => {
    expect(page.errors).toEqual([]);
  });

  it('has the three charts: scores, problems by rule, and a site × column freshness grid', async () => {
    expect(await page.evaluate('[...document.querySelectorAll("svg.chart")].map((s) => s.id)')).toEqual(['chart-scores', 'chart-rules', 'chart-freshness']);
    const columns = report.sites.reduce((n, s) => n + s.columns.length, 0);
    expect(await page.evaluate('document.querySelectorAll("#chart-freshness rect.cell").length')).toBe(columns);
    expect(await page.evaluate('document.querySelector("#chart-scores").getBoundingClientRect().height > 100')).toBe(true);
  });

  it('the freshness legend\'s labels stand apart, each beside its colour', async () => {
    const boxes = await page.evaluate<{ left: number; right: number; top: number }[]>('[...document.querySelectorAll("#chart-freshness rect:not(.cell) + text")].map((t) => { const b = t.getBoundingClientRect(); return { left: b.left, right: b.right, top: Math.round(b.top) }; })');
    expect(boxes).toHaveLength(7);
    // a label ends before the next colour square (16 px left of its label) begins
    const overlaps = boxes.filter((b, i) => i > 0 && boxes[i - 1]!.top === b.top && boxes[i - 1]!.right > b.left - 16 - 4);
    expect(overlaps).toEqual([]);
  });

  it('runs no script from a crawled page: the payload shows as text, the report\'s own script is the only one', async () => {
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.evaluate('document.scripts.length')).toBe(1);
    expect(await page.evaluate('document.images.length')).toBe(0);
    expect(await page.evaluate<string>('document.querySelector("#site-6201000005").textContent')).toContain(`生育登记服务办事指南${TITLE_PAYLOAD}`);
  });

  it('a merged site says so, naming the site it leads into and the page it landed on', async () => {
    expect(await page.evaluate<string>('document.querySelector("#site-3201000006 p.not-assessed").textContent'))
      .toBe(`首页跳转至名录中的另一网站，视为已整合，未予评估: 示范市人民政府（3201000001） ${fleet.origin('healthy')}/col/col102/index.html`);
  });

  it('the site table has a row per site, sorts by score and filters by text and verdict', async () => {
    expect(await page.evaluate('document.querySelectorAll("#sites tbody tr").length')).toBe(6);
    const order = 'Array.from(document.querySelectorAll("#sites tbody tr")).map((r) => r.cells[0].querySelector("a").textContent)';
    await page.evaluate('document.querySelector("#sites thead th:nth-child(5)").click()');
    expect((await page.evaluate<string[]>(order)).slice(-2)).toEqual(['云岭镇人民政府', '示范市人民政府']); // 85, 100 after the unscored
    await page.evaluate('document.querySelector("#sites thead th:nth-child(5)").click()');
    expect((await page.evaluate<string[]>(order)).slice(0, 2)).toEqual(['示范市人民政府', '云岭镇人民政府']);
    const visible = 'Array.from(document.querySelectorAll("#sites tbody tr")).filter((r) => !r.hidden).map((r) => r.cells[0].querySelector("a").textContent)';
    await page.evaluate('(() => { const f = document.getElementById("filter"); f.value = "沉睡"; f.dispatchEvent(new Event("input")); })()');
    expect(await page.evaluate(visible)).toEqual(['沉睡县人民政府']);
    // a national report read province by province: the region is in the row, and in its own filter, which the summary's table of regions sets
    await page.evaluate('(() => { const f = document.getElementById("filter"); f.value = "江苏省"; f.dispatchEvent(new Event("input")); })()');
    expect(await page.evaluate(visible)).toEqual(['示范市人民政府', '示范市发展和改革委员会']);
    await page.evaluate('(() => { const f = document.getElementById("filter"); f.value = ""; f.dispatchEvent(new Event("input")); document.querySelector("#regions a[data-region=\'云南省\']").click(); })()');
    expect([await page.evaluate('document.getElementById("region-filter").value'), await page.evaluate(visible)]).toEqual(['云南省', ['云岭镇人民政府']]);
    await page.evaluate('(() => { const r = document.getElementById("region-filter"); r.value = ""; r.dispatchEvent(new Event("change")); })()');
    await page.evaluate('(() => { const f = document.getElementById("filter"); f.value = ""; f.dispatchEvent(new Event("input")); const v = document.getElementById("verdict-filter"); v.value = "qualified"; v.dispatchEvent(new Event("change")); })()');
    expect((await page.evaluate<string[]>(visible)).sort()).toEqual(['云岭镇人民政府', '示范市人民政府']);
  });

  it('every finding links to its evidence page, and the site row links to the site\'s section', async () => {
    const findings = report.sites.reduce((n, s) => n + s.findings.length, 0);
    expect(await page.evaluate('document.querySelectorAll("table.findings tbody tr").length')).toBe(findings);
    expect(await page.evaluate('Array.from(document.querySelectorAll("table.findings tbody tr")).every((r) => r.cells[2].querySelector("a[href^=\'http\']"))')).toBe(true);
    expect(await page.evaluate('Array.from(document.querySelectorAll("#sites tbody a")).every((a) => document.querySelector(a.getAttribute("href")))')).toBe(true);
  });

  it('the sections, the site table and the freshness grid are laid out only near the screen (a province\'s report opens in seconds), and a row\'s link still lands on its section', async () => {
    expect(await page.evaluate('[...document.querySelectorAll("section.site")].map((s) => getComputedStyle(s).contentVisibility)')).toEqual(report.sites.map(() => 'auto'));
    expect(await page.evaluate('[document.querySelector("#sites").parentElement, document.querySelector("#chart-freshness")].map((e) => getComputedStyle(e).contentVisibility)')).toEqual(['auto', 'auto']);
    // the section at the top of the window, within a pixel (its top is a fraction), asked until it is or 5 s have passed (a loaded CI machine)
    const landed = `new Promise((r) => { const a = document.querySelector("#sites tbody a"); a.click(); const t0 = performance.now();
      const at = () => Math.abs(document.querySelector(a.getAttribute("href")).getBoundingClientRect().top) < 1;
      (function ask() { if (at() || performance.now() - t0 > 5000) r(at()); else setTimeout(ask, 50); })(); })`;
    expect(await page.evaluate(landed)).toBe(true);
  });
});
