/**
 * Renders the pictures in docs/: the HTML report of the fixture fleet (headless Chromium) and the
 * first page of a rectification notice (DOCX → PDF by LibreOffice → PNG by pdftoppm).
 * Needs: apt-get install -y chromium libreoffice-writer-nogui poppler-utils fonts-wqy-zenhei
 * Run: npm run docs:images
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crawlRegistry } from '../src/crawl/run-crawl.js';
import { FixtureFleet } from '../src/fixture-server/server.js';
import { scoreRun } from '../src/history/score-run.js';
import { noticeDocument } from '../src/notice/document.js';
import { noticesOf } from '../src/notice/model.js';
import { documentToDocx } from '../src/document/to-docx.js';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../src/paths.js';
import { RENDERERS } from '../src/report/index.js';
import { writeRendered } from '../src/report/rendered.js';
import { loadProfile } from '../src/score/profile.js';
import { openDb } from '../src/store/db.js';
import { openInChromium } from '../test/helpers/chromium.js';
import { TEST_CRAWL } from '../test/helpers/crawl.js';

const DOCS = join(PACKAGE_ROOT, 'docs');
const work = mkdtempSync(join(tmpdir(), 'govsite-docs-'));
const fleet = await FixtureFleet.startDir(join(FIXTURES_DIR, 'sites'));
try {
  const registry = join(work, 'fleet.csv');
  writeFileSync(registry, fleet.resolve(readFileSync(join(FIXTURES_DIR, 'fleet.csv'), 'utf8')));
  const db = openDb(join(work, 'govsite.db'));
  const { run } = await crawlRegistry(db, { registry, asOf: '2026-11-15', resume: false, options: TEST_CRAWL });
  const report = scoreRun(db, run.id, loadProfile('gov-2019'));

  const html = join(work, 'report.html');
  writeRendered(html, RENDERERS.html(report, { lang: 'zh' }));
  const page = await openInChromium(pathToFileURL(html).href);
  writeFileSync(join(DOCS, 'report.png'), await page.screenshot(1280, 2000));
  await page.close();

  const [notice] = noticesOf(report, { office: '某市政务公开办', date: '2026-11-20', workingDays: 15, lang: 'zh' }, '6201000005');
  const docx = join(work, 'notice.docx');
  writeFileSync(docx, await documentToDocx(noticeDocument(notice!)));
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(work, 'lo')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-png', '-r', '90', '-f', '1', '-l', '1', '-singlefile', join(work, 'notice.pdf'), join(work, 'notice')]);
  renameSync(join(work, 'notice.png'), join(DOCS, 'notice.png'));
  db.close();
  process.stdout.write(`wrote ${join(DOCS, 'report.png')} and ${join(DOCS, 'notice.png')}\n`);
} finally {
  await fleet.close();
}
