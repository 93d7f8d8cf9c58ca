import type { FailureCode, FetchFailure, FetchOutcome } from './outcome.js';

/** The same trouble on this many URLs in a row, with no other answer between, and a host is given up on for the run… */
const TROUBLES_IN_A_ROW = 3;
/** …but for one URL at its first re-check, and one more at each re-check this long after the last. */
const TRIAL_EVERY_MS = 5 * 60_000;

/**
 * What makes a host not worth asking: it does not answer (a timeout costs the whole time limit, 15 s;
 * a gateway's 504 — a proxy's, behind one — its own), or it answers 429 Too Many Requests even after
 * the retries that wait its Retry-After (up to a minute each).
 */
type Trouble = 'silent' | 'throttling';
const troubleOf = (outcome: FetchOutcome): Trouble | null =>
  !outcome.ok ? (outcome.code === 'ETIMEDOUT' ? 'silent' : null) : outcome.status === 429 ? 'throttling' : outcome.status === 504 ? 'silent' : null;

const GIVEN: Record<Trouble, { code: FailureCode; said: string }> = {
  silent: { code: 'EHOSTDOWN', said: 'answered none of the last %n URLs asked of it within the time limit' },
  throttling: { code: 'ETHROTTLED', said: 'answered 429 Too Many Requests to the last %n URLs asked of it, after their retries' },
};

interface Streak {
  trouble: Trouble;
  /** the URLs it troubled in a row (a URL's retries are one) */
  urls: Set<string>;
  lastUrl: string;
  lastAt: number;
  /** the URL a re-check last asked of it anyway, when, and its first request while under way */
  trialUrl: string | null;
  trialAt: number;
  trial: Promise<unknown> | null;
}

/**
 * Hosts given up on. A site linking to 500 pages of a silent host (an old subdomain behind a firewall
 * that drops its packets) held its crawl 500 × 15 s ÷ 2 connections, an hour, and an hour again for
 * the re-checks; a host that throttles every request, two minutes a URL. After TROUBLES_IN_A_ROW
 * URLs with the same trouble, the host's other URLs end at once with a code and the evidence
 * (EHOSTDOWN, inconclusive as a timeout is; ETHROTTLED, inconclusive as a 429 is; the retries of a
 * URL already asked still go); the re-check pass asks the host one URL more (its other re-checks wait
 * for that answer), and any other answer makes it a host like the others again (Nutch's
 * fetcher.max.exceptions.per.queue, with a way back). Keyed by origin: a host that answers some
 * requests is not given up on, whatever paths of it hang.
 */
export class GivenUpHosts {
  private readonly hosts = new Map<string, Streak>();

  /** `send`'s answer, or the failure given without asking while the origin is given up on. `recheck`: a re-check pass's request. */
  async ask(origin: string, url: string, recheck: boolean, send: () => Promise<FetchOutcome>): Promise<FetchOutcome> {
    for (;;) {
      const streak = this.hosts.get(origin);
      if (!streak || streak.urls.size < TROUBLES_IN_A_ROW || this.retryOf(streak, url, recheck)) return this.record(origin, url, await send());
      if (!recheck) return refusal(origin, url, streak);
      if (streak.trial) {
        await streak.trial;
        continue;
      }
      if (streak.trialUrl !== null && Date.now() - streak.trialAt < TRIAL_EVERY_MS) return refusal(origin, url, streak);
      streak.trialUrl = url;
      streak.trialAt = Date.now();
      const trial = send();
      streak.trial = trial.finally(() => (streak.trial = null));
      return this.record(origin, url, await trial);
    }
  }

  /** Forgets every host's silence: timeouts while this machine's network was down say nothing of the hosts. */
  forgetSilences(): void {
    for (const [origin, streak] of this.hosts) if (streak.trouble === 'silent') this.hosts.delete(origin);
  }

  /** A retry of a URL already asked (a 429's, a 504's; a timeout is not retried): the trial's own, or in the first pass one of the streak's. */
  private retryOf(streak: Streak, url: string, recheck: boolean): boolean {
    return recheck ? url === streak.trialUrl : streak.urls.has(url);
  }

  private record(origin: string, url: string, outcome: FetchOutcome): FetchOutcome {
    const trouble = troubleOf(outcome);
    if (trouble === null) {
      this.hosts.delete(origin);
      return outcome;
    }
    let streak = this.hosts.get(origin);
    if (streak?.trouble !== trouble) this.hosts.set(origin, (streak = { trouble, urls: new Set(), lastUrl: url, lastAt: 0, trialUrl: null, trialAt: 0, trial: null }));
    streak.urls.add(url);
    streak.lastUrl = url;
    streak.lastAt = Date.now();
    return outcome;
  }
}

function refusal(origin: string, url: string, streak: Streak): FetchFailure {
  const { code, said } = GIVEN[streak.trouble];
  return {
    ok: false, code, finalUrl: url, redirects: [], ms: 0,
    message: `not asked: ${origin.replace(/^host:/, '')} ${said.replace('%n', String(streak.urls.size))} (the last: ${streak.lastUrl} at ${new Date(streak.lastAt).toISOString()})`,
  };
}
