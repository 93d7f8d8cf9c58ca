import type { RowError } from '../registry/types.js';

/** Bad registry rows, one `file:line: reason` line each on stderr. */
export function reportRowErrors(errors: readonly RowError[]): void {
  for (const e of errors) process.stderr.write(`${e.place}: ${e.reason} (row skipped)\n`);
}
