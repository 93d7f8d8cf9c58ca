/**
 * Rows as aligned columns for a terminal, a line each (no trailing spaces): CJK characters take two
 * columns; `right`: the columns aligned right (numbers), the others left.
 */
export function textTable(rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const pad = (cell: string, i: number) => (right.has(i) ? ' '.repeat(widths[i]! - width(cell)) + cell : cell + ' '.repeat(widths[i]! - width(cell)));
  return rows.map((r) => r.map(pad).join('  ').trimEnd());
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
