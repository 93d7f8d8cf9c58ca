import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { parseDocument } from 'htmlparser2';
import { findAll, getAttributeValue, textContent } from 'domutils';
import { ALL_CHECKS } from '../../src/checks/index.js';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { scoreRun } from '../../src/history/score-run.js';
import { RENDERERS } from '../../src/report/index.js';
import type { AuditReport } from '../../src/report/model.js';
import { loadProfile } from '../../src/score/profile.js';
import { crawlFixtureFleet } from '../helpers/fleet.js';

const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
let fleet: FixtureFleet;
let report: AuditReport;
before(async () => {
  const crawled = await crawlFixtureFleet();
  fleet = crawled.fleet;
  report = scoreRun(crawled.db, crawled.runId, loadProfile('gov-2019'));
});
after(() => fleet.close());

const RULES = ALL_CHECKS.length;

describe('JUnit XML', () => {
  it('a suite per site, a case per rule: failures where a rule found something, skipped where it could not judge', () => {
    const xml = RENDERERS.junit(report, { lang: 'en' });
    const doc = parseDocument(xml, { xmlMode: true });
    const suites = findAll((e) => e.name === 'testsuite', doc.children);
    expect(suites.map((s) => [getAttributeValue(s, 'name'), getAttributeValue(s, 'tests'), getAttributeValue(s, 'failures'), getAttributeValue(s, 'skipped')])).toEqual([
      ['示范市人民政府 (3201000001)', String(RULES), '0', '3'],
      ['旧县人民政府 (3408000002)', String(RULES), '8', '3'],
      ['问题区人民政府 (4401000003)', String(RULES), '9', '3'],
      ['云岭镇人民政府 (5301000004)', String(RULES), '3', '3'],
      ['沉睡县人民政府 (6201000005)', String(RULES), '13', '3'],
    ]);
    const zombie = suites[4]!;
    const guides = findAll((e) => e.name === 'testcase' && getAttributeValue(e, 'name')!.startsWith('guide-missing-elements'), zombie.children)[0]!;
    const failure = findAll((e) => e.name === 'failure', guides.children)[0]!;
    expect(getAttributeValue(failure, 'type')).toBe('deduction');
    expect(textContent(failure)).toContain(`title: 生育登记服务办事指南${PAYLOAD}`); // escaped in the file, text again once parsed
    expect(xml).not.toContain('<script>');
  });
});

describe('SARIF', () => {
  it('a result per site and rule; failed ones at the findings\' pages, vetoes as errors', () => {
    const sarif = JSON.parse(RENDERERS.sarif(report, { lang: 'en' })) as { version: string; runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; kind: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; properties: { site: string } }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const [run] = sarif.runs;
    expect(run!.tool.driver.rules.map((r) => r.id)).toEqual(ALL_CHECKS.map((c) => c.meta.id));
    expect(run!.results).toHaveLength(RULES * 5);
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

describe('Markdown', () => {
  it('a table of sites and a section per site with every finding; page text cannot become markup', () => {
    const md = RENDERERS.md(report, { lang: 'zh' });
    expect(md).toContain('| 问题区人民政府 (4401000003) | 县级 | 不合格 | — | 睡眠 | 首页长期未更新、留言长期未回复 | 13 |');
    const findings = report.sites.reduce((n, s) => n + s.findings.length, 0);
    expect(md.split('\n').filter((l) => /^- .* `[a-z-]+-[0-9a-f]{10}(-\d+)?` </.test(l))).toHaveLength(findings);
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>window.\\_\\_pwned=1');
  });
});
