import type { Finding } from '../checks/types.js';
import { statement, type Db } from './db.js';

/** What a scored run stores per site: the report model's site entry, findings carrying their ids. */
export interface StoredResult {
  id: string;
  verdict: string;
  score: number | null;
  findings: (Finding & { id: string })[];
}

/** Replaces a run's stored results under one profile (scoring a run again refreshes them). */
export function saveResults(db: Db, runId: number, profile: string, sites: readonly StoredResult[]): void {
  const result = statement(db, `INSERT INTO results (run_id, site_id, profile, verdict, score, report) VALUES (?, ?, ?, ?, ?, ?)`);
  const finding = statement(db, `INSERT OR REPLACE INTO findings (run_id, site_id, profile, id, rule, url, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    statement(db, `DELETE FROM results WHERE run_id = ? AND profile = ?`).run(runId, profile);
    statement(db, `DELETE FROM findings WHERE run_id = ? AND profile = ?`).run(runId, profile);
    for (const s of sites) {
      // the findings live in their own table, once: a national run's are tens of megabytes
      const { findings: _findings, ...entry } = s;
      result.run(runId, s.id, profile, s.verdict, s.score, JSON.stringify(entry));
      for (const f of s.findings) finding.run(runId, s.id, profile, f.id, f.rule, f.url, JSON.stringify(f));
    }
  })();
}

/** The stored site entries of a scored run with their findings, or undefined when the run was not scored under this profile. */
export function storedResults<T extends { findings: unknown[] }>(db: Db, runId: number, profile: string): T[] | undefined {
  const rows = statement(db, `SELECT site_id, report FROM results WHERE run_id = ? AND profile = ? ORDER BY rowid`).all(runId, profile) as { site_id: string; report: string }[];
  if (!rows.length) return undefined;
  const findings = new Map<string, unknown[]>();
  for (const f of statement(db, `SELECT site_id, evidence FROM findings WHERE run_id = ? AND profile = ? ORDER BY rowid`).all(runId, profile) as { site_id: string; evidence: string }[]) {
    let list = findings.get(f.site_id);
    if (!list) findings.set(f.site_id, (list = []));
    list.push(JSON.parse(f.evidence));
  }
  return rows.map((r) => ({ ...(JSON.parse(r.report) as object), findings: findings.get(r.site_id) ?? [] }) as T);
}

/** For each finding id of a site: the as-of date of the earliest scored run (not after `asOf`) that had it. */
export function firstSeen(db: Db, siteId: string, profile: string, asOf: string): Map<string, string> {
  const rows = statement(db, `SELECT f.id, min(r.as_of) AS first FROM findings f JOIN runs r ON r.id = f.run_id
    WHERE f.site_id = ? AND f.profile = ? AND r.as_of <= ? GROUP BY f.id`).all(siteId, profile, asOf) as { id: string; first: string }[];
  return new Map(rows.map((r) => [r.id, r.first]));
}

export interface Sighting {
  kind: 'item' | 'letter';
  key: string;
  title: string;
  date: string | null;
}

/** Records that these items and letters were on the site as of this date (first/last seen widen, never shrink). */
export function recordSightings(db: Db, siteId: string, asOf: string, sightings: readonly Sighting[]): void {
  const stmt = statement(db, `INSERT INTO sightings (site_id, kind, key, title, date, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (site_id, kind, key) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen),
      title = excluded.title, date = coalesce(excluded.date, date)`);
  // an item listed on several pages (home page and column) is one sighting: the last title, the last date shown
  const once = new Map<string, Sighting>();
  for (const s of sightings) {
    const key = `${s.kind}\n${s.key}`;
    const earlier = once.get(key);
    once.set(key, earlier ? { ...s, date: s.date ?? earlier.date } : s);
  }
  db.transaction(() => {
    for (const s of once.values()) stmt.run(siteId, s.kind, s.key, s.title, s.date, asOf, asOf);
  })();
}
