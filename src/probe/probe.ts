import PQueue from 'p-queue';
import { HttpClient } from '../crawl/http-client.js';
import { isBotWall } from '../crawl/outcome.js';
import { followRedirects, withCookie } from '../crawl/redirects.js';
import { decodeHtml } from '../extract/decode.js';
import { extractPage } from '../extract/page.js';
import { homeFingerprint } from '../facts/home-observations.js';
import type { Probe } from '../store/probes.js';

export interface ProbeTarget {
  siteId: string;
  url: string;
}

/**
 * One probe of a home page as the rule defines it: the page opened (a 2xx after redirects, body
 * read, or a bot wall's challenge) within the time limit, or it failed. What the page lists is fingerprinted, so a home page
 * that never changes is seen as such whatever dates it prints.
 */
export async function probeHomePage(client: HttpClient, target: ProbeTarget): Promise<Probe> {
  const at = new Date().toISOString();
  // a home address that is a stub (meta refresh, script) opens the page it sends a visitor to, as in the crawl
  const outcome = await followRedirects(target.url, (url, cookie) => client.send(url, withCookie({ method: 'GET' }, cookie)), { stubs: true });
  const base = { siteId: target.siteId, url: target.url, at, ms: outcome.ms, certificate: outcome.certificate ?? null, controlFailed: false };
  if (!outcome.ok) return { ...base, ok: false, status: null, errorCode: outcome.code, fingerprint: null, newest: null };
  // a bot wall (a script challenge) is how the server answers a browser too, before the script runs: the site is up
  const ok = (outcome.status >= 200 && outcome.status < 300 && !outcome.truncated) || isBotWall(outcome);
  if (!ok || outcome.status >= 300) return { ...base, ok, status: outcome.status, errorCode: null, fingerprint: null, newest: null };
  const { text } = decodeHtml(outcome.body, outcome.headers['content-type']);
  const items = extractPage(text, outcome.finalUrl, at.slice(0, 10)).lists.flatMap((l) => l.items);
  const fingerprint = homeFingerprint(items);
  const newest = items.reduce<string | null>((max, i) => (i.date && (!max || i.date > max) ? i.date : max), null);
  return { ...base, ok, status: outcome.status, errorCode: null, fingerprint, newest };
}

export interface ProbeSchedule {
  /** pause from the start of one round to the start of the next */
  everyMs: number;
  /** stop starting rounds after this long, or after this many rounds, whichever comes first */
  forMs: number;
  rounds: number;
}

/**
 * URLs known to be up (`--control`), asked after a site's probe fails: when none opens either, the
 * failure was this machine's network, not the site's — an office uplink down for ten minutes would
 * otherwise fail every site once, 0.7 % of a week's probes, 3.5 points off each (Nagios asks a host's
 * parent the same way before it calls the host down). A failure shares an ask begun while it was
 * under way, never one begun before it started.
 */
export class ProbeControls {
  private latest: { started: number; opens: Promise<boolean> } | null = null;

  constructor(private readonly client: HttpClient, private readonly urls: readonly string[]) {}

  /** Whether this machine reached any control URL, asked at `since` (ms since the epoch) or later. */
  reachableSince(since: number): Promise<boolean> {
    if (this.urls.length === 0) return Promise.resolve(true);
    if (this.latest && this.latest.started >= since) return this.latest.opens;
    const started = Date.now();
    const opens = Promise.all(this.urls.map((url) => probeHomePage(this.client, { siteId: '', url }))).then((probes) => probes.some((p) => p.ok));
    this.latest = { started, opens };
    return opens;
  }
}

/** One probe of a site, its failure set aside when no control opens after it. */
async function probeChecked(client: HttpClient, target: ProbeTarget, controls: ProbeControls): Promise<Probe> {
  const probe = await probeHomePage(client, target);
  if (probe.ok) return probe;
  return (await controls.reachableSince(Date.parse(probe.at))) ? probe : { ...probe, controlFailed: true };
}

/** Probes every target once a round, on schedule; hands each round's probes over as they finish. */
export async function runProbeRounds(
  client: HttpClient, targets: readonly ProbeTarget[], schedule: ProbeSchedule, concurrency: number,
  onRound: (probes: Probe[], round: number) => void, controls = new ProbeControls(client, []),
): Promise<number> {
  const queue = new PQueue({ concurrency });
  const started = Date.now();
  for (let round = 1; ; round++) {
    const next = Date.now() + schedule.everyMs;
    onRound(await Promise.all(targets.map((t) => queue.add(() => probeChecked(client, t, controls), { throwOnTimeout: true }))), round);
    if (round >= schedule.rounds || next - started >= schedule.forMs) return round;
    await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
  }
}
