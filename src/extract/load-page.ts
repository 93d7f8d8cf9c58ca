import { readFileSync } from 'node:fs';
import { Fetcher } from '../crawl/fetcher.js';
import { DEFAULT_USER_AGENT, REQUEST_TIMEOUT_MS } from '../crawl/http-client.js';
import { DEFAULT_RETRY } from '../crawl/retry.js';
import { InputError } from '../errors.js';
import { decodeHtml } from './decode.js';

/** A page from a file or a URL, decoded: the input of `govsite extract`. */
export async function loadPage(source: string, proxy?: string): Promise<{ html: string; charset: string; url: string }> {
  if (/^https?:\/\//i.test(source)) {
    const fetcher = new Fetcher({ concurrency: 1, perHost: 1, perIp: 1, delayMs: 0, timeoutMs: REQUEST_TIMEOUT_MS, userAgent: DEFAULT_USER_AGENT, proxy, retry: DEFAULT_RETRY });
    try {
      const outcome = await fetcher.fetch(source, { method: 'GET' });
      if (!outcome.ok) throw new InputError(source, `cannot fetch: ${outcome.code} ${outcome.message}`);
      if (outcome.status >= 400) throw new InputError(source, `answered HTTP ${outcome.status}`);
      const { text, charset } = decodeHtml(outcome.body, outcome.headers['content-type']);
      return { html: text, charset, url: outcome.finalUrl };
    } finally {
      await fetcher.close();
    }
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(source);
  } catch (e) {
    throw new InputError(source, `cannot read: ${(e as Error).message}`);
  }
  const { text, charset } = decodeHtml(bytes, null);
  return { html: text, charset, url: '' };
}
