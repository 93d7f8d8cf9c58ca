import { renderCsv } from './csv.js';
import type { Lang } from './labels.js';
import type { AuditReport } from './model.js';
import { renderTerminal } from './terminal.js';

export type Format = 'terminal' | 'json' | 'csv';
export type Renderer = (report: AuditReport, options: { lang: Lang; color?: boolean }) => string;

export const RENDERERS: Record<Format, Renderer> = {
  terminal: renderTerminal,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  csv: renderCsv,
};

export const FILE_NAMES: Record<Format, string> = { terminal: 'summary.txt', json: 'report.json', csv: 'report.csv' };
export const FORMATS = Object.keys(RENDERERS) as Format[];
