/**
 * Failures are values: every request ends in a FetchOutcome, and every transport failure is
 * classified here, in one place, into a code an inspector recognises.
 */
export type FailureCode =
  | 'ETIMEDOUT' | 'EHOSTDOWN' | 'ETHROTTLED' | 'EOFFLINE' | 'EPROXYDENIED' | 'EPRIVATE' | 'EFILE' | 'EBADURL' | 'ECONNREFUSED' | 'ECONNRESET' | 'ENOTFOUND' | 'EAI_AGAIN' | 'EHOSTUNREACH' | 'ENETUNREACH'
  | 'ECERT' | 'EPROTO' | 'EREDIRECTLOOP' | 'EMAXREDIRECTS' | 'EBADREDIRECT' | 'EBODYTOOLARGE' | 'EDECODE' | 'EUNKNOWN';

export interface Redirect {
  url: string;
  status: number;
}

export interface HttpResponse {
  ok: true;
  status: number;
  finalUrl: string;
  redirects: Redirect[];
  headers: Record<string, string>;
  body: Buffer;
  /** the body was cut at the size cap */
  truncated: boolean;
  /** the body as it came off the wire, when the server gzipped it: stored as it is */
  gzipped?: Buffer;
  /** read over a connection whose certificate failed verification: Node's reason (CERT_HAS_EXPIRED, …) */
  certificate?: string;
  ms: number;
}

export interface FetchFailure {
  ok: false;
  code: FailureCode;
  message: string;
  /** the origin's certificate failed verification earlier in the run: Node's reason (see certificates.ts) */
  certificate?: string;
  finalUrl: string;
  redirects: Redirect[];
  ms: number;
}

export type FetchOutcome = HttpResponse | FetchFailure;

/** What a link check concludes: inconclusive ones are tried once more before anything counts them. */
export type LinkVerdict = 'ok' | 'broken' | 'inconclusive';

const NODE_CODES: Record<string, FailureCode> = {
  ETIMEDOUT: 'ETIMEDOUT', UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT', UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT', UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  ECONNREFUSED: 'ECONNREFUSED',
  ECONNRESET: 'ECONNRESET', UND_ERR_SOCKET: 'ECONNRESET', EPIPE: 'ECONNRESET', UND_ERR_CLOSED: 'ECONNRESET',
  ENOTFOUND: 'ENOTFOUND', EAI_AGAIN: 'EAI_AGAIN', EHOSTUNREACH: 'EHOSTUNREACH', ENETUNREACH: 'ENETUNREACH',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'EBODYTOOLARGE', ERR_BUFFER_TOO_LARGE: 'EBODYTOOLARGE',
  HPE_INVALID_CONSTANT: 'EPROTO', HPE_INVALID_HEADER_TOKEN: 'EPROTO', HPE_UNEXPECTED_CONTENT_LENGTH: 'EPROTO', EPROTO: 'EPROTO', UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'EPROTO',
  Z_DATA_ERROR: 'EDECODE', Z_BUF_ERROR: 'EDECODE', ERR_BROTLI_DECOMPRESSION_FAILED: 'EDECODE',
};

/** The failure a request's own deadline gives (classified ETIMEDOUT below), whichever client ran it. */
export function timedOut(ms: number): Error {
  return Object.assign(new Error(`no answer within ${ms} ms`), { name: 'TimeoutError' });
}

/** An error thrown by undici, Node or zlib → a FailureCode. Specific causes are looked at before generic ones. */
export function classifyError(error: unknown): FailureCode {
  let e = error as { code?: string; name?: string; cause?: unknown; message?: string } | undefined;
  for (let depth = 0; e && depth < 5; depth++, e = e.cause as typeof e) {
    if (e.name === 'TimeoutError') return 'ETIMEDOUT';
    if (e.code && NODE_CODES[e.code]) return NODE_CODES[e.code]!;
    if (e.code && /CERT|SSL|TLS/i.test(e.code)) return 'ECERT';
    // undici's parser errors carry no code, only their name
    if (e.code?.startsWith('HPE_') || e.name === 'HTTPParserError') return 'EPROTO';
  }
  return 'EUNKNOWN';
}

/** A soft 404 is a 200 page that says it is missing: broken, like the 404 it hides. */
export function verdictFor(outcome: FetchOutcome, soft404: boolean, attempt: number): LinkVerdict {
  if (!outcome.ok) {
    // one timeout may be a slow moment, not a dead link: a second one in the re-check is (and so is
    // a host given up on as silent, see GivenUpHosts)
    if (outcome.code === 'ETIMEDOUT' || outcome.code === 'EHOSTDOWN') return attempt > 1 ? 'broken' : 'inconclusive';
    // a host that throttles every request says nothing of the link, as its 429 does not; nor does this machine's network being
    // down, nor its proxy's policy refusing the host
    if (outcome.code === 'ETHROTTLED' || outcome.code === 'EOFFLINE' || outcome.code === 'EPROXYDENIED') return 'inconclusive';
    return 'broken';
  }
  const s = outcome.status;
  // 429 after its retries, and bot walls that refuse robots but serve people, say nothing about the link
  if (s === 429 || s === 999 || isBotWall(outcome)) return 'inconclusive';
  // a gateway's timeout (a proxy's, the site's own front server's) is a timeout: a second one in the re-check is a dead link
  if (s === 504) return attempt > 1 ? 'broken' : 'inconclusive';
  if (s >= 400) return 'broken';
  if (s >= 300) return 'broken'; // a redirect left unfollowed (no Location)
  return soft404 ? 'broken' : 'ok';
}

/** What a script challenge's page carries: Rivers (瑞数) `$_ts`, Jiasule (加速乐) `__jsl_clearance`, a cookie set and a reload. */
const CHALLENGE = /\$_ts\s*=|__jsl_clear|document\.cookie\s*=/;

/**
 * A bot wall: the answer a browser gets before a script proves it is one, not the page. A 412 to a
 * plain GET (Rivers, on many government platforms), a 403 from a WAF, or a 403 / 521 (Jiasule)
 * whose small body is a cookie challenge. It says nothing about the link, or about the site being up.
 */
export function isBotWall(r: FetchOutcome): boolean {
  if (!r.ok) return false;
  if (r.status === 412) return true;
  if (r.status !== 403 && r.status !== 521) return false;
  const server = `${r.headers['server'] ?? ''} ${r.headers['cf-mitigated'] ?? ''}`;
  return (r.status === 403 && /cloudflare|challenge|yunjiasu|safedog|waf/i.test(server)) || (r.body.length < 16_384 && CHALLENGE.test(r.body.toString('latin1')));
}
