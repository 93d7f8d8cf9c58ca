import { constants, gunzipSync } from 'node:zlib';
import type { StoredBody } from '../crawl/page-analysis.js';
import type { LinkVerdict } from '../crawl/outcome.js';
import { textIn, utf8Text } from '../extract/decode.js';
import { EXTRACTOR_VERSION } from '../extract/page.js';
import type { Db } from './db.js';

export type FetchPurpose = 'page' | 'check' | 'robots' | 'soft404-probe';

export interface FetchRecord {
  runId: number;
  siteId: string;
  url: string;
  purpose: FetchPurpose;
  method: string;
  attempt: number;
  finalUrl: string | null;
  status: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  redirects: readonly { url: string; status: number }[];
  verdict: LinkVerdict;
  soft404: boolean;
  notModified: boolean;
  ms: number;
  bytes: number;
  contentType: string | null;
  charset: string | null;
  etag: string | null;
  lastModified: string | null;
  depth: number | null;
  referrer: string | null;
  /** the page text to keep (pages later checks read), compressed; null for checks */
  body: StoredBody | null;
  /** or an already stored body (a 304 answer) */
  bodyHash?: string | null;
  /** a 304 answer: the fetch whose stored links and facts are this one's (it stores none of its own) */
  copyOf?: number | null;
  /** the certificate fault the answer was read despite (see HttpClient) */
  certificate?: string | null;
  /** how many links its stored link set holds; null when it stores none (a copy's are its original's) */
  linkCount?: number | null;
}

/** An earlier answer a conditional request names (its ETag / Last-Modified), and what a 304 confirms of it. */
export interface EarlierAnswer {
  etag: string | null;
  lastModified: string | null;
  status: number;
  contentType: string | null;
  finalUrl: string | null;
  /** its stored body, if it kept one (a link check keeps none) */
  bodyHash: string | null;
}

/** A stored copy of a page: an earlier answer with its body, links and facts. */
export interface Validators extends EarlierAnswer {
  /** the fetch whose stored links and facts are this copy's */
  copyOf: number;
  /** the as-of date of the run that last saw this copy */
  asOf: string;
  bodyHash: string;
  charset: string | null;
}

export class Fetches {
  private readonly insert;
  private readonly insertBody;
  private readonly validators;
  private readonly checkValidators;
  private readonly body;
  private readonly checked;
  private readonly ofRun;

  constructor(db: Db) {
    // positional parameters: binding 27 named ones cost more than the insert itself
    this.insert = db.prepare(`INSERT INTO fetches (run_id, site_id, url, purpose, method, attempt, final_url, status, error_code, error_message,
      redirects, verdict, soft404, not_modified, ms, bytes, content_type, charset, etag, last_modified, depth, referrer, body_hash, fetched_at, copy_of, certificate, link_count)
      VALUES (${Array(27).fill('?').join(', ')})`);
    this.insertBody = db.prepare(`INSERT OR IGNORE INTO bodies (hash, data, format, charset) VALUES (?, ?, ?, ?)`);
    // a copy whose facts another version of the extractors read is not one to confirm: the page is
    // fetched in full and read afresh (a fix reaches unchanged pages, a stub home is followed)
    // for each URL asked (a JSON array: a crawl wave asks for all its pages at once), its newest stored copy that has validators:
    // of the latest run, its last fetch — the (url, run_id) index read backwards, so a database of many
    // monthly runs is not scanned and sorted URL by URL (8 runs: 39 → 19 µs a wave of 4)
    this.validators = db.prepare(`SELECT w.value AS url, coalesce(f.copy_of, f.id) AS copyOf, r.as_of AS asOf, f.etag, f.last_modified AS lastModified, f.body_hash AS bodyHash,
      f.status, f.content_type AS contentType, f.charset, f.final_url AS finalUrl
      FROM json_each(?) w
      JOIN fetches f ON f.id = (SELECT x.id FROM fetches x WHERE x.url = w.value AND x.body_hash IS NOT NULL AND (x.etag IS NOT NULL OR x.last_modified IS NOT NULL) ORDER BY x.run_id DESC, x.id DESC LIMIT 1)
      JOIN runs r ON r.id = f.run_id
      LEFT JOIN page_facts p ON p.fetch_id = coalesce(f.copy_of, f.id)
      WHERE p.extractor IS NULL OR p.extractor = ${EXTRACTOR_VERSION}`);
    // a link check's newest answer with validators (its body never read: nothing stored to reuse)
    this.checkValidators = db.prepare(`SELECT w.value AS url, f.etag, f.last_modified AS lastModified, f.status, f.content_type AS contentType, f.final_url AS finalUrl, NULL AS bodyHash
      FROM json_each(?) w
      JOIN fetches f ON f.id = (SELECT x.id FROM fetches x WHERE x.url = w.value AND x.purpose = 'check' AND x.method = 'GET' AND x.status = 200
        AND (x.etag IS NOT NULL OR x.last_modified IS NOT NULL) ORDER BY x.run_id DESC, x.id DESC LIMIT 1)`);
    this.body = db.prepare(`SELECT data, format, charset FROM bodies WHERE hash = ?`);
    this.checked = db.prepare(`SELECT 1 FROM fetches WHERE run_id = ? AND url = ? AND purpose IN ('page', 'check') LIMIT 1`);
    this.ofRun = db.prepare(`SELECT status, error_code AS errorCode, body_hash AS bodyHash, final_url AS finalUrl FROM fetches WHERE run_id = ? AND url = ? AND purpose = ? ORDER BY id DESC LIMIT 1`);
  }

