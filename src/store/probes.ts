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
  /** it failed, and no control URL answered after it either, or its proxy could not be reached or refused it by policy: this machine's network failed, not the site (not counted) */
  controlFailed: boolean;
}

export function insertProbes(db: Db, probes: readonly Probe[]): void {
  const stmt = statement(db, `INSERT OR IGNORE INTO probes (site_id, url, at, ok, status, error_code, ms, fingerprint, newest, certificate, control_failed)
    VALUES (@siteId, @url, @at, @ok, @status, @errorCode, @ms, @fingerprint, @newest, @certificate, @controlFailed)`);
  db.transaction(() => {
    for (const p of probes) stmt.run({ ...p, ok: p.ok ? 1 : 0, controlFailed: p.controlFailed ? 1 : 0 });
  })();
}

/**
 * The monitoring week before the as-of date: the 7 × 24 hours that end with the site's latest probe
 * of the as-of day or the day before (a week of probing begun at 10:00 ends at 10:00: calendar days
 * would cut both ends short), else with the as-of day's end. UTC; probes after `start` and before
 * `dayEnd` (no probe lies between the latest one and it, so the week ends either way).
 */
function weekOf(db: Db, siteId: string, asOf: string): { start: string; dayEnd: string } {
  const dayEnd = new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY_MS).toISOString();
  const latest = (statement(db, `SELECT max(at) AS at FROM probes WHERE site_id = ? AND at < ?`).get(siteId, dayEnd) as { at: string | null }).at;
  const recent = latest !== null && Date.parse(latest) >= Date.parse(dayEnd) - 2 * DAY_MS;
  const end = recent ? latest : dayEnd;
  return { start: new Date(Date.parse(end) - 7 * DAY_MS).toISOString(), dayEnd };
}

/** A site's probes of the monitoring week before the as-of date that count: a failure of this machine's network (its control URLs failed too) says nothing of the site. */
export function probesOf(db: Db, siteId: string, asOf: string): Probe[] {
  const { start, dayEnd } = weekOf(db, siteId, asOf);
  return (statement(db, `SELECT site_id AS siteId, url, at, ok, status, error_code AS errorCode, ms, fingerprint, newest, certificate FROM probes
    WHERE site_id = ? AND at > ? AND at < ? AND control_failed = 0 ORDER BY at`).all(siteId, start, dayEnd) as (Omit<Probe, 'ok' | 'controlFailed'> & { ok: number })[])
    .map((p) => ({ ...p, ok: p.ok === 1, controlFailed: false }));
}

/** How many of a site's probes of that week were set aside (see NetworkControls). */
export function probesSetAside(db: Db, siteId: string, asOf: string): number {
  const { start, dayEnd } = weekOf(db, siteId, asOf);
  return (statement(db, `SELECT count(*) AS n FROM probes WHERE site_id = ? AND at > ? AND at < ? AND control_failed = 1`).get(siteId, start, dayEnd) as { n: number }).n;
}
