import { Command, Option } from 'commander';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bulletinDocument } from '../../bulletin/document.js';
import { buildBulletin, latestQuarter, parseQuarter, runSites, type Bulletin } from '../../bulletin/model.js';
import { UsageError } from '../../errors.js';
import type { Lang } from '../../report/labels.js';
import { DEFAULT_PROFILE, loadProfile } from '../../score/profile.js';
import { withDb } from '../../store/db.js';
import { reportInnerPages } from '../inner-pages.js';
import { dbOption, parseList, regionOption } from '../options.js';
import { DOCUMENT_FORMATS } from '../../document/blocks.js';
import { writeDocument } from '../../document/write.js';

export const bulletinCommand = new Command('bulletin')
  .description('the quarterly bulletin (通报) over the runs whose as-of date falls in the quarter')
  .addOption(dbOption())
  .addOption(regionOption())
  .addOption(new Option('--each-region', 'the bulletin of every region too, beside the whole one (a national sweep\'s for every province\'s office)'))
  .option('--quarter <YYYYQn>', 'the quarter, e.g. 2026Q4 (default: the latest finished run\'s, so far)')
  .addOption(new Option('--format <formats>', 'html, md, docx (comma-separated)').default('html'))
  .option('--out <dir>', 'folder for the bulletin', '.')
  .option('--office <name>', 'the issuing office', '政府网站监管办公室')
  .option('--profile <name-or-file>', 'scoring profile', DEFAULT_PROFILE)
  .addOption(new Option('--lang <lang>', 'language').choices(['zh', 'en']).default('zh'))
  .action(async (raw: { db: string; region?: string; eachRegion?: boolean; quarter?: string; format: string; out: string; office: string; profile: string; lang: Lang }) => {
    const formats = parseList(raw.format, DOCUMENT_FORMATS, '--format');
    const given = raw.quarter === undefined ? undefined : parseQuarter(raw.quarter);
    const profile = loadProfile(raw.profile);
    if (raw.eachRegion && raw.region !== undefined) throw new UsageError('--each-region writes every region\'s bulletin, and is not for one --region');
    return withDb(raw.db, async (db) => {
      const quarter = given ?? latestQuarter(db);
      const dir = resolve(raw.out);
      mkdirSync(dir, { recursive: true });
      const write = async (bulletin: Bulletin) => {
        // a province's bulletin beside the others of a national sweep
        for (const format of formats) process.stdout.write(`${await writeDocument(bulletinDocument(bulletin, raw.lang, raw.office), format, join(dir, `bulletin-${quarter.label}${bulletin.region ? `-${bulletin.region}` : ''}`))}\n`);
        const unassessed = bulletin.notAssessed.length ? `, ${bulletin.notAssessed.length} not assessed` : '';
        process.stderr.write(`${quarter.label}${bulletin.region ? ` ${bulletin.region}` : ''}: ${bulletin.stats.checked} sites, ${bulletin.stats.qualified} qualified, ${bulletin.unqualified.length} unqualified${unassessed}, ${bulletin.stillOpen.length} with notified problems still open or not verifiable\n`);
      };
      const sitesOf = runSites(db, profile);
      const bulletin = buildBulletin(db, quarter, profile, raw.region, sitesOf);
      await write(bulletin);
      // each region's from the runs read once; sites the registry places nowhere are in the whole one only
      if (raw.eachRegion) for (const { region } of bulletin.byRegion) if (region !== null) await write(buildBulletin(db, quarter, profile, region, sitesOf));
      reportInnerPages(bulletin.unqualified, 'before publishing');
    });
  });
