import type { ParsedRegistry } from '../registry/types.js';

/** Registry rows skipped, and rows kept with something to check: one `file:line: reason` line each on stderr. */
export function reportRowErrors({ errors, warnings }: Pick<ParsedRegistry, 'errors' | 'warnings'>): void {
  for (const e of errors) process.stderr.write(`${e.place}: ${e.reason} (row skipped)\n`);
  for (const w of warnings) process.stderr.write(`${w.place}: ${w.reason} (row kept)\n`);
}
