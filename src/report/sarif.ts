import { ALL_CHECKS } from '../checks/index.js';
import { evidenceText } from './evidence.js';
import { ruleOutcomes } from './junit.js';
import type { Lang } from './labels.js';
import type { AuditReport } from './model.js';
import { indentedJson, type Rendered } from './rendered.js';

/**
 * SARIF 2.1.0: a result per site and rule (kind fail with the findings' pages as locations, or pass /
 * notApplicable), two-space indented, a result at a time.
 */
export function renderSarif(report: AuditReport, { lang }: { lang: Lang }): Rendered {
  const rules = ALL_CHECKS.map((c) => ({ id: c.meta.id, name: c.meta.title.en, shortDescription: { text: c.meta.title[lang] }, fullDescription: { text: c.meta.indicator[lang] } }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = function* () {
    for (const s of report.sites) {
      for (const o of ruleOutcomes(s)) {
        yield {
          ruleId: o.rule,
          ruleIndex: index.get(o.rule),
          kind: o.state === 'fail' ? 'fail' : o.state === 'skip' ? 'notApplicable' : 'pass',
          level: o.state === 'fail' ? (o.veto ? 'error' : 'warning') : 'none',
          message: { text: o.state === 'fail' ? `${s.name ?? s.id}: ${o.findings.map((f) => evidenceText(f, lang) || f.url).join(' | ')}` : `${s.name ?? s.id}: ${o.state}` },
          locations: (o.findings.length ? o.findings.map((f) => f.url) : [s.url]).slice(0, 50).map((uri) => ({ physicalLocation: { artifactLocation: { uri } } })),
          partialFingerprints: { site: s.id, ...(o.findings.length ? { findings: o.findings.map((f) => f.id).join(',') } : {}) },
          properties: { site: s.id, verdict: s.verdict },
        };
      }
    }
  };
  // the results are the last key of the only run: four levels deep
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'govsite', version: report.tool.version, informationUri: 'https://github.com/govsite/govsite', rules } }, properties: { asOf: report.asOf, profile: report.profile }, results: [] }],
  };
  return indentedJson(sarif, results(), 4);
}
