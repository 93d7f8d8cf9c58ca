import { escapeMd, mdLink } from '../report/escape.js';
import type { PrintDocument } from './blocks.js';

const cell = (text: string) => (/^https?:\/\/\S+$/.test(text) ? mdLink(text) : escapeMd(text));

export function documentToMarkdown(doc: PrintDocument): string {
  const out = doc.blocks.map((b) => {
    switch (b.kind) {
      case 'title': return `# ${escapeMd(b.text)}`;
      case 'heading': return `## ${escapeMd(b.text)}`;
      case 'paragraph': return escapeMd(b.text);
      case 'table': return [`| ${b.header.map(escapeMd).join(' | ')} |`, `|${b.header.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
    }
  });
  return `${out.join('\n\n')}\n`;
}
