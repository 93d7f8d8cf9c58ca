import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { addWorkingDays, unknownHolidaysWarning } from '../../src/working-days.js';
import { cases } from '../helpers/cases.js';
import { runCli, startCli } from '../helpers/cli.js';
import { auditTwice, startFixtureFleet, TITLE_PAYLOAD } from '../helpers/fleet.js';
import { tmpDir } from '../helpers/tmp.js';
import { openDb } from '../../src/store/db.js';
import type { AuditReport } from '../../src/report/model.js';
import { validateReport as validate } from '../helpers/report-schema.js';

const SOFFICE = ['soffice', 'libreoffice'].find((bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0);

let fleet: FixtureFleet;
let file: string;
let runs: [number, number];
before(async () => ({ fleet, file, runs } = await auditTwice()));
after(() => fleet.close());

/** LibreOffice headless converts a file; returns the converted file's path. */
function convert(input: string, to: string, outDir: string): string {
  const profile = pathToFileURL(tmpDir()).href;
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, input], { encoding: 'utf8', timeout: 120_000 });
  const out = join(outDir, input.replace(/^.*\//, '').replace(/\.[a-z]+$/, `.${to.split(':')[0]}`));
  if (!existsSync(out)) throw new Error(`soffice could not convert ${input}: ${r.stdout} ${r.stderr}`);
  return out;
}

describe('rectification notices', () => {
  cases([
    ['2026-11-20', 15, '2026-12-11'], // a Friday: three weeks of working days
    ['2026-11-21', 1, '2026-11-23'], // Saturday → Monday
    ['2026-11-23', 5, '2026-11-30'],
    // the State Council's 2026 schedule: 10-01 to 10-07 off, Sunday 09-20 worked; 02-15 to 02-23 off, Saturday 02-14 worked
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2026-02-13', 2, '2026-02-24'],
    ['2026-09-21', 15, '2026-10-19'], // over the National Day week (a week later than weekdays alone)
    // 2027's schedule is not out yet: weekends only
    ['2026-12-18', 15, '2027-01-08'],
  ])('%s + %i working days = %s', (from: string, days: number, due: string) => {
    expect(addWorkingDays(from, days)).toBe(due);
  });

  it('a deadline in a year whose holidays the State Council has not yet set is said to count weekends only there', () => {
    const { code, stderr } = runCli(['notice', '--db', file, '--format', 'md', '--out', tmpDir(), '--date', '2026-12-18', '--site', '4401000003']);
    expect(code).toBe(0);
    expect(stderr).toBe(`1 notice(s) for run ${runs[1]} (as of 2026-11-16), deadline 2027-01-08\n`
      + 'warning: the State Council\'s holidays of 2027 are not known to this govsite (src/working-days.ts): the deadline leaves out weekends only there; check it against that year\'s holiday notice\n');
  });

  it('a report of a run whose letters reach a year whose holidays are not known says slow-replies counts weekends only there', () => {
    expect(unknownHolidaysWarning('2026-03-01', '2027-03-01', 'slow-replies')).toBe('warning: the State Council\'s holidays of 2027 are not known to this govsite (src/working-days.ts): slow-replies leaves out weekends only there; check it against that year\'s holiday notice');
    expect(unknownHolidaysWarning('2025-11-15', '2026-11-15', 'slow-replies')).toBeNull();
  });

  it('one per unqualified site and format, with every problem, its evidence page and id, and the deadline', () => {
    const out = tmpDir();
    const { code, stdout, stderr } = runCli(['notice', '--db', file, '--format', 'docx,md,html', '--out', out, '--date', '2026-11-20', '--office', '某市政务公开办']);
    expect(code).toBe(0);
    expect(stderr).toBe(`3 notice(s) for run ${runs[1]} (as of 2026-11-16), deadline 2026-12-11\n`);
    expect(stdout.trim().split('\n').map((f) => f.replace(/^.*\//, ''))).toEqual(['3408000002', '4401000003', '6201000005'].flatMap((id) => ['docx', 'md', 'html'].map((ext) => `notice-${id}.${ext}`)));
    const md = readFileSync(join(out, 'notice-4401000003.md'), 'utf8');
    expect(md).toContain('# 关于问题区人民政府存在问题的整改通知');
    expect(md).toContain('某市政务公开办于2026年11月16日对问题区人民政府');
    expect(md).toContain('于2026年12月11日前（15个工作日内）');
    expect(md).toContain('检查结论：不合格（单项否决：首页长期未更新、留言长期未回复）');
    const report = JSON.parse(runCli(['report', '--db', file, '--format', 'json']).stdout) as { sites: { id: string; findings: { id: string }[] }[] };
    const ids = report.sites.find((s) => s.id === '4401000003')!.findings.map((f) => f.id);
    expect(ids.length).toBe(13); // 11 still open from the first run, 2 new
    for (const id of ids) expect(md).toContain(id);
    // the veto problems come first
    expect(md).toMatch(/\| 1 \| 首页长期未更新 \| 单项否决 \| <http:\/\/127\.0\.0\.1:\d+\/> \| 最近更新：2026-08-01 \| 2026-11-15 \| homepage-not-updated-[0-9a-f]{10} \|/);
  });

  it('page text from the web stays text: escaped in HTML and Markdown', () => {
    const out = tmpDir();
    expect(runCli(['notice', '--db', file, '--site', '6201000005', '--format', 'html,md', '--out', out, '--date', '2026-11-20']).code).toBe(0);
    const html = readFileSync(join(out, 'notice-6201000005.html'), 'utf8');
    expect(html).toContain('生育登记服务办事指南&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(html.match(/<script/g)).toBeNull();
    expect(readFileSync(join(out, 'notice-6201000005.md'), 'utf8')).toContain('生育登记服务办事指南\\<script\\>window.\\_\\_pwned=1\\</script\\>\\<img src=x onerror="window.\\_\\_pwned=2"\\>');
  });

  it('an unknown --site is an input error', () => {
    const { code, stderr } = runCli(['notice', '--db', file, '--site', 'nope', '--out', tmpDir()]);
    expect(code).toBe(2);
    expect(stderr).toContain(`--site nope: not a site of run ${runs[1]}`);
  });

  it('the DOCX opens in LibreOffice: converted to PDF and to text, the problems and the payload are there as text', { skip: SOFFICE ? false : 'LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui; .ci/run does)' }, () => {
    const out = tmpDir();
    expect(runCli(['notice', '--db', file, '--site', '6201000005', '--out', out, '--date', '2026-11-20', '--lang', 'en']).code).toBe(0);
    const docx = join(out, 'notice-6201000005.docx');
    expect(readFileSync(convert(docx, 'pdf', out)).subarray(0, 5).toString()).toBe('%PDF-');
    const text = readFileSync(convert(docx, 'txt:Text', out), 'utf8');
    expect(text).toContain('Rectification notice: 沉睡县人民政府');
    expect(text).toContain('Rectify by 2026-12-11');
    expect(text).toContain(`生育登记服务办事指南${TITLE_PAYLOAD}`);
    expect(text.match(/services-not-practical-[0-9a-f]{10}/g)?.length).toBe(12); // six guides, in the problem table and the reply form
  });
});

describe('the quarterly bulletin', () => {
  it('2026Q4 over both runs: the latest check of each site, the unqualified list, and the notified problems still open', () => {
    const out = tmpDir();
    const { code, stderr } = runCli(['bulletin', '--db', file, '--quarter', '2026Q4', '--format', 'md,html,docx', '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toBe('2026Q4: 6 sites, 2 qualified, 3 unqualified, 1 not assessed, 3 with notified problems still open or not verifiable\n');
    const md = readFileSync(join(out, 'bulletin-2026Q4.md'), 'utf8');
    expect(md).toContain('# 2026年第4季度政府网站检查情况通报');
    // the bureau merged into the city's portal is named apart, out of the rate
    expect(md).toContain('开展2次检查（监测时间点：2026-11-15、2026-11-16），共检查政府网站6个，合格2个，合格率40.0 %。1个网站首页跳转至名录中的其他网站或上级域名的网站，视为已整合，不计入合格率，请核实后调整网站名录：示范市发展和改革委员会（3201000006） → 示范市人民政府（3201000001）。');
    // by region (the fleet's ids are its sites' administrative codes: 3201 南京, 4401 广州 …), and the unqualified sites listed with theirs
    expect(md).toContain('| 地区 | 检查数 | 合格数 | 合格率 |\n|---|---|---|---|\n| 江苏省 | 2 | 1 | 100.0 % |\n| 安徽省 | 1 | 0 | 0.0 % |\n| 广东省 | 1 | 0 | 0.0 % |\n| 云南省 | 1 | 1 | 100.0 % |\n| 甘肃省 | 1 | 0 | 0.0 % |\n');
    expect(md).toContain('| 广东省 | 问题区人民政府（4401000003） | 县级 | <');
    expect(md).toContain('上季度（2026Q3）无检查数据，无法比较。');
    const diff = JSON.parse(runCli(['diff', '--db', file, '--format', 'json']).stdout) as { sites: { id: string; open: { id: string }[]; fixed: { id: string }[]; new: { id: string }[] }[] };
    const trouble = diff.sites.find((s) => s.id === '4401000003')!;
    const row = md.split('\n').find((l) => l.startsWith('| 问题区人民政府（4401000003） | 2026-11-15 |'))!;
    for (const f of trouble.open) expect(row).toContain(f.id);
    for (const f of [...trouble.fixed, ...trouble.new]) expect(row).not.toContain(f.id);
    expect(existsSync(join(out, 'bulletin-2026Q4.html'))).toBe(true);
    expect(readFileSync(join(out, 'bulletin-2026Q4.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('without --quarter: the latest finished run\'s quarter, so far (what a sweep\'s merge job writes every month)', () => {
    const out = tmpDir();
    const { code, stdout, stderr } = runCli(['bulletin', '--db', file, '--format', 'md', '--out', out]);
    expect([code, stdout]).toEqual([0, `${join(out, 'bulletin-2026Q4.md')}\n`]);
    expect(stderr).toMatch(/^2026Q4: 6 sites, 2 qualified, 3 unqualified/);
    const empty = join(tmpDir(), 'empty.db');
    openDb(empty).close();
    expect(runCli(['bulletin', '--db', empty, '--out', tmpDir()])).toMatchObject({ code: 2, stderr: `govsite: ${empty}: holds no finished run: no quarter to write a bulletin of\n` });
  });

  it('a quarter without runs is an input error naming it', () => {
    const { code, stderr } = runCli(['bulletin', '--db', file, '--quarter', '2026Q1', '--out', tmpDir()]);
    expect(code).toBe(2);
    expect(stderr).toContain('--quarter 2026Q1: no finished run in the database has an as-of date from 2026-01-01 to 2026-03-31');
  });
});

describe('one region of a wider run (--region): a national sweep\'s report, notices and bulletin for one province\'s office', () => {
  it('report: that region\'s sites, named in the report, valid against the schema', () => {
    const { code, stdout } = runCli(['report', '--db', file, '--format', 'json', '--region', '江苏']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as AuditReport;
    expect([report.region, report.sites.map((s) => [s.id, s.region])]).toEqual(['江苏省', [['3201000001', '江苏省'], ['3201000006', '江苏省']]]);
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(runCli(['report', '--db', file, '--region', '甘肃省']).stdout).toMatch(/^govsite · 监测时间点 2026-11-16 · 评分标准 gov-2019 · 甘肃省 · 1 个网站\n/);
  });

  it('report --each-region: a folder of report files per region from one scoring, then the whole run\'s summary', () => {
    const out = tmpDir();
    const { code, stdout } = runCli(['report', '--db', file, '--each-region', '--format', 'json,md', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['云南省', '安徽省', '广东省', '江苏省', '甘肃省']);
    const yunnan = JSON.parse(readFileSync(join(out, '云南省', 'report.json'), 'utf8')) as AuditReport;
    expect([yunnan.region, yunnan.sites.map((s) => s.id)]).toEqual(['云南省', ['5301000004']]);
    expect(readdirSync(join(out, '江苏省')).sort()).toEqual(['report.json', 'report.md']);
    expect(stdout).toMatch(/^govsite · 监测时间点 2026-11-16 · 评分标准 gov-2019 · 6 个网站\n/);
    expect(runCli(['report', '--db', file, '--each-region', '--format', 'json'])).toMatchObject({ code: 2, stderr: 'govsite: --each-region writes a folder per region: give --out DIR\n' });
    expect(runCli(['report', '--db', file, '--each-region', '--region', '云南', '--out', out])).toMatchObject({ code: 2, stderr: 'govsite: --each-region writes every region\'s folder, and is not for one --region\n' });
  });

  it('audit --each-region: the main job writes every region\'s folder', async () => {
    const { fleet: own, registry } = await startFixtureFleet();
    try {
      const out = tmpDir();
      const { code } = await startCli(['audit', registry, '--db', join(out, 'g.db'), '--as-of', '2026-11-15', '--each-region', '--format', 'json', '--out', join(out, 'reports'), '--retries', '0']).done;
      expect(code).toBe(0);
      expect(readdirSync(join(out, 'reports')).sort()).toEqual(['云南省', '安徽省', '广东省', '江苏省', '甘肃省']);
    } finally {
      await own.close();
    }
  });

  it('runs scored by a version before regions: each site\'s region from the registry, for notices and the bulletin', () => {
    const old = join(tmpDir(), 'old.db');
    // a copy with what the WAL holds (a file copy has only what was checkpointed)
    const source = openDb(file, { readonly: true });
    source.exec(`VACUUM INTO '${old}'`);
    source.close();
    const db = openDb(old);
    db.exec(`UPDATE results SET report = json_remove(report, '$.region')`);
    expect(db.prepare(`SELECT count(*) AS n FROM results WHERE json_extract(report, '$.region') IS NOT NULL`).get()).toEqual({ n: 0 });
    db.close();
    const out = tmpDir();
    expect(runCli(['notice', '--db', old, '--region', '广东', '--format', 'md', '--out', out, '--date', '2026-11-20']).stdout).toBe(`${join(out, 'notice-4401000003.md')}\n`);
    expect(runCli(['bulletin', '--db', old, '--region', '安徽', '--format', 'md', '--out', out]).stderr).toMatch(/^2026Q4 安徽省: 1 sites/);
  });

  it('notice: the region\'s unqualified sites only', () => {
    const out = tmpDir();
    const { code, stdout } = runCli(['notice', '--db', file, '--region', '广东', '--format', 'md', '--out', out, '--date', '2026-11-20']);
    expect([code, stdout]).toEqual([0, `${join(out, 'notice-4401000003.md')}\n`]);
  });

  it('notice --each-region: each notice in its region\'s folder', () => {
    const out = tmpDir();
    const { code, stdout } = runCli(['notice', '--db', file, '--each-region', '--format', 'md', '--out', out, '--date', '2026-11-20']);
    expect(code).toBe(0);
    expect(stdout).toBe(['安徽省/notice-3408000002.md', '广东省/notice-4401000003.md', '甘肃省/notice-6201000005.md'].map((f) => `${join(out, f)}\n`).join(''));
  });

  it('bulletin --each-region: the whole one and every region\'s, from the runs read once', () => {
    const out = tmpDir();
    const { code, stdout } = runCli(['bulletin', '--db', file, '--each-region', '--format', 'md', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe(['', '-江苏省', '-安徽省', '-广东省', '-云南省', '-甘肃省'].map((r) => `${join(out, `bulletin-2026Q4${r}.md`)}\n`).join(''));
    expect(readFileSync(join(out, 'bulletin-2026Q4-甘肃省.md'), 'utf8')).toContain('共检查政府网站1个，合格0个，合格率0.0 %。');
    expect(runCli(['bulletin', '--db', file, '--each-region', '--region', '云南', '--out', out])).toMatchObject({ code: 2 });
  });

  it('bulletin: the region\'s sites, its name in the title and the file\'s', () => {
    const out = tmpDir();
    const { code, stdout, stderr } = runCli(['bulletin', '--db', file, '--region', '安徽', '--format', 'md', '--out', out]);
    expect([code, stdout, stderr]).toEqual([0, `${join(out, 'bulletin-2026Q4-安徽省.md')}\n`, '2026Q4 安徽省: 1 sites, 0 qualified, 1 unqualified, 1 with notified problems still open or not verifiable\n']);
    expect(readFileSync(join(out, 'bulletin-2026Q4-安徽省.md'), 'utf8')).toMatch(/^# 2026年第4季度安徽省政府网站检查情况通报\n/);
  });

  it('diff: the region\'s sites of both runs', () => {
    const diff = JSON.parse(runCli(['diff', '--db', file, '--format', 'json', '--region', '广东']).stdout) as { sites: { id: string }[] };
    expect(diff.sites.map((s) => s.id)).toEqual(['4401000003']);
  });

  cases([
    ['report', []],
    ['diff', []],
    ['notice', ['--out', 'x']],
    ['bulletin', ['--out', 'x']],
  ] as const)('%s --region of no site of the run: an input error naming the regions there are', (command, extra) => {
    const { code, stderr } = runCli([command, '--db', file, '--region', '四川', ...extra], { cwd: tmpDir() });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^govsite: --region 四川: no site (of run [12]|checked in 2026Q4) is in it \(its sites are in 江苏省、安徽省、广东省、云南省、甘肃省\)\n$/);
  });
});
