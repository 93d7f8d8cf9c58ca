import { ALL_CHECKS, ruleOfFinding } from '../checks/index.js';
import { escapeXml as xml } from './escape.js';
import { evidenceText } from './evidence.js';
import { ruleTitle, type Lang } from './labels.js';
import type { AuditReport, SiteReport } from './model.js';
import { separated, type Rendered } from './rendered.js';

type Outcome = { rule: string; state: 'pass' | 'fail' | 'skip'; findings: SiteReport['findings']; veto: boolean };

/** Every rule's outcome on a site: failed (with its findings), not assessed, or passed. */
export function ruleOutcomes(site: SiteReport): Outcome[] {
  return ALL_CHECKS.map(({ meta: { id } }) => {
    const findings = site.findings.filter((f) => ruleOfFinding(f.rule) === id);
    const state = findings.length ? 'fail' : site.notAssessed.includes(id) ? 'skip' : 'pass';
    return { rule: id, state, findings, veto: site.vetoes.includes(id) };
  });
}

/** JUnit XML: a test suite per site, a test case per rule; a finding is a failure, a rule not assessed is skipped. */
export function* renderJunit(report: AuditReport, { lang }: { lang: Lang }): Rendered {
  // the totals head the document: counted first, the sites' outcomes not kept
  const totals = { tests: 0, fail: 0, skip: 0 };
  for (const s of report.sites) {
    for (const o of ruleOutcomes(s)) {
      totals.tests++;
      if (o.state !== 'pass') totals[o.state]++;
    }
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="govsite ${report.asOf} ${xml(report.profile)}" tests="${totals.tests}" failures="${totals.fail}" skipped="${totals.skip}">
`;
  yield* separated(report.sites, '\n', (s) => testSuite(s, report.asOf, lang));
  yield '\n</testsuites>\n';
}

function testSuite(s: SiteReport, asOf: string, lang: Lang): string {
  const outcomes = ruleOutcomes(s);
  const cases = outcomes.map((o) => {
    const open = `<testcase classname="govsite.${xml(s.id)}" name="${xml(o.rule)}: ${xml(ruleTitle(o.rule, lang))}">`;
    if (o.state === 'pass') return `${open}</testcase>`;
    if (o.state === 'skip') return `${open}<skipped message="not assessed"/></testcase>`;
    const detail = o.findings.map((f) => `${f.url}  ${evidenceText(f, lang)}  [${f.id}]`).join('\n');
    return `${open}<failure type="${o.veto ? 'veto' : 'deduction'}" message="${xml(`${o.findings.length} × ${ruleTitle(o.rule, lang)}`)}">${xml(detail)}</failure></testcase>`;
  });
  const failures = outcomes.filter((o) => o.state === 'fail').length;
  const skipped = outcomes.filter((o) => o.state === 'skip').length;
  return `  <testsuite name="${xml(`${s.name ?? s.id} (${s.id})`)}" tests="${outcomes.length}" failures="${failures}" errors="0" skipped="${skipped}" timestamp="${asOf}T00:00:00">
    <properties><property name="url" value="${xml(s.url)}"/><property name="verdict" value="${s.verdict}"/><property name="score" value="${s.score ?? ''}"/></properties>
    ${cases.join('\n    ')}
  </testsuite>`;
}
