import { Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuditFailed, UsageError } from '../errors.js';
import { addDays } from '../extract/dates.js';
import { unknownHolidaysWarning } from '../working-days.js';
import { FILE_NAMES, FORMATS, RENDERERS, type Format } from '../report/index.js';
import type { Lang } from '../report/labels.js';
import type { AuditReport } from '../report/model.js';
import { printRendered, writeRendered } from '../report/rendered.js';
import { DEFAULT_PROFILE } from '../score/profile.js';
import { parseList } from './options.js';
import { byRegion, regionLabel } from '../registry/region.js';

export type FailOn = 'veto' | 'unqualified' | 'none';

export function reportOptions(defaults: { format?: string; out?: string } = {}): Option[] {
  const out = new Option('--out <dir>', 'write every format given by --format into this folder');
  return [
    new Option('--profile <name-or-file>', 'scoring profile: gov-2019, census-2015 or a JSON file').default(DEFAULT_PROFILE),
    new Option('--lang <lang>', 'report language').choices(['zh', 'en']).default('zh'),
    new Option('--format <formats>', `report format(s), comma-separated: ${FORMATS.join(', ')}`).default(defaults.format ?? 'terminal'),
    new Option('--output <file>', 'write the report to this file instead of stdout'),
    defaults.out ? out.default(defaults.out) : out,
    new Option('--fail-on <what>', 'exit 1 when a site has a veto, or is unqualified').choices(['veto', 'unqualified', 'none']).default('none'),
    new Option('--each-region', 'with --out: a folder of the report files for each region, from one scoring (a national sweep\'s reports for every province\'s office)'),
  ];
}

/** The report options read before any work (an audit's crawl takes hours): the formats known, `--each-region` with its folder. */
export function checkReportOptions(raw: RawReportOptions): void {
  parseFormats(raw.format);
  if (raw.eachRegion && raw.out === undefined) throw new UsageError('--each-region writes a folder per region: give --out DIR');
}

export interface RawReportOptions { profile: string; lang: Lang; format: string; output?: string; out?: string; failOn: FailOn;
  /** `--out DIR/<region>/` for each region of the run (未注明 for sites the registry places nowhere), from one scoring */
  eachRegion?: boolean }

export const parseFormats = (value: string): Format[] => parseList(value, FORMATS, '--format');

/** Renders the report to stdout, one file, or a folder of files; returns the files written. */
export function writeReports(report: AuditReport, raw: RawReportOptions): string[] {
  const formats = parseFormats(raw.format);
  // slow-replies counts the working days of the letters of the year before the as-of date
  const warning = unknownHolidaysWarning(addDays(report.asOf, -365), report.asOf, 'slow-replies');
  if (warning) process.stderr.write(`${warning}\n`);
  if (raw.out) {
    const files = raw.eachRegion
      ? byRegion(report.sites, (s) => s.region ?? null).flatMap(([region, sites]) =>
        writeReportFiles({ ...report, ...(region === null ? {} : { region }), sites }, formats, join(raw.out!, regionLabel(region, raw.lang)), raw.lang))
      : writeReportFiles(report, formats, raw.out, raw.lang);
    // the files are for mail and machines; the person at the terminal gets the summary
    printRendered(RENDERERS.terminal(report, { lang: raw.lang, color: Boolean(process.stdout.isTTY) }));
    return files;
  }
  if (formats.length !== 1) throw new UsageError('several formats need --out DIR');
  const format = formats[0]!;
  if (raw.output) {
    writeRendered(raw.output, RENDERERS[format](report, { lang: raw.lang }));
    return [raw.output];
  }
  printRendered(RENDERERS[format](report, { lang: raw.lang, color: Boolean(process.stdout.isTTY) }));
  return [];
}

/** Each format's file of the report in `dir` (made if need be); returns the files written. */
export function writeReportFiles(report: AuditReport, formats: readonly Format[], dir: string, lang: Lang): string[] {
  mkdirSync(resolve(dir), { recursive: true });
  return formats.map((f) => {
    const file = join(resolve(dir), FILE_NAMES[f]);
    writeRendered(file, RENDERERS[f](report, { lang }));
    return file;
  });
}

/** Throws AuditFailed (exit 1) when the report holds what --fail-on names. */
export function enforceFailOn(report: AuditReport, failOn: FailOn): void {
  if (failOn === 'none') return;
  const failing = report.sites.filter((s) => (failOn === 'veto' ? s.vetoes.length > 0 : s.verdict !== 'qualified'));
  if (failing.length > 0) throw new AuditFailed(`${failing.length} of ${report.sites.length} sites ${failOn === 'veto' ? 'have a veto' : 'are not qualified'}: ${failing.map((s) => s.id).join(', ')}`);
}
