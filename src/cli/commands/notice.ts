import { Command, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DOCUMENT_FORMATS } from '../../document/blocks.js';
import { writeDocument } from '../../document/write.js';
import { reportOf } from '../../history/stored-report.js';
import { noticeDocument } from '../../notice/document.js';
import { noticesOf } from '../../notice/model.js';
import type { Lang } from '../../report/labels.js';
import { DEFAULT_PROFILE, loadProfile } from '../../score/profile.js';
import { withDb } from '../../store/db.js';
import { unknownHolidaysWarning } from '../../working-days.js';
import { InputError } from '../../errors.js';
import { reportInnerPages } from '../inner-pages.js';
import { dbOption, parseAsOf, parseList, positiveInt, regionOption } from '../options.js';
import { regionSlice } from '../../report/region-slice.js';
import { regionLabel } from '../../registry/region.js';
import { runOf } from './check.js';

interface RawNoticeOptions { db: string; run?: string; site?: string; region?: string; eachRegion?: boolean; format: string; out: string; office: string; date?: string; workingDays: string; profile: string; lang: Lang }

export const noticeCommand = new Command('notice')
  .description('rectification notices (整改通知) for the unqualified sites of a run, one file per site and format')
  .addOption(dbOption())
  .option('--run <id>', 'run (default: the latest)')
  .option('--site <id>', 'only this site')
  .addOption(regionOption())
  .addOption(new Option('--each-region', 'the notices in a folder per region (a national sweep\'s for every province\'s office)'))
  .option('--format <formats>', 'docx, md, html (comma-separated)', 'docx')
  .option('--out <dir>', 'folder for the notices', 'notices')
  .option('--office <name>', 'the issuing office', '政府网站监管办公室')
  .option('--date <date>', 'date of the notice YYYY-MM-DD (default: today)')
  .option('--working-days <n>', 'deadline: working days from the notice date', '15')
  .option('--profile <name-or-file>', 'scoring profile', DEFAULT_PROFILE)
  .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
  .action(async (raw: RawNoticeOptions) => {
    const formats = parseList(raw.format, DOCUMENT_FORMATS, '--format');
    const profile = loadProfile(raw.profile);
    const date = parseAsOf(raw.date);
    return withDb(raw.db, async (db) => {
      const report = regionSlice(reportOf(db, runOf(db, raw.run), profile), raw.region);
      if (raw.site !== undefined && !report.sites.some((s) => s.id === raw.site)) throw new InputError(`--site ${raw.site}`, `not a site of run ${report.run}`);
      const notices = noticesOf(report, { office: raw.office, date, workingDays: positiveInt(raw.workingDays, '--working-days'), lang: raw.lang }, raw.site);
      // each in its region's folder, for that province's office, when asked
      for (const n of notices) {
        const dir = resolve(raw.out, raw.eachRegion ? regionLabel(n.site.region ?? null, raw.lang) : '.');
        mkdirSync(dir, { recursive: true });
        for (const format of formats) process.stdout.write(`${await writeDocument(noticeDocument(n), format, join(dir, `notice-${n.site.id.replace(/[^A-Za-z0-9_-]/g, '_')}`))}\n`);
      }
      process.stderr.write(`${notices.length} notice(s) for run ${report.run} (as of ${report.asOf}), deadline ${notices[0]?.deadline ?? '—'}\n`);
      const warning = notices[0] ? unknownHolidaysWarning(date, notices[0].deadline, 'the deadline') : null;
      if (warning) process.stderr.write(`${warning}\n`);
      const noticed = new Set(notices.map((n) => n.site.id));
      reportInnerPages(report.sites.filter((s) => noticed.has(s.id)), 'before sending');
    });
  });
