import { escapeHtml } from '../report/escape.js';
import { evidenceLink, htmlDocument } from '../report/html-page.js';
import type { PrintDocument } from './blocks.js';

export function documentToHtml(doc: PrintDocument): string {
  const body = doc.blocks.map((b) => {
    switch (b.kind) {
      case 'title': return `<h1 style="text-align:center">${escapeHtml(b.text)}</h1>`;
      case 'heading': return `<h2>${escapeHtml(b.text)}</h2>`;
      case 'paragraph': return `<p${b.align ? ` style="text-align:${b.align}"` : ''}>${escapeHtml(b.text)}</p>`;
      case 'table': return `<table><thead><tr>${b.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td class="evidence">${evidenceLink(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    }
  }).join('\n');
  return htmlDocument({ lang: doc.lang, title: doc.title, body });
}
