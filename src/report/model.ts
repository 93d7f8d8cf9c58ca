import { readFileSync } from 'node:fs';
import { ALL_CHECKS } from '../checks/index.js';
import { runCheck } from '../checks/run.js';
import type { CheckFacts, CheckResult, Finding } from '../checks/types.js';
import { chinaDate } from '../extract/dates.js';
import { homeObservations } from '../facts/home-observations.js';
import { innerPageOf } from '../facts/inner-page.js';
import { loadSiteFacts } from '../facts/site-facts.js';
import type { LetterStats } from '../facts/letter-stats.js';
import { PACKAGE_ROOT } from '../paths.js';
import { healthOf, type Health } from '../score/health.js';
import type { Profile } from '../score/profile.js';
import { scoreSite, type SiteScore } from '../score/score.js';
import { statement, type Db } from '../store/db.js';
import { crawlStats, lastVerdicts } from '../store/link-status.js';
import { firstSeen } from '../store/history.js';
import { probesOf } from '../store/probes.js';
import { tightenHeapGrowth } from '../heap-growth.js';
import { scorableRun, type MergedInto, type Run } from '../store/runs.js';
import { findingIds } from '../history/finding-id.js';
import { knownSites, siteRegions, sitesOfRun } from '../store/sites.js';
import { RegisteredSites } from '../crawl/registered-sites.js';
import { join } from 'node:path';

/** The SPEC §6 JSON contract: the only input of every renderer. */
export interface AuditReport {
  schemaVersion: 1;
  tool: { name: 'govsite'; version: string };
  asOf: string;
  profile: string;
  run: number;
  /** the spot-check sample the run audited (`govsite sample`), when it was one */
  sample?: string;
  /** the region whose sites this report shows (`--region`), when it shows one region's of a wider run */
  region?: string;
  sites: SiteReport[];
}

/** A finding as reported: its stable id and the as-of date of the first scored run that had it. */
export type ReportedFinding = Finding & { id: string; firstSeen: string };

export type ColumnList = 'read' | 'not-crawled' | 'script';

export interface SiteReport extends SiteScore {
  id: string;
  name: string | null;
  url: string;
  level: string | null;
  /** the province-level region the registry puts it in (see regionOf), null when it does not say; absent from reports stored by earlier versions */
  region?: string | null;
  /** the home page's certificate failed verification (Node's reason: CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …); read all the same */
  certificate: string | null;
  /** the home page only says the site has closed or moved: its sentence (the site is then not assessed, and down); absent from reports stored by earlier versions */
  closed?: string | null;
  /** the home page leads into another registered site: merged into it (the site is then not assessed, and down); absent from reports stored by earlier versions */
  mergedInto?: MergedInto | null;
  /** its home page was not read: the status or failure code the run last got for it (404, ENOTFOUND, EPROXYDENIED …), else null; absent from reports stored by earlier versions */
  homeStatus?: string | null;
  /** its registered address is an inner page of the site at this root (its own 首页 link says): audited as registered, the registry to check; absent from reports stored by earlier versions */
  innerPageOf?: string | null;
  health: Health;
  findings: ReportedFinding[];
  /** home page availability probes of the monitoring week before the as-of date (see probesOf) */
  probes: { count: number; failed: number; failRate: number | null };
  /** `list`: what govsite read of the column's list — read, its page not crawled, or filled by script (unknown without a browser) */
  columns: { name: string; url: string; category: string; lastUpdate: string | null; empty: boolean; items: number; list: ColumnList }[];
  letters: LetterStats;
  stats: { pages: number; links: number; deadLinks: number; homepageDeadLinks: number; bytes: number; durationMs: number | null };
}

