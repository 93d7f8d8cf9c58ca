import type { AuditReport } from './model.js';
import { indentedJson, type Rendered } from './rendered.js';

/** The report model as JSON (SPEC §6), two-space indented, a site at a time. */
export function renderJson(report: AuditReport): Rendered {
  // `sites` is the model's last key
  const { sites, ...header } = report;
  return indentedJson({ ...header, sites: [] }, sites, 2);
}