  /** Has this run already fetched the URL (as a page or a check)? Each target is checked once per run. */
  checkedInRun(runId: number, url: string): boolean {
    return this.checked.get(runId, url) !== undefined;
  }

  /** This run's stored answer for a URL and purpose (robots.txt, the soft-404 probe): not fetched again on resume. */
  storedInRun(runId: number, url: string, purpose: FetchPurpose): { status: number | null; errorCode: string | null; bodyHash: string | null; finalUrl: string | null } | undefined {
    return this.ofRun.get(runId, url, purpose) as ReturnType<Fetches['storedInRun']>;
  }

  /** Stores one outcome; returns the fetch id. */
  record(f: FetchRecord): number {
    let bodyHash = f.bodyHash ?? null;
    if (f.body !== null) {
      bodyHash = f.body.hash;
      this.insertBody.run(bodyHash, f.body.gz, f.body.format, f.body.charset);
    }
    return Number(this.insert.run(f.runId, f.siteId, f.url, f.purpose, f.method, f.attempt, f.finalUrl, f.status, f.errorCode, f.errorMessage,
      JSON.stringify(f.redirects), f.verdict, f.soft404 ? 1 : 0, f.notModified ? 1 : 0, f.ms, f.bytes, f.contentType, f.charset, f.etag, f.lastModified,
      f.depth, f.referrer, bodyHash, new Date().toISOString(), f.copyOf ?? null, f.certificate ?? null, f.linkCount ?? null).lastInsertRowid);
  }

  /** ETag / Last-Modified of the newest stored copy of each URL, from any run: sent as conditional headers. URLs never stored have none. */
  validatorsOf(urls: readonly string[]): Map<string, Validators> {
    return byUrl(this.validators.all(JSON.stringify(urls)) as (Validators & { url: string })[]);
  }

  /** ETag / Last-Modified of each URL's newest link check answered 200 with them, from any run. */
  checkValidatorsOf(urls: readonly string[]): Map<string, EarlierAnswer> {
    return byUrl(this.checkValidators.all(JSON.stringify(urls)) as (EarlierAnswer & { url: string })[]);
  }

  bodyText(hash: string): string {
    const row = this.body.get(hash) as { data: Buffer; format: string; charset: string | null } | undefined;
    if (!row) throw new Error(`body ${hash} is missing from the database`);
    // SYNC_FLUSH: a body cut at the size cap still reads as far as it arrived
    const bytes = gunzipSync(row.data, { finishFlush: constants.Z_SYNC_FLUSH });
    return row.format === 'gzip-wire' ? textIn(bytes, row.charset ?? 'utf-8') : utf8Text(bytes);
  }
}

/** Rows by their URL, each kept as the row it is (its `url` too): a copy without it would be one more object a page. */
const byUrl = <T>(rows: (T & { url: string })[]): Map<string, T> => new Map(rows.map((row) => [row.url, row]));
