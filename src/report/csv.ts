import { escapeCsv } from './escape.js';
import type { Rendered } from './rendered.js';
import type { AuditReport } from './model.js';

const HEADER = ['record', 'site', 'name', 'level', 'region', 'verdict', 'score', 'health', 'rule', 'points', 'count', 'url', 'evidence'];

const line = (row: readonly unknown[]) => `${row.map(escapeCsv).join(',')}\r\n`;

/** One row per site, then one per deduction and one per finding (record = site / deduction / finding). */
export function* renderCsv(report: AuditReport): Rendered {
  // a BOM, so that spreadsheet programs read the Chinese as UTF-8
  yield `\uFEFF${line(HEADER)}`;
  for (const s of report.sites) {
    // why a site was not judged at all (it closed, merged, or its home page was not read), and a caution on its registered address: the evidence of its row
    const said = { ...(s.closed ? { closed: s.closed } : s.mergedInto ? { mergedInto: s.mergedInto } : s.homeStatus ? { homeStatus: s.homeStatus } : {}), ...(s.innerPageOf ? { innerPageOf: s.innerPageOf } : {}) };
    const rows: unknown[][] = [['site', s.id, s.name, s.level, s.region ?? null, s.verdict, s.score, s.health, s.vetoes.join(' '), null, null, s.url, Object.keys(said).length ? said : null]];
    for (const d of s.deductions) rows.push(['deduction', s.id, null, null, null, null, null, null, d.rule, d.points, d.count, null, null]);
    for (const { rule, url, ...evidence } of s.findings) rows.push(['finding', s.id, null, null, null, null, null, null, rule, null, null, url, evidence]);
    yield rows.map(line).join('');
  }
}
