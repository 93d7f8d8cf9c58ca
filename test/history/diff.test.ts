import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import type { FixtureFleet } from '../../src/fixture-server/server.js';
import { diffSites, type RunDiff } from '../../src/history/diff.js';
import type { ReportedFinding, SiteReport } from '../../src/report/model.js';
import { cases } from '../helpers/cases.js';
import type { Db } from '../../src/store/db.js';
import { reportOf } from '../../src/history/stored-report.js';
import { scoreRun } from '../../src/history/score-run.js';
import { loadProfile } from '../../src/score/profile.js';
import { runCli } from '../helpers/cli.js';
import { auditTwice } from '../helpers/fleet.js';

let fleet: FixtureFleet;
let db: Db;
let file: string;
let runs: [number, number];
before(async () => ({ fleet, db, file, runs } = await auditTwice()));
after(() => fleet.close());

/** What the sightings table says of a site's items or letters, oldest sighting first. */
const sightingsOf = (db: Db, siteId: string, kind: 'item' | 'letter') =>
  db.prepare(`SELECT key, title, date, first_seen AS firstSeen, last_seen AS lastSeen FROM sightings WHERE site_id = ? AND kind = ? ORDER BY first_seen, key`)
    .all(siteId, kind) as { key: string; title: string; date: string | null; firstSeen: string; lastSeen: string }[];

const brief = (f: { rule: string; url: string; target?: unknown; column?: unknown }) => `${f.rule} ${new URL(f.url).pathname} ${f.target ? new URL(String(f.target)).pathname : f.column ?? ''}`.trim();

