import { intranetLink } from './intranet.js';
import type { FailureCode, FetchFailure } from './outcome.js';
import { schemeOf } from './scope.js';

/**
 * Links no visitor can open, ended without a request, each with its reason: a file on its author's
 * computer (`file:///C:/…`, `D:\…`, pasted from a word processor: EFILE), an address no URL parser
 * reads (EBADURL), an address on a local network reached from a public page (EPRIVATE: asking for
 * it would aim the crawl at the inspector's own network). Null for a link to ask.
 */
export function neverAsked(url: string, from: string | null): FetchFailure | null {
  if (schemeOf(url) === 'file') return refusal(url, 'EFILE', 'a file on its author\'s computer');
  if (!URL.canParse(url)) return refusal(url, 'EBADURL', 'an address no URL parser reads');
  if (intranetLink(url, from)) return refusal(url, 'EPRIVATE', `an intranet address, reached from the public ${from}`);
  return null;
}

/** A failure ended without a request, with its reason. */
export function refusal(url: string, code: FailureCode, why: string): FetchFailure {
  return { ok: false, code, message: `not asked: ${why}`, finalUrl: url, redirects: [], ms: 0 };
}
