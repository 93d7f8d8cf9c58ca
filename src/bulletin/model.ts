import { ruleOfFinding } from '../checks/index.js';
import { diffSites } from '../history/diff.js';
import { reportOf } from '../history/stored-report.js';
import type { ReportedFinding, SiteReport } from '../report/model.js';
import type { Profile } from '../score/profile.js';
import { statement, type Db } from '../store/db.js';
import { InputError } from '../errors.js';
import { statsOf, type VerdictStats } from '../report/verdict-stats.js';
import { byRegion, regionNamed } from '../registry/region.js';
import { inRegion } from '../report/region-slice.js';

export interface Quarter { year: number; q: number; start: string; end: string; label: string }

export function parseQuarter(value: string): Quarter {
  const m = /^(\d{4})Q([1-4])$/i.exec(value.trim());
  if (!m) throw new InputError('--quarter', `must look like 2026Q4, got "${value}"`);
  return quarterOf(Number(m[1]), Number(m[2]));
}

function quarterOf(year: number, q: number): Quarter {
  const start = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { year, q, start, end, label: `${year}Q${q}` };
}

/** The quarter of the latest finished run's as-of date: the bulletin a sweep's merge job writes each month, the quarter so far. */
export function latestQuarter(db: Db): Quarter {
  const latest = db.prepare(`SELECT as_of AS asOf FROM runs WHERE finished_at IS NOT NULL ORDER BY as_of DESC LIMIT 1`).get() as { asOf: string } | undefined;
  if (!latest) throw new InputError(db.name, 'holds no finished run: no quarter to write a bulletin of');
  return quarterOf(Number(latest.asOf.slice(0, 4)), Math.ceil(Number(latest.asOf.slice(5, 7)) / 3));
}

export const previousQuarter = (x: Quarter): Quarter => (x.q === 1 ? quarterOf(x.year - 1, 4) : quarterOf(x.year, x.q - 1));

/** A site's last checked state in a period: the site entry of the latest run (by as-of) that audited it. */
interface Checked { site: SiteReport; run: number; asOf: string }

/** A notified site's problems its latest check still found, and those it could not judge (its home page unread, say): not known to be fixed. */
export interface StillOpen { site: SiteReport; since: { run: number; asOf: string }; findings: ReportedFinding[]; unverified: ReportedFinding[] }

/** Everything the quarterly bulletin says, computed from the stored runs of the quarter and before. */
export interface Bulletin {
  quarter: Quarter;
  /** the one region whose sites it covers (`--region`), else null: every site of the runs */
  region: string | null;
  profile: string;
  runs: { id: number; asOf: string }[];
  sites: SiteReport[];
  stats: VerdictStats;
  byLevel: { level: string | null; stats: VerdictStats }[];
  /** by the region the registry puts each site in (see regionOf), in the bulletins' order: several when the sweep covered several provinces */
  byRegion: { region: string | null; stats: VerdictStats }[];
  /** of the sites assessed: a site whose pages govsite could not read has no health it can publish (it is named in `notAssessed`) */
  byHealth: Record<SiteReport['health'], number>;
  unqualified: SiteReport[];
  /** sites govsite could not assess (their home page unread, a check failed): for an inspector to check by hand */
  notAssessed: SiteReport[];
  commonProblems: { rule: string; sites: number }[];
  stillOpen: StillOpen[];
  /** sites whose check before their latest found them unqualified (a notice was due) */
  notified: number;
  previous: { quarter: Quarter; stats: VerdictStats } | null;
}

/** The quarter's runs whose crawl finished: one stopped and never resumed (a sweep started again as a new run) says nothing whole (see finishedRun). */
function runsIn(db: Db, q: Quarter): { id: number; asOf: string }[] {
  return db.prepare(`SELECT id, as_of AS asOf FROM runs WHERE as_of >= ? AND as_of <= ? AND finished_at IS NOT NULL ORDER BY as_of, id`).all(q.start, q.end) as { id: number; asOf: string }[];
}

/** Each run's site entries by site id, read (or scored) once however many sites look back at it. */
export type RunSites = (runId: number) => Map<string, SiteReport>;

export function runSites(db: Db, profile: Profile): RunSites {
  const read = new Map<number, Map<string, SiteReport>>();
  return (runId) => {
    let sites = read.get(runId);
    if (!sites) read.set(runId, (sites = new Map(reportOf(db, runId, profile).sites.map((s) => [s.id, s]))));
    return sites;
  };
}

