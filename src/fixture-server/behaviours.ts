/** Planted behaviour for one path of a fixture site (fixtures/sites/<name>/behaviours.json). */
export interface Behaviour {
  status?: number;
  /** answer after this long */
  delayMs?: number;
  /** never answer (the socket stays open until the client gives up) */
  hang?: boolean;
  /** hang for the first `hangTimes` requests only, then answer */
  hangTimes?: number;
  /** 302 to this location */
  redirect?: string;
  /** a WAF's cookie check: 302 back to the same path, setting this cookie (name=value) and lang=zh-CN, until a request carries both */
  cookieCheck?: string;
  /** answer 429 with Retry-After: this many seconds for the first `times` requests, then normally */
  retryAfter?: { seconds: number; times: number };
  /** answer 503 for the first `times` requests, then normally */
  failTimes?: number;
  /** answer 503 to every n-th request (a flaky home page: 10 fails 1 in 10) */
  failEvery?: number;
  headers?: Record<string, string>;
  /** the body instead of a file */
  body?: string;
  /** leave the charset out of Content-Type (the page's <meta> must say it) */
  noCharsetHeader?: boolean;
  /** serve this content type */
  contentType?: string;
  /** hotlink protection (防盗链, nginx's valid_referers without `none`): 403 to a request whose Referer is not a page of this host */
  hotlinkProtected?: boolean;
  /** send the body no faster than this (a slow server): a tenth of it every 100 ms */
  bytesPerSecond?: number;
}

export type Behaviours = Record<string, Behaviour>;

const TYPES: Record<string, string> = {
  html: 'text/html', htm: 'text/html', jsp: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json',
  xml: 'text/xml', png: 'image/png', jpg: 'image/jpeg', gif: 'image/gif', pdf: 'application/pdf', doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xls: 'application/vnd.ms-excel', zip: 'application/zip',
};

export function contentTypeFor(path: string): string {
  return TYPES[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? 'html'] ?? 'application/octet-stream';
}
