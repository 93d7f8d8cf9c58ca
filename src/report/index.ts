import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import type { Lang } from './labels.js';
import { renderMarkdown } from './markdown.js';
import type { AuditReport } from './model.js';
import type { Rendered } from './rendered.js';
import { renderSarif } from './sarif.js';
import { renderTerminal } from './terminal.js';

export type Format = 'terminal' | 'json' | 'csv' | 'html' | 'md' | 'junit' | 'sarif';
export type Renderer = (report: AuditReport, options: { lang: Lang; color?: boolean }) => Rendered;

export const RENDERERS: Record<Format, Renderer> = {
  terminal: renderTerminal,
  json: renderJson,
  csv: renderCsv,
  html: renderHtml,
  md: renderMarkdown,
  junit: renderJunit,
  sarif: renderSarif,
};

export const FILE_NAMES: Record<Format, string> = {
  terminal: 'summary.txt', json: 'report.json', csv: 'report.csv', html: 'report.html', md: 'report.md', junit: 'junit.xml', sarif: 'report.sarif',
};
export const FORMATS = Object.keys(RENDERERS) as Format[];
