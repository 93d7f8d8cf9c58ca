import { it } from 'node:test';

/**
 * A table of cases, one test each: `cases(rows)('title %s → %i', (a, b) => …)`. Array rows are spread
 * into the arguments and fill %s / %i / %j in turn; object rows are passed whole and fill $name.
 */
export function cases(rows: readonly unknown[]) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each table's columns are its own; the test body names their types
  return (title: string, test: (...args: any[]) => unknown) => {
    for (const row of rows) {
      const args = Array.isArray(row) ? row : [row];
      it(format(title, row, args), async () => {
        await test(...args);
      });
    }
  };
}

function format(title: string, row: unknown, args: unknown[]): string {
  let i = 0;
  return title
    .replace(/%[sij]/g, (m) => {
      const v = args[i++];
      return m === '%j' ? JSON.stringify(v) : String(v);
    })
    .replace(/\$(\w+)/g, (m, name: string) => (typeof row === 'object' && row !== null && name in row ? String((row as Record<string, unknown>)[name]) : m));
}
