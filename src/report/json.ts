import { indentedJson, type Rendered } from './rendered.js';

/**
 * A document whose last key is `sites` (the report model, SPEC §6; `govsite diff`'s) as JSON,
 * two-space indented, a site at a time.
 */
export function renderJson({ sites, ...header }: { sites: readonly unknown[] }): Rendered {
  return indentedJson({ ...header, sites: [] }, sites, 2);
}