/** Per site, the latest of the given runs that checked it. */
function latestPerSite(runs: readonly { id: number; asOf: string }[], sitesOf: RunSites): Map<string, Checked> {
  const latest = new Map<string, Checked>();
  for (const run of runs) for (const site of sitesOf(run.id).values()) latest.set(site.id, { site, run: run.id, asOf: run.asOf });
  return latest;
}

const HEALTHS = ['active', 'sleeping', 'zombie', 'down'] as const;

export const healthOfAssessed = (sites: readonly Pick<SiteReport, 'verdict' | 'health'>[]): Bulletin['byHealth'] =>
  Object.fromEntries(HEALTHS.map((h) => [h, sites.filter((s) => s.verdict !== 'not-assessed' && s.health === h).length])) as Bulletin['byHealth'];

/** `region`: only its sites (a province's office's bulletin of a national sweep); `sitesOf`: the runs read for another region's */
export function buildBulletin(db: Db, quarter: Quarter, profile: Profile, region?: string, sitesOf: RunSites = runSites(db, profile)): Bulletin {
  const runs = runsIn(db, quarter);
  if (!runs.length) throw new InputError(`--quarter ${quarter.label}`, `no finished run in the database has an as-of date from ${quarter.start} to ${quarter.end}`);
  const everywhere = latestPerSite(runs, sitesOf);
  const latest = region === undefined ? everywhere
    : new Map(inRegion([...everywhere], region, ([, c]) => c.site.region, `checked in ${quarter.label}`));
  const sites = [...latest.values()].map((c) => c.site);
  const wanted = region === undefined ? null : regionNamed(region);
  const levels = [...new Set(sites.map((s) => s.level))];
  const ruleSites = new Map<string, number>();
  for (const s of sites) for (const rule of new Set(s.findings.map((f) => ruleOfFinding(f.rule)))) ruleSites.set(rule, (ruleSites.get(rule) ?? 0) + 1);
  const prevQuarter = previousQuarter(quarter);
  const prevRuns = runsIn(db, prevQuarter);
  return {
    quarter, region: wanted, profile: profile.name, runs, sites,
    stats: statsOf(sites),
    byLevel: levels.map((level) => ({ level, stats: statsOf(sites.filter((s) => s.level === level)) })),
    byRegion: byRegion(sites, (s) => s.region ?? null).map(([region, group]) => ({ region, stats: statsOf(group) })),
    byHealth: healthOfAssessed(sites),
    unqualified: sites.filter((s) => s.verdict === 'unqualified'),
    notAssessed: sites.filter((s) => s.verdict === 'not-assessed'),
    commonProblems: [...ruleSites].map(([rule, n]) => ({ rule, sites: n })).sort((a, b) => b.sites - a.sites || a.rule.localeCompare(b.rule)),
    ...followUp(db, latest, sitesOf),
    // last quarter's of the same region (it may have none)
    previous: prevRuns.length ? { quarter: prevQuarter, stats: statsOf([...latestPerSite(prevRuns, sitesOf).values()].map((c) => c.site).filter((s) => wanted === null || s.region === wanted)) } : null,
  };
}

/**
 * Problems a notice named that are still there: for each site, its check before the latest one —
 * when that check found it unqualified (a notice was due) — and the findings of it the latest still
 * has, or could not judge (a site that went down or walled itself off has not fixed anything).
 */
function followUp(db: Db, latest: Map<string, Checked>, sitesOf: RunSites): { stillOpen: StillOpen[]; notified: number } {
  const result: StillOpen[] = [];
  let notified = 0;
  for (const { site, run, asOf } of latest.values()) {
    const earlier = statement(db, `SELECT r.id, r.as_of AS asOf FROM runs r JOIN run_sites rs ON rs.run_id = r.id
      WHERE rs.site_id = ? AND (r.as_of < ? OR (r.as_of = ? AND r.id < ?)) ORDER BY r.as_of DESC, r.id DESC LIMIT 1`).get(site.id, asOf, asOf, run) as { id: number; asOf: string } | undefined;
    if (!earlier) continue;
    const before = sitesOf(earlier.id).get(site.id);
    if (before?.verdict !== 'unqualified') continue;
    notified++;
    const { open, unverified } = diffSites([before], [site])[0]!;
    if (open.length || unverified.length) result.push({ site, since: { run: earlier.id, asOf: earlier.asOf }, findings: open, unverified });
  }
  return { stillOpen: result, notified };
}
