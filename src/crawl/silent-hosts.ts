import type { FetchFailure, FetchOutcome } from './outcome.js';

/** Timeouts in a row, with no answer between, after which a host is given up on for the run… */
export const TIMEOUTS_IN_A_ROW = 3;
/** …but for one request at its first re-check, and one more at each re-check this long after the last. */
const TRIAL_EVERY_MS = 5 * 60_000;

interface Silence {
  timeouts: number;
  lastUrl: string;
  lastAt: number;
  /** when a re-check last asked it anyway, and that request while it is under way */
  trialAt: number | null;
  trial: Promise<unknown> | null;
}

/**
 * Hosts that stopped answering. A request to a host that never answers costs the whole time limit
 * (15 s): a site linking to 500 pages of a silent host (an old subdomain behind a firewall that drops
 * its packets) held its crawl 500 × 15 s ÷ 2 connections, an hour, and an hour again for the
 * re-checks. After TIMEOUTS_IN_A_ROW timeouts its other requests fail at once, with EHOSTDOWN and
 * the evidence (inconclusive, as a timeout is); the re-check pass asks the host once more (its other
 * re-checks wait for that answer), and any answer makes it a host like the others again (Nutch's
 * fetcher.max.exceptions.per.queue, with a way back). Keyed by origin: a host that answers some
 * requests is not silent, whatever paths of it hang.
 */
export class SilentHosts {
  private readonly hosts = new Map<string, Silence>();

  constructor(private readonly limit = TIMEOUTS_IN_A_ROW, private readonly trialEveryMs = TRIAL_EVERY_MS) {}

  /** `send`'s answer, or the failure given without asking while the origin is silent. `recheck`: a re-check pass's request. */
  async ask(origin: string, url: string, recheck: boolean, send: () => Promise<FetchOutcome>): Promise<FetchOutcome> {
    for (;;) {
      const silence = this.hosts.get(origin);
      if (!silence || silence.timeouts < this.limit) return this.record(origin, url, await send());
      if (!recheck) return refusal(origin, url, silence);
      if (silence.trial) {
        await silence.trial;
        continue;
      }
      if (silence.trialAt !== null && Date.now() - silence.trialAt < this.trialEveryMs) return refusal(origin, url, silence);
      silence.trialAt = Date.now();
      const trial = send();
      silence.trial = trial.finally(() => (silence.trial = null));
      return this.record(origin, url, await trial);
    }
  }

  /** Any answer, or a failure other than a timeout, is the host answering. */
  private record(origin: string, url: string, outcome: FetchOutcome): FetchOutcome {
    if (outcome.ok || outcome.code !== 'ETIMEDOUT') {
      this.hosts.delete(origin);
      return outcome;
    }
    const silence = this.hosts.get(origin) ?? { timeouts: 0, lastUrl: url, lastAt: 0, trialAt: null, trial: null };
    silence.timeouts++;
    silence.lastUrl = url;
    silence.lastAt = Date.now();
    this.hosts.set(origin, silence);
    return outcome;
  }
}

function refusal(origin: string, url: string, silence: Silence): FetchFailure {
  return {
    ok: false, code: 'EHOSTDOWN', finalUrl: url, redirects: [], ms: 0,
    message: `not asked: ${origin.replace(/^host:/, '')} answered none of its last ${silence.timeouts} requests within the time limit (the last: ${silence.lastUrl} at ${new Date(silence.lastAt).toISOString()})`,
  };
}
