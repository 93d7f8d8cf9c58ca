import type { FetchOutcome } from './outcome.js';

export interface RetryPolicy {
  retries: number;
  /** first backoff; doubled each time */
  baseDelayMs: number;
  /** a Retry-After longer than this is not waited for: the outcome stays a 429/503 */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 2, baseDelayMs: 500, maxRetryAfterMs: 60_000 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries a request on transient failures: connection resets and 5xx with backoff, 429 and 503
 * after the server's Retry-After. A timeout is not retried here (it already cost 15 s); the link
 * check's re-check pass gives it a second chance instead.
 */
export async function withRetry(attempt: () => Promise<FetchOutcome>, policy: RetryPolicy, now = () => Date.now()): Promise<FetchOutcome> {
  let outcome = await attempt();
  for (let i = 0; i < policy.retries; i++) {
    const wait = retryDelay(outcome, i, policy, now());
    if (wait === null) return outcome;
    await sleep(wait);
    outcome = await attempt();
  }
  return outcome;
}

/** How long to wait before retry number `i`, or null when the outcome is not worth retrying. */
export function retryDelay(outcome: FetchOutcome, i: number, policy: RetryPolicy, nowMs: number): number | null {
  const backoff = policy.baseDelayMs * 2 ** i;
  if (!outcome.ok) return outcome.code === 'ECONNRESET' || outcome.code === 'EAI_AGAIN' ? backoff : null;
  const { status } = outcome;
  if (status === 429 || status === 503) {
    const after = parseRetryAfter(outcome.headers['retry-after'], nowMs);
    if (after === null) return backoff;
    return after <= policy.maxRetryAfterMs ? after : null;
  }
  if (status === 500 || status === 502 || status === 504) return backoff;
  return null;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
