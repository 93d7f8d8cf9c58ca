import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { scoreRun } from '../../src/history/score-run.js';
import { RENDERERS } from '../../src/report/index.js';
import type { AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { CHROMIUM, openInChromium, type PageVisit } from '../helpers/chromium.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';
import { tmpDir } from '../helpers/tmp.js';

// 沉睡县's guide_3.html carries <script>window.__pwned=1</script><img src=x onerror=…> in its <title>,
// and the guide's title is evidence in the report
const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

describe('the HTML report in headless Chromium', { skip: CHROMIUM ? false : 'chromium is not installed (apt-get install -y chromium; .ci/run does)' }, () => {
  let fleet: FixtureFleet;
  let report: AuditReport;
  let page: PageVisit;

  before(async () => {
    const crawled = await crawlFixtureFleet();
    fleet = crawled.fleet;
    report = scoreRun(crawled.db, crawled.runId, loadProfile('gov-2019'));
    const file = join(tmpDir(), 'report.html');
    writeFileSync(file, RENDERERS.html(report, { lang: 'zh' }));
    page = await openInChromium(pathToFileURL(file).href);
  });
  after(async () => {
    await page?.close();
    await fleet?.close();
  });

  it('renders with no console error and no exception', () => {
    expect(page.errors).toEqual([]);
  });

  it('has the three charts: scores, problems by rule, and a site × column freshness grid', async () => {
    expect(await page.evaluate('[...document.querySelectorAll("svg.chart")].map((s) => s.id)')).toEqual(['chart-scores', 'chart-rules', 'chart-freshness']);
    const columns = report.sites.reduce((n, s) => n + s.columns.length, 0);
    expect(await page.evaluate('document.querySelectorAll("#chart-freshness rect.cell").length')).toBe(columns);
    expect(await page.evaluate('document.querySelector("#chart-scores").getBoundingClientRect().height > 100')).toBe(true);
  });

  it('runs no script from a crawled page: the payload shows as text, the report\'s own script is the only one', async () => {
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(await page.evaluate('document.scripts.length')).toBe(1);
    expect(await page.evaluate('document.images.length')).toBe(0);
    expect(await page.evaluate<string>('document.querySelector("#site-6201000005").textContent')).toContain(`生育登记服务办事指南${PAYLOAD}`);
  });

  it('the site table has a row per site, sorts by score and filters by text and verdict', async () => {
    expect(await page.evaluate('document.querySelectorAll("#sites tbody tr").length')).toBe(5);
    const order = 'Array.from(document.querySelectorAll("#sites tbody tr")).map((r) => r.cells[0].querySelector("a").textContent)';
    await page.evaluate('document.querySelector("#sites thead th:nth-child(4)").click()');
    expect((await page.evaluate<string[]>(order)).slice(-2)).toEqual(['云岭镇人民政府', '示范市人民政府']); // 85, 100 after the unscored
    await page.evaluate('document.querySelector("#sites thead th:nth-child(4)").click()');
    expect((await page.evaluate<string[]>(order)).slice(0, 2)).toEqual(['示范市人民政府', '云岭镇人民政府']);
    const visible = 'Array.from(document.querySelectorAll("#sites tbody tr")).filter((r) => !r.hidden).map((r) => r.cells[0].querySelector("a").textContent)';
    await page.evaluate('(() => { const f = document.getElementById("filter"); f.value = "沉睡"; f.dispatchEvent(new Event("input")); })()');
    expect(await page.evaluate(visible)).toEqual(['沉睡县人民政府']);
    await page.evaluate('(() => { const f = document.getElementById("filter"); f.value = ""; f.dispatchEvent(new Event("input")); const v = document.getElementById("verdict-filter"); v.value = "qualified"; v.dispatchEvent(new Event("change")); })()');
    expect((await page.evaluate<string[]>(visible)).sort()).toEqual(['云岭镇人民政府', '示范市人民政府']);
  });

  it('every finding links to its evidence page, and the site row links to the site\'s section', async () => {
    const findings = report.sites.reduce((n, s) => n + s.findings.length, 0);
    expect(await page.evaluate('document.querySelectorAll("table.findings tbody tr").length')).toBe(findings);
    expect(await page.evaluate('Array.from(document.querySelectorAll("table.findings tbody tr")).every((r) => r.cells[2].querySelector("a[href^=\'http\']"))')).toBe(true);
    expect(await page.evaluate('Array.from(document.querySelectorAll("#sites tbody a")).every((a) => document.querySelector(a.getAttribute("href")))')).toBe(true);
  });
});