export const TOOL_VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** Stored facts of a run → checks → scores → the report model. Reads SQLite only. */
export function buildReport(db: Db, runId: number, profile: Profile, observe?: (siteId: string, facts: CheckFacts, asOf: string) => void): AuditReport {
  const run = scorableRun(db, runId);
  tightenHeapGrowth();
  const verdicts = lastVerdicts(db, runId);
  const stats = new Map(crawlStats(db, runId, verdicts).map((s) => [s.siteId, s]));
  const crawled = new Map((statement(db, `SELECT site_id, started_at, finished_at FROM run_sites WHERE run_id = ?`).all(runId) as { site_id: string; started_at: string | null; finished_at: string | null }[])
    .map((r) => [r.site_id, { durationMs: r.started_at && r.finished_at ? Date.parse(r.finished_at) - Date.parse(r.started_at) : null, readOn: r.finished_at && chinaDate(r.finished_at) }]));
  const rules = new Map(profile.rules.filter((r) => r.kind !== 'off').map((r) => [r.rule, r]));
  const registered = new RegisteredSites(knownSites(db));
  const regions = siteRegions(db);
  const sites = sitesOfRun(db, runId).map((site): SiteReport => {
    const siteFacts = loadSiteFacts(db, runId, site, run.asOf, verdicts);
    const facts: CheckFacts = { ...siteFacts, brokenLinks: stats.get(site.id)?.broken ?? [], portal: site.portal, level: site.level,
      probes: probesOf(db, site.id, run.asOf), homeObservations: homeObservations(db, site, run.asOf, { runId, home: siteFacts.home }), readOn: crawled.get(site.id)?.readOn ?? null };
    observe?.(site.id, facts, run.asOf);
    const results = new Map<string, CheckResult>();
    for (const check of ALL_CHECKS) {
      const rule = rules.get(check.meta.id);
      if (rule) results.set(check.meta.id, runCheck(check, facts, run.asOf, rule.options));
    }
    const offersServices = facts.guides.length > 0 || facts.columns.some((c) => c.category === 'service');
    const score = scoreSite(results, profile, { level: site.level, offersServices });
    const s = stats.get(site.id);
    const found = [...results.values()].flatMap((r) => (r.kind === 'findings' ? r.findings.map(({ class: _class, ...f }) => f as Finding) : []));
    const ids = findingIds(site.id, site.url, found);
    const seen = firstSeen(db, site.id, profile.name, run.asOf);
    const failed = facts.probes.filter((p) => !p.ok).length;
    return {
      id: site.id, name: site.name, url: site.url, level: site.level, region: regions.get(site.id) ?? null, certificate: s?.homepageCertificate ?? null, closed: facts.home?.closedNotice ?? null, mergedInto: facts.mergedInto,
      homeStatus: facts.home || facts.mergedInto ? null : s?.homepageStatus ?? null,
      innerPageOf: facts.home ? innerPageOf(db, runId, site, registered) : null,
      ...score,
      health: healthOf(facts, s?.homepageLinks ?? 0, run.asOf),
      findings: found.map((f, i) => ({ ...f, id: ids[i]!, firstSeen: seen.get(ids[i]!) ?? run.asOf })),
      probes: { count: facts.probes.length, failed, failRate: facts.probes.length ? round4(failed / facts.probes.length) : null },
      columns: facts.columns.map((c) => ({ name: c.name, url: c.url, category: c.category, lastUpdate: c.lastUpdate, empty: c.empty, items: c.items,
        list: c.scripted ? 'script' : c.seen ? 'read' : 'not-crawled' })),
      letters: facts.letterStats,
      stats: {
        pages: s?.pages ?? 0, links: s?.links ?? 0, deadLinks: new Set(facts.brokenLinks.map((b) => b.target)).size,
        homepageDeadLinks: s?.homepageBrokenLinks ?? 0, bytes: s?.bytes ?? 0, durationMs: crawled.get(site.id)?.durationMs ?? null,
      },
    };
  });
  return { ...reportHeader(run, profile.name), sites };
}

/** Everything of the report but its sites: the tool, the run, its as-of date and the sample it audited. */
export function reportHeader(run: Run, profile: string): Omit<AuditReport, 'sites'> {
  const sample = typeof run.options['sample'] === 'string' ? { sample: run.options['sample'] } : {};
  return { schemaVersion: 1, tool: { name: 'govsite', version: TOOL_VERSION }, asOf: run.asOf, profile, run: run.id, ...sample };
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
