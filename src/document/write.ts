import { writeFileSync } from 'node:fs';
import { writeWhole } from '../report/rendered.js';
import type { DocumentFormat, PrintDocument } from './blocks.js';
import { documentToDocx } from './to-docx.js';
import { documentToHtml } from './to-html.js';
import { documentToMarkdown } from './to-md.js';

/** Writes a document as `file.<format>`; returns its path. */
export async function writeDocument(doc: PrintDocument, format: DocumentFormat, file: string): Promise<string> {
  const path = `${file}.${format}`;
  const content = format === 'docx' ? await documentToDocx(doc) : format === 'html' ? documentToHtml(doc) : documentToMarkdown(doc);
  writeWhole(path, (fd) => writeFileSync(fd, content));
  return path;
}
