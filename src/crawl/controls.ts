import type { HttpClient } from './http-client.js';
import type { FetchOutcome } from './outcome.js';

/** Failures without an answer from the server: what this machine's own network going down looks like too. */
const NO_ANSWER: ReadonlySet<string> = new Set(['ETIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * No answer from the site: a failure of the kinds above, or through a proxy its 502 / 504 (the proxy
 * could not reach the site — nor anything else, when its own uplink is down).
 */
export function unanswered(outcome: FetchOutcome, proxied: boolean): boolean {
  return outcome.ok ? proxied && (outcome.status === 502 || outcome.status === 504) : NO_ANSWER.has(outcome.code);
}

/** How often the controls are asked while this machine's network is down, and for how long at most. */
export const OUTAGE_POLL_MS = 30_000;
export const MAX_OUTAGE_MS = 30 * 60_000;
/** A control's answer this recent still says the network is up: a host that refuses 100 links is not 100 asks of the control. */
export const FRESH_MS = 2_000;

/**
 * URLs known to be up (`--control`), asked when a request gets no answer at all: when none of them
 * answers either, the failure is this machine's network, not the site's — an office uplink or a
 * proxy down for ten minutes would otherwise fail every site and link asked meanwhile (Nagios asks a
 * host's parent the same way before it calls the host down). Any answer of a control below 500 will do.
 * A failure shares an ask begun while it was under way, one still in flight, or an answer of the
 * last FRESH_MS; never an older one. Those that wait for the network to come back share one wait.
 */
export class NetworkControls {
  private latest: { started: number; answered: Promise<boolean>; answeredAt: number | null } | null = null;
  private waiting: Promise<boolean> | null = null;

  constructor(
    readonly urls: readonly string[],
    private readonly ask: (url: string) => Promise<FetchOutcome>,
    private readonly pollMs = OUTAGE_POLL_MS,
    private readonly maxOutageMs = MAX_OUTAGE_MS,
    private readonly freshMs = FRESH_MS,
  ) {}

  /** Whether this machine reached any control, asked at `since` (ms since the epoch) or later (see above); true without controls. */
  reachableSince(since: number): Promise<boolean> {
    if (this.urls.length === 0) return Promise.resolve(true);
    const latest = this.latest;
    if (latest && (latest.started >= since || latest.answeredAt === null || Date.now() - latest.answeredAt < this.freshMs)) return latest.answered;
    const asked = { started: Date.now(), answered: Promise.resolve(false), answeredAt: null as number | null };
    // an answer is fresh from when it came; no answer (the network down) is never reused once settled
    asked.answered = Promise.all(this.urls.map((url) => this.ask(url))).then((outcomes) => {
      // a 5xx may be a proxy's "could not reach it": only a control's own answer says the network works
      const up = outcomes.some((o) => o.ok && o.status < 500);
      if (up) asked.answeredAt = Date.now();
      else if (this.latest === asked) this.latest = null;
      return up;
    });
    this.latest = asked;
    return asked.answered;
  }

  /** Waits until a control answers again (true), asking every pollMs, or until maxOutageMs have passed (false). */
  back(): Promise<boolean> {
    this.waiting ??= (async () => {
      const until = Date.now() + this.maxOutageMs;
      while (Date.now() < until) {
        await new Promise((r) => setTimeout(r, this.pollMs));
        if (await this.reachableSince(Date.now())) return true;
      }
      return false;
    })().finally(() => (this.waiting = null));
    return this.waiting;
  }
}

/** Controls asked through `client`, at their headers (any answer will do); null without control URLs. */
export function controlsOver(client: HttpClient, urls: readonly string[] | undefined, pollMs?: number, maxOutageMs?: number): NetworkControls | null {
  return urls?.length ? new NetworkControls(urls, (url) => client.send(url, { method: 'GET', bodyBytes: () => 0 }), pollMs, maxOutageMs) : null;
}
