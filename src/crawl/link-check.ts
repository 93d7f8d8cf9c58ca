import { createHash } from 'node:crypto';
import type { AnalysisPool } from './analysis-pool.js';
import type { Fetcher } from './fetcher.js';
import { analysedBytes, isAnalysedType, isScriptType } from './content-types.js';
import type { FetchOutcome } from './outcome.js';
import { wireBody, type PageAnalysis } from './page-analysis.js';
import type { PageRole } from './priorities.js';

/** What a host answers for a path that cannot exist: its fingerprint, when that answer is a 200 page. */
export type NotFoundProbe = (origin: string) => Promise<string | null>;

export interface CheckedTarget {
  outcome: FetchOutcome;
  soft404: boolean;
  method: 'GET' | 'HEAD';
  /** the analysed page, when the answer was HTML */
  page: PageAnalysis | null;
}

/** The path asked for on every host to learn its "not found" page; stable, so runs are comparable. */
export function probePath(origin: string): string {
  return `${origin}/govsite-soft404-${createHash('sha1').update(origin).digest('hex').slice(0, 12)}.html`;
}

export function isHtml(outcome: FetchOutcome): boolean {
  return outcome.ok && isAnalysedType(outcome.headers['content-type']);
}

/**
 * Analyses an HTML answer with a body (links only when the page is followed), or a script that
 * writes into the home page (a part of it: its written HTML is the page); null for any other answer,
 * and for a page whose analysis failed.
 */
export async function analyseAnswer(pool: AnalysisPool, outcome: FetchOutcome, links: boolean, facts?: { asOf: string; role: PageRole }): Promise<PageAnalysis | null> {
  if (!outcome.ok || outcome.body.length === 0) return null;
  const script = facts?.role === 'frame' && isScriptType(outcome.headers['content-type']);
  if (!script && !isHtml(outcome)) return null;
  // what is stored of a script is the HTML it writes, not the server's gzip of the script
  const wire = script ? undefined : outcome.gzipped;
  const page = await pool.analyse({ bytes: outcome.body, contentType: outcome.headers['content-type'] ?? null, url: outcome.finalUrl, links, storeBody: !wire, ...(facts ? { factsAsOf: facts.asOf, role: facts.role } : {}) });
  return page && wire ? { ...page, body: wireBody(wire, page.charset) } : page;
}

/**
 * Decides whether a 200 HTML answer is a soft 404: the page says it is missing, or the host answers
 * a random path with this very page (a home page reached by redirect from a dead path counts too,
 * but the home page itself, asked for directly, does not).
 */
export async function isSoft404(url: string, outcome: FetchOutcome, page: PageAnalysis | null, probe: NotFoundProbe): Promise<boolean> {
  // a script (a part of the home page) is no page: what it writes, often nothing, is not a not-found page's text
  if (!outcome.ok || outcome.status !== 200 || page === null || isScriptType(outcome.headers['content-type'])) return false;
  if (page.saysNotFound) return true;
  const requested = new URL(url);
  if (requested.pathname === '/' && requested.search === '') return false;
  const notFound = await probe(requested.origin);
  return notFound !== null && notFound === page.fingerprint;
}

/**
 * A link target checked once: internal targets by GET (the answer is the page a visitor gets),
 * external ones by HEAD, falling back to GET where HEAD is refused or fails; from the page that
 * links to it, as a visitor's browser says (Referer). `headers` go with it: an earlier answer's
 * validators, which an unchanged target answers with a bodiless 304.
 */
export async function checkTarget(url: string, external: boolean, fetcher: Fetcher, pool: AnalysisPool, probe: NotFoundProbe,
  { recheck = false, referrer = null, headers = {} }: { recheck?: boolean; referrer?: string | null; headers?: Record<string, string> } = {}): Promise<CheckedTarget> {
  let method: 'GET' | 'HEAD' = external ? 'HEAD' : 'GET';
  let outcome = await fetcher.fetch(url, { method, headers, bodyBytes: analysedBytes }, { recheck, referrer });
  if (method === 'HEAD' && headNotTrusted(outcome)) {
    method = 'GET';
    outcome = await fetcher.fetch(url, { method, headers, bodyBytes: analysedBytes }, { recheck, referrer });
  }
  const page = await analyseAnswer(pool, outcome, false);
  return { outcome, soft404: await isSoft404(url, outcome, page, probe), method, page };
}

/** Failures a GET would meet as well: the host is not there, not answering, or given up on. */
const HOST_FAILURES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'EHOSTDOWN', 'ETHROTTLED', 'ENOTFOUND', 'ECONNREFUSED']);

/** Many servers answer HEAD with 404/405/500 while GET works; a timeout is not worth a second wait. */
function headNotTrusted(outcome: FetchOutcome): boolean {
  if (!outcome.ok) return !HOST_FAILURES.has(outcome.code);
  return outcome.status >= 400 && outcome.status !== 429;
}
