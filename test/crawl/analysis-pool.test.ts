import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expect } from 'expect';
import { AnalysisPool } from '../../src/crawl/analysis-pool.js';
import { NOTHING_TO_FOLLOW } from '../../src/crawl/follow-list.js';
import { NO_LINKS } from '../../src/extract/links.js';
import { analysePage, type AnalysisRequest } from '../../src/crawl/page-analysis.js';
import { readStoredCopy, type CopyRead } from '../../src/crawl/stored-copy.js';
import { openDb } from '../../src/store/db.js';
import { tmpDb } from '../helpers/tmp.js';

const page = (rows: number): AnalysisRequest => ({
  bytes: Buffer.from(`<html><head><title>列表</title></head><body><ul>${Array.from({ length: rows }, (_, i) => `<li><a href="/art/${i}.html">关于第${i}项工作的通知公告</a><span>2026-11-01</span></li>`).join('')}</ul></body></html>`),
  contentType: 'text/html; charset=utf-8', url: 'http://x.gov.cn/list.html', links: true, factsAsOf: '2026-11-15', storeBody: false,
});

describe('AnalysisPool', () => {
  it('a page too big for the worker\'s heap kills it: the page is analysed here instead, and the next one by a new worker', async () => {
    const pool = new AnalysisPool(1, undefined, { maxOldGenerationSizeMb: 12, maxYoungGenerationSizeMb: 2 });
    const lost: string[] = [];
    pool.on('worker-lost', (message) => lost.push(message));
    try {
      const small = (await pool.analyse(page(10)))!;
      expect(JSON.parse(small.links)).toHaveLength(10);
      const first = pool['workers'][0]!.threadId;
      const huge = page(60_000);
      const result = (await pool.analyse(huge))!;
      expect(JSON.parse(result.links)).toHaveLength(60_000);
      expect(result.facts).toEqual(analysePage(huge).facts);
      expect(pool['workers'][0]!.threadId).not.toBe(first); // the worker died on it and was replaced
      expect(lost).toEqual([expect.stringMatching(/^an analysis worker stopped \(.*out of memory.*\) with 1 page\(s\) in hand/)]);
      expect(JSON.parse((await pool.analyse(page(12)))!.links)).toHaveLength(12);
    } finally {
      await pool.close();
    }
  });

  it('analyses a page handed over as a view into a larger buffer (a pooled slice, zlib\'s chunk) from the view\'s bytes alone, and leaves the caller\'s buffer whole', async () => {
    const pool = new AnalysisPool(1);
    try {
      const request = page(5);
      const html = Buffer.from(request.bytes);
      const around = '<li><a href="/around.html">缓冲区里这一页之外的别的内容</a><span>2026-11-02</span></li>';
      const shared = Buffer.from(`${around.repeat(100)}${html.toString()}${around.repeat(100)}`);
      const view = shared.subarray(Buffer.byteLength(around) * 100, Buffer.byteLength(around) * 100 + html.length);
      const result = (await pool.analyse({ ...request, bytes: view }))!;
      expect(result.facts).toEqual(analysePage(request).facts);
      expect(JSON.parse(result.links)).toHaveLength(5);
      // not moved away from the caller: both still read as before
      expect(view.equals(html)).toBe(true);
      expect(shared.toString()).toBe(`${around.repeat(100)}${html.toString()}${around.repeat(100)}`);
    } finally {
      await pool.close();
    }
  });

  it('a page whose analysis fails is null, said with its URL and the reason; the next page is answered', async () => {
    const pool = new AnalysisPool(1, fileURLToPath(new URL('../helpers/stub-worker.js', import.meta.url)));
    const said: [string, string][] = [];
    pool.on('unreadable', (url, message) => said.push([url, message]));
    try {
      expect(await pool.analyse({ ...page(1), url: 'http://x.gov.cn/fail.html' })).toBeNull();
      expect(said).toEqual([['http://x.gov.cn/fail.html', 'Maximum call stack size exceeded']]);
      expect(await pool.analyse({ ...page(1), url: 'http://x.gov.cn/next.html' })).toEqual({ facts: 'http://x.gov.cn/next.html' });
    } finally {
      await pool.close();
    }
  });

  it('a page a worker is stuck on is given up: null and said; a new worker takes the slot and the pages behind it, stuck ones included', { timeout: 30_000 }, async () => {
    const pool = new AnalysisPool(1, fileURLToPath(new URL('../helpers/stub-worker.js', import.meta.url)), undefined, 1000);
    const said: string[] = [];
    const lost: string[] = [];
    pool.on('unreadable', (url, message) => said.push(`${url}: ${message}`));
    pool.on('worker-lost', (message) => lost.push(message));
    try {
      const first = pool['workers'][0]!.threadId;
      // queued on the one worker: the second hanging page is behind the first, the last one behind both
      const answers = await Promise.all(['hang-1', 'hang-2', 'behind'].map((name) => pool.analyse({ ...page(1), url: `http://x.gov.cn/${name}.html` })));
      // not on this thread, which has no watchdog: by a new worker (the stub answers with its URL)
      expect(answers).toEqual([null, null, { facts: 'http://x.gov.cn/behind.html' }]);
      expect(said).toEqual(['http://x.gov.cn/hang-1.html: no answer within 1 s', 'http://x.gov.cn/hang-2.html: no answer within 1 s']);
      expect(lost).toEqual([
        expect.stringMatching(/^an analysis worker stopped \(stuck on a page for 1 s\) with 2 page\(s\) in hand; a new worker takes its place and them/),
        expect.stringMatching(/^an analysis worker stopped \(stuck on a page for 1 s\) with 1 page\(s\) in hand/),
      ]);
      expect(pool['workers'][0]!.threadId).not.toBe(first);
      expect(await pool.analyse({ ...page(1), url: 'http://x.gov.cn/next.html' })).toEqual({ facts: 'http://x.gov.cn/next.html' });
    } finally {
      await pool.close();
    }
  });

  it('reads stored copies ahead on the worker\'s own connection (what is committed); stale for a yearless date read at another as-of date and for a home page whose copy was read as another page; null for a fetch with no copy and for a database in memory', async () => {
    const analysed = analysePage({ ...page(3), url: 'http://x.gov.cn/', factsAsOf: '2026-11-15', role: 'home' });
    const asPage = analysePage({ ...page(3), url: 'http://x.gov.cn/', factsAsOf: '2026-11-15', role: 'page' });
    // a link check asks for no links: the empty link set, nothing to follow
    const checked = analysePage({ ...page(3), links: false });
    expect([checked.links, checked.follow]).toEqual([NO_LINKS, NOTHING_TO_FOLLOW]);
    // the navigation's columns are read on home pages only
    expect([JSON.parse(analysed.facts!).columns, JSON.parse(asPage.facts!).columns]).toEqual([[], null]);
    const store = (db: ReturnType<typeof openDb>) => {
      db.exec(`INSERT INTO sites (id, url) VALUES ('x', 'http://x.gov.cn/'); INSERT INTO runs (id, as_of, registry, started_at) VALUES (1, '2026-11-15', 'r.csv', '2026-11-15T00:00:00Z')`);
      db.exec(`INSERT INTO fetches (id, run_id, site_id, url, purpose, method, verdict, ms, fetched_at) VALUES (7, 1, 'x', 'http://x.gov.cn/', 'page', 'GET', 'ok', 1, '2026-11-15T00:00:00Z')`);
      db.prepare(`INSERT INTO page_facts (fetch_id, run_id, site_id, url, facts) VALUES (7, 1, 'x', 'http://x.gov.cn/', ?)`).run(analysed.facts);
      db.prepare(`INSERT INTO link_sets (fetch_id, links) VALUES (7, ?)`).run(analysed.links);
      // a list date without a year, stored at another as-of date: stale, analysed again
      db.exec(`INSERT INTO fetches (id, run_id, site_id, url, purpose, method, verdict, ms, fetched_at) VALUES (9, 1, 'x', 'http://x.gov.cn/y', 'page', 'GET', 'ok', 1, '2026-11-15T00:00:00Z')`);
      db.prepare(`INSERT INTO page_facts (fetch_id, run_id, site_id, url, facts) VALUES (9, 1, 'x', 'http://x.gov.cn/y', ?)`).run(JSON.stringify({ ...JSON.parse(analysed.facts!), asOfDependent: true }));
      // the registry's home page, crawled as another site's page
      db.exec(`INSERT INTO fetches (id, run_id, site_id, url, purpose, method, verdict, ms, fetched_at) VALUES (10, 1, 'x', 'http://x.gov.cn/z', 'page', 'GET', 'ok', 1, '2026-11-15T00:00:00Z')`);
      db.prepare(`INSERT INTO page_facts (fetch_id, run_id, site_id, url, facts) VALUES (10, 1, 'x', 'http://x.gov.cn/z', ?)`).run(asPage.facts);
    };
    const requests = [{ copyOf: 7, storedAsOf: '2026-11-15', asOf: '2026-11-15', role: 'column' as const }, { copyOf: 8, storedAsOf: '2026-11-15', asOf: '2026-11-15', role: 'page' as const },
      { copyOf: 9, storedAsOf: '2026-11-01', asOf: '2026-11-15', role: 'page' as const }, { copyOf: 10, storedAsOf: '2026-11-15', asOf: '2026-11-15', role: 'home' as const },
      { copyOf: 10, storedAsOf: '2026-11-15', asOf: '2026-11-15', role: 'page' as const }];
    const pool = new AnalysisPool(1);
    try {
      const { db } = tmpDb();
      store(db);
      const expected = readStoredCopy(db, requests[0]!);
      expect((expected as CopyRead).follow).toBe([0, 1, 2].map((i) => `+page http://x.gov.cn/art/${i}.html`).join('\n'));
      expect(await pool.readCopies(db, requests)).toEqual([expected, null, 'stale', 'stale', { follow: '' }]);
      // the worker reads what is committed: a change still in the crawler's transaction is not seen
      db.exec('BEGIN');
      db.exec(`UPDATE link_sets SET links = '[]' WHERE fetch_id = 7`);
      expect(await pool.readCopies(db, requests)).toEqual([expected, null, 'stale', 'stale', { follow: '' }]);
      db.exec('ROLLBACK');
      const memory = openDb(':memory:');
      store(memory);
      expect(await pool.readCopies(memory, requests)).toEqual([null, null, null, null, null]);
    } finally {
      await pool.close();
    }
  });

  // the stub worker takes 30 ms a page whatever the machine; the pool looks at its workers once a second
  const stubWorker = fileURLToPath(new URL('../helpers/stub-worker.js', import.meta.url));
  const urls = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `http://x.gov.cn/art/${from + i}.html`);
  /** This thread busy (its timers wait) for `ms`, posting a page every 10 ms: more pages than three workers analyse. */
  const busyPosting = async (pool: AnalysisPool, ms: number, answers: Promise<unknown>[]) => {
    const until = performance.now() + ms;
    let next = 0;
    while (performance.now() < until) if (performance.now() >= next) {
      answers.push(pool.analyse({ ...page(1), url: urls(1, answers.length)[0]! }));
      next = performance.now() + 10;
    }
    await new Promise((r) => setTimeout(r, 0)); // the pool's check, overdue, runs first: over a busy interval
    await new Promise((r) => setImmediate(r)); // and the workers' messages are read (their load is known to this thread from their first)
  };

  it('grows by a worker once pages wait while this thread idles, not while this thread is busy (2 cores); each page gets its own answer', async () => {
    const pool = new AnalysisPool({ most: 2 }, stubWorker);
    try {
      // 100 pages are 3 s of backlog for one worker
      const results = Promise.all(urls(100).map((url) => pool.analyse({ ...page(1), url })));
      // busy for longer than the pool's check interval: the backlog is there, the spare core is not
      const until = performance.now() + 1200;
      while (performance.now() < until);
      await new Promise((r) => setImmediate(r));
      expect(pool['workers'].length).toBe(1);
      await new Promise((r) => setTimeout(r, 1500));
      expect(pool['workers'].length).toBe(2);
      expect((await results).map((a) => a!.facts)).toEqual(urls(100));
      expect(pool['pending'].map((p) => p.size)).toEqual([0, 0]);
    } finally {
      await pool.close();
    }
  });

  it('a worker with a core of its own joins while this thread is busy; the one that would take this thread\'s core waits until it idles (3 cores)', async () => {
    const pool = new AnalysisPool({ most: 3 }, stubWorker);
    const answers: Promise<unknown>[] = [];
    try {
      await busyPosting(pool, 1100, answers); // the first check: the worker's first look, nothing judged yet
      await busyPosting(pool, 1100, answers); // the worker was busy: the second joins, on its own core
      expect(pool['workers'].length).toBe(2);
      await busyPosting(pool, 1100, answers); // the new worker's first look
      await busyPosting(pool, 1100, answers); // both busy, but so is this thread
      expect(pool['workers'].length).toBe(2);
      const posting = setInterval(() => answers.push(pool.analyse({ ...page(1), url: urls(1, answers.length)[0]! })), 10);
      await new Promise((r) => setTimeout(r, 2300));
      clearInterval(posting);
      expect(pool['workers'].length).toBe(3);
      expect(new Set((await Promise.all(answers)).map((a) => (a as { facts: string }).facts)).size).toBe(answers.length);
    } finally {
      await pool.close();
    }
  });

  it('does not grow for pages that arrive together at a worker busy part of the time (answers of one wave): its queue is long now and then, its core not full', async () => {
    const pool = new AnalysisPool({ most: 3 }, stubWorker);
    const answers: Promise<unknown>[] = [];
    try {
      // 12 pages every 600 ms: 360 ms of work in each 600, and 8 or more waiting for the first 120 ms
      for (let wave = 0; wave < 7; wave++) {
        answers.push(...urls(12, wave * 12).map((url) => pool.analyse({ ...page(1), url })));
        await new Promise((r) => setTimeout(r, 600));
      }
      expect(pool['workers'].length).toBe(1);
      await Promise.all(answers);
    } finally {
      await pool.close();
    }
  });
});
