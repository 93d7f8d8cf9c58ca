/** The only way page text enters a table: everything from the web is hostile. A CSV field: quoted when it holds a comma, quote or line break; formula starters neutralised for spreadsheets. */
export function escapeCsv(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