describe('govsite diff between two audits of the fixture fleet', () => {
  it('reports exactly the fixed and the new problems of the rectified site, and nothing for the others', () => {
    const { code, stdout } = runCli(['diff', '--db', file, '--format', 'json']);
    expect(code).toBe(0);
    const diff = JSON.parse(stdout) as RunDiff;
    // written a site at a time, as JSON.stringify(diff, null, 2) would write it whole
    expect(stdout).toBe(`${JSON.stringify(diff, null, 2)}\n`);
    expect(diff.from).toEqual({ run: runs[0], asOf: '2026-11-15' });
    expect(diff.to).toEqual({ run: runs[1], asOf: '2026-11-16' });
    const changes = diff.sites.map((s) => ({ id: s.id, fixed: s.fixed.map(brief).sort(), new: s.new.map(brief).sort(), verdict: s.verdict }));
    expect(changes).toEqual([
      { id: '3201000001', fixed: [], new: [], verdict: { from: 'qualified', to: 'qualified' } },
      { id: '3408000002', fixed: [], new: [], verdict: { from: 'unqualified', to: 'unqualified' } },
      {
        id: '4401000003',
        fixed: ['column-empty /tzgg/index.html 通知公告', 'dead-link / /soft404.html'],
        new: ['dead-link / /xxgk/index.html', 'dead-link /tzgg/index.html /tzgg/2026/1116/n1.html'],
        verdict: { from: 'unqualified', to: 'unqualified' },
      },
      { id: '5301000004', fixed: [], new: [], verdict: { from: 'qualified', to: 'qualified' } },
      { id: '6201000005', fixed: [], new: [], verdict: { from: 'unqualified', to: 'unqualified' } },
      { id: '3201000006', fixed: [], new: [], verdict: { from: 'not-assessed', to: 'not-assessed' } },
    ]);
    const trouble = diff.sites.find((s) => s.id === '4401000003')!;
    // still open: the same problems under the same ids, first seen in the first run
    expect(trouble.open.map((f) => f.rule).sort()).toEqual(['column-stale', 'dead-link', 'dead-link', 'dead-link', 'homepage-not-updated', 'interview-inactive', 'letter-unanswered', 'letter-unanswered', 'no-published-replies', 'reply-boilerplate', 'survey-inactive']);
    expect(new Set(trouble.open.map((f) => f.firstSeen))).toEqual(new Set(['2026-11-15']));
    expect(new Set(trouble.new.map((f) => f.firstSeen))).toEqual(new Set(['2026-11-16']));
  });

  it('the Markdown diff names the rectified site with its counts and evidence', () => {
    const { code, stdout } = runCli(['diff', '--db', file, '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain(`# Problems between runs: run ${runs[0]} (2026-11-15) → run ${runs[1]} (2026-11-16) · gov-2019`);
    expect(stdout).toContain('| 问题区人民政府 (4401000003) | unqualified → unqualified | 2 | 11 | 2 |');
    expect(stdout).toMatch(/### fixed \(2\)\n\n- Dead link `dead-link-[0-9a-f]{10}` <http:\/\/127\.0\.0\.1:\d+\/> — link: http:\/\/127\.0\.0\.1:\d+\/soft404\.html; status: 200 \\\(the page says it is missing \\\(soft 404\\\)\\\); on home page: yes; text: 政策解读\n- Empty column `column-empty-[0-9a-f]{10}` <http:\/\/127\.0\.0\.1:\d+\/tzgg\/index\.html> — column: 通知公告\n/);
    expect(stdout).not.toContain('## 示范市人民政府'); // unchanged sites get a table row, not a section
  });

  it('a stored run reads back exactly as it was scored (site entries and their findings, in order)', () => {
    const profile = loadProfile('gov-2019');
    const stored = reportOf(db, runs[1], profile);
    expect(stored).toEqual(scoreRun(db, runs[1], profile));
    expect(stored.sites.reduce((n, s) => n + s.findings.length, 0)).toBeGreaterThan(50);
  });

  it('items and letters keep the date they were first seen; the new notice is first seen in the second run', () => {
    const items = sightingsOf(db, '4401000003', 'item');
    const notice = items.find((i) => i.key.endsWith('/tzgg/2026/1116/n1.html'));
    const typhoon = items.find((i) => i.key.endsWith('/gzdt/2026/0801/a1.html'));
    expect(notice).toMatchObject({ title: '关于开展安全生产检查的通知', date: '2026-11-16', firstSeen: '2026-11-16', lastSeen: '2026-11-16' });
    expect(typhoon).toMatchObject({ firstSeen: '2026-11-15', lastSeen: '2026-11-16' });
    expect(sightingsOf(db, '4401000003', 'letter').map((l) => [l.title, l.firstSeen, l.lastSeen])).toContainEqual(['关于拖欠工资的求助', '2026-11-15', '2026-11-16']);
  });
});

describe('a problem is fixed only where the later run could judge its rule', () => {
  const finding = (rule: string, id: string) => ({ rule, id, url: 'http://x.gov.cn/', firstSeen: '2026-10-15' }) as ReportedFinding;
  const before = { id: 'x', name: '某县', url: 'http://x.gov.cn/', verdict: 'unqualified', score: null, notAssessed: [],
    findings: [finding('dead-link', 'd1'), finding('letter-unanswered', 'l1'), finding('column-stale', 'c1')] } as unknown as SiteReport;
  const after = (findings: ReportedFinding[], notAssessed: string[], verdict = 'unqualified') => ({ ...before, verdict, findings, notAssessed }) as unknown as SiteReport;
  cases([
    ['every rule judged: gone is fixed', after([finding('column-stale', 'c1')], []), ['d1', 'l1'], ['c1'], []],
    // the site went down (or walled itself off): nothing of it was read, nothing is known fixed
    ['its home page not read', after([], ['dead-link', 'letters-unanswered', 'column-stale', 'homepage-not-updated'], 'not-assessed'), [], [], ['d1', 'l1', 'c1']],
    // a finer finding (letter-unanswered) counts for its rule (letters-unanswered): its mailbox lists its letters by script now
    ['one rule not judged', after([], ['letters-unanswered']), ['d1', 'c1'], [], ['l1']],
  ])('%s', (_what, later: SiteReport, fixed: string[], open: string[], unverified: string[]) => {
    const [d] = diffSites([before], [later]);
    expect({ fixed: d!.fixed.map((f) => f.id), open: d!.open.map((f) => f.id), unverified: d!.unverified.map((f) => f.id) }).toEqual({ fixed, open, unverified });
  });
});
