import { DAY_MS } from '../extract/dates.js';
import { statement, type Db } from './db.js';

export interface Probe {
  siteId: string;
  url: string;
  /** ISO time the probe started */
  at: string;
  ok: boolean;
  status: number | null;
  errorCode: string | null;
  ms: number;
  fingerprint: string | null;
  newest: string | null;
  /** the certificate fault the page opened despite (see HttpClient) */
  certificate: string | null;
}

export function insertProbes(db: Db, probes: readonly Probe[]): void {
  const stmt = statement(db, `INSERT OR IGNORE INTO probes (site_id, url, at, ok, status, error_code, ms, fingerprint, newest, certificate)
    VALUES (@siteId, @url, @at, @ok, @status, @errorCode, @ms, @fingerprint, @newest, @certificate)`);
  db.transaction(() => {
    for (const p of probes) stmt.run({ ...p, ok: p.ok ? 1 : 0 });
  })();
}

/**
 * A site's probes of the monitoring week before the as-of date: the 7 × 24 hours that end with its
 * latest probe of the as-of day or the day before (a week of probing begun at 10:00 ends at 10:00:
 * calendar days would cut both ends short), else with the as-of day's end. UTC.
 */
export function probesOf(db: Db, siteId: string, asOf: string): Probe[] {
  const dayEnd = new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY_MS).toISOString();
  const latest = (statement(db, `SELECT max(at) AS at FROM probes WHERE site_id = ? AND at < ?`).get(siteId, dayEnd) as { at: string | null }).at;
  const recent = latest !== null && Date.parse(latest) >= Date.parse(dayEnd) - 2 * DAY_MS;
  const end = recent ? latest : dayEnd;
  const start = new Date(Date.parse(end) - 7 * DAY_MS).toISOString();
  // after the start, before the as-of day's end: no probe lies between the latest one and it, so the week ends either way
  return (statement(db, `SELECT site_id AS siteId, url, at, ok, status, error_code AS errorCode, ms, fingerprint, newest, certificate FROM probes
    WHERE site_id = ? AND at > ? AND at < ? ORDER BY at`).all(siteId, start, dayEnd) as (Omit<Probe, 'ok'> & { ok: number })[])
    .map((p) => ({ ...p, ok: p.ok === 1 }));
}
