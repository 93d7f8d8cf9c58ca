import PQueue from 'p-queue';
import type { NetworkControls } from '../crawl/controls.js';
import type { HttpClient } from '../crawl/http-client.js';
import { isBotWall } from '../crawl/outcome.js';
import { withHttpsUpgrade } from '../crawl/https-upgrade.js';
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
  // an http:// home page that gets no answer is asked over HTTPS, as a browser asks (see withHttpsUpgrade)
  const outcome = await withHttpsUpgrade(target.url, (from) => followRedirects(from, (url, cookie) => client.send(url, withCookie({ method: 'GET' }, cookie)), { stubs: true }),
    { proxied: client.proxiedFor(target.url), onTimeout: true });
  const base = { siteId: target.siteId, url: target.url, at, ms: outcome.ms, certificate: outcome.certificate ?? null, controlFailed: false };
  // the proxy the probe goes through could not be reached, or refused the site by its policy: this machine's network, not the site (set aside as when no control answers)
  if (!outcome.ok) return { ...base, ok: false, status: null, errorCode: outcome.code, fingerprint: null, newest: null, controlFailed: outcome.code === 'EPROXYDENIED' || client.unreachableProxy(target.url, outcome) !== null };
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

/** One probe of a site, its failure set aside when no control answers after it (this machine's network was down). */
async function probeChecked(client: HttpClient, target: ProbeTarget, controls: NetworkControls | null): Promise<Probe> {
  const probe = await probeHomePage(client, target);
  if (probe.ok || controls === null) return probe;
  return (await controls.reachableSince(Date.parse(probe.at))) ? probe : { ...probe, controlFailed: true };
}

/** Probes every target once a round, on schedule; hands each round's probes over as they finish. */
export async function runProbeRounds(
  client: HttpClient, targets: readonly ProbeTarget[], schedule: ProbeSchedule, concurrency: number,
  onRound: (probes: Probe[], round: number) => void, controls: NetworkControls | null = null,
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
