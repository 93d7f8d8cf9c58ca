import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/**
 * A report as pieces of text, each written out as it comes (a site's part at a time): a national run's
 * report in every format is never held as one string (SARIF of 3,208 sites is 49 MB).
 */
export type Rendered = Iterable<string>;

/** The whole text of a rendered report. */
export const renderedText = (rendered: Rendered): string => [...rendered].join('');

/** Lines of text, each ended by a newline. */
export const endedLines = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');

/** Each item rendered, with `separator` between two (a site's row, section or suite at a time). */
export function* separated<T>(items: Iterable<T>, separator: string, render: (item: T) => string): Rendered {
  let first = true;
  for (const item of items) {
    yield first ? render(item) : `${separator}${render(item)}`;
    first = false;
  }
}

/**
 * `JSON.stringify(document, null, 2)` and a newline, where the document's last value is an empty
 * array that stands for `entries`, `depth` levels deep: written an entry at a time.
 */
export function* indentedJson(document: unknown, entries: Iterable<unknown>, depth: number): Rendered {
  const whole = JSON.stringify(document, null, 2);
  const at = whole.lastIndexOf('[]');
  const indent = ' '.repeat(2 * depth);
  let first = true;
  for (const entry of entries) {
    // a string's newlines are escaped in JSON: every newline in an entry's text is a line of its own
    yield `${first ? `${whole.slice(0, at)}[` : ','}\n${indent}${JSON.stringify(entry, null, 2).replace(/\n/g, `\n${indent}`)}`;
    first = false;
  }
  yield first ? `${whole}\n` : `\n${indent.slice(2)}]${whole.slice(at + 2)}\n`;
}

/** Pieces joined into pieces of at least `size` characters: few writes, however finely a report is cut. */
function* batched(rendered: Rendered, size = 1 << 16): Rendered {
  let batch = '';
  for (const piece of rendered) {
    batch += piece;
    if (batch.length < size) continue;
    yield batch;
    batch = '';
  }
  if (batch) yield batch;
}

/** Writes a rendered report to stdout as it comes (a pipe or a terminal is written synchronously on Linux: nothing piles up). */
export function printRendered(rendered: Rendered): void {
  for (const piece of batched(rendered)) process.stdout.write(piece);
}

/** Writes a rendered report into a file as it comes (see writeWhole). */
export function writeRendered(file: string, rendered: Rendered): void {
  writeWhole(file, (fd) => {
    for (const piece of batched(rendered)) writeFileSync(fd, piece);
  });
}

/**
 * Writes a file the user named (a report, a notice, a bulletin, a sample) through a temporary file
 * beside it, renamed at the end: a write that fails halfway (a renderer's bug, a full disk) leaves no
 * truncated file (a CI job would upload it; an office would send it), and an earlier file of the same
 * name stays as it was. A device or a pipe (`/dev/stdout`, `/dev/null`) is written as it is: renaming
 * over it would replace it.
 */
export function writeWhole(file: string, write: (fd: number) => void): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  const written = existing && !existing.isFile() ? file : `${file}.${process.pid}.partial`;
  try {
    writeInto(written, write);
    if (written !== file) renameSync(written, file);
  } catch (e) {
    if (written !== file) rmSync(written, { force: true });
    throw namingFile(e, written, file);
  }
}

/**
 * The system's error about the file `written` (the temporary one), or a write's, which names no file
 * (`ENOSPC: no space left on device, write`: a full disk), told of the file the user named: its
 * message is all they see (see isExpected).
 */
function namingFile(error: unknown, written: string, file: string): unknown {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.syscall !== 'string') return error;
  if (e.path === written) return Object.assign(e, { message: e.message.replace(written, file), path: file });
  if (e.path === undefined) return Object.assign(e, { message: `${e.message} '${file}'`, path: file });
  return error;
}

function writeInto(file: string, write: (fd: number) => void): void {
  const fd = openSync(file, 'w');
  try {
    write(fd);
  } finally {
    closeSync(fd);
  }
}
