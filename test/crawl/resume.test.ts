import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { cases } from '../helpers/cases.js';
import { FixtureFleet } from '../../src/fixture-server/server.js';
import { startCli } from '../helpers/cli.js';
import { crawlOptions, toCrawlOptions, type RawCrawlOptions } from '../../src/cli/options.js';
import { crawlRegistry } from '../../src/crawl/run-crawl.js';
import { withDb } from '../../src/store/db.js';
import { tmpDir, writeTmp } from '../helpers/tmp.js';

const PAGES = 150;
const page = (i: number) => `<html><head><meta charset="utf-8"><title>第${i}页</title></head><body>${
  [i + 1, i + 2, i * 7 + 3].map((k) => `<a href="/p${k % PAGES}.html">链接</a>`).join('')}<a href="/missing${i % 5}.html">失效</a></body></html>`;

let fleet: FixtureFleet;
let registry: string;

before(async () => {
  const files = Object.fromEntries([['/', page(0)], ...Array.from({ length: PAGES }, (_, i) => [`/p${i}.html`, page(i)])]);
  const behaviours = Object.fromEntries(Array.from({ length: PAGES }, (_, i) => [`/p${i}.html`, { delayMs: 8 }]));
  fleet = await FixtureFleet.start({ a: { files, behaviours }, b: { files, behaviours } });
  registry = writeTmp('resume.csv', `id,url\nsite-a,${fleet.origin('a')}/\nsite-b,${fleet.origin('b')}/\n`);
});
after(() => fleet.close());

const crawlArgs = (db: string, ...extra: string[]) => ['crawl', registry, '--db', db, '--as-of', '2026-11-15', '--per-host', '2', '--max-depth', '200', ...extra];

/** Everything a crawl stored, in a comparable form (ids and timings left out). */
function storedResult(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const q = (sql: string) => db.prepare(sql).all();
    return {
      runs: q(`SELECT as_of, finished_at IS NOT NULL AS finished FROM runs`),
      fetches: q(`SELECT site_id, url, purpose, method, attempt, status, error_code, verdict, soft404, body_hash FROM fetches WHERE purpose IN ('page', 'check') ORDER BY site_id, url, attempt`),
      links: q(`SELECT site_id, from_url, target, tag, on_homepage FROM page_links ORDER BY site_id, from_url, target, tag`),
      frontier: q(`SELECT site_id, url, kind, depth, state FROM frontier ORDER BY site_id, url`),
      sites: q(`SELECT run_id, site_id, finished_at IS NOT NULL AS finished FROM run_sites ORDER BY site_id`),
      // rows whose parent is missing (the crawl writes with foreign keys unchecked)
      orphans: q(`PRAGMA foreign_key_check`),
    };
  } finally {
    db.close();
  }
}

function storedPageUrls(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT url FROM fetches WHERE purpose = 'page'`).all() as { url: string }[]).map((r) => r.url);
  } finally {
    db.close();
  }
}

async function waitForFetches(file: string, n: number, exited: () => boolean): Promise<void> {
  while (!exited()) {
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      const count = (db.prepare(`SELECT count(*) AS n FROM fetches WHERE purpose = 'page'`).get() as { n: number }).n;
      db.close();
      if (count >= n) return;
    } catch {
      // not created yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('kill -9 mid-crawl, then --resume', () => {
  let reference: ReturnType<typeof storedResult>;

  before(async () => {
    const file = join(tmpDir(), 'whole.db');
    const { done } = startCli(crawlArgs(file));
    expect((await done).code).toBe(0);
    reference = storedResult(file);
  });

  it('the uninterrupted crawl is complete (the comparison means something)', () => {
    expect(reference.fetches.filter((f) => (f as { purpose: string }).purpose === 'page')).toHaveLength(2 * (PAGES + 1 + 5));
    expect(reference.sites).toEqual([{ run_id: 1, site_id: 'site-a', finished: 1 }, { run_id: 1, site_id: 'site-b', finished: 1 }]);
    expect(reference.orphans).toEqual([]);
  });

  cases([['SIGINT', 130], ['SIGTERM', 143]])('%s (Ctrl-C; a scheduler stopping a pod) ends with exit %i and a line on how to go on; --resume finishes the same', async (signal, code) => {
    const file = join(tmpDir(), 'interrupted.db');
    const first = startCli(crawlArgs(file));
    let exited = false;
    void first.done.then(() => (exited = true));
    await waitForFetches(file, 60, () => exited);
    first.child.kill(signal);
    const stopped = await first.done;
    // its stderr beside the exit, should it end otherwise (a SIGABRT seen once in CI under load, 2026-12-01: its output unknown)
    expect([stopped.code, stopped.signal, stopped.code === code ? '' : stopped.stderr]).toEqual([code, null, '']);
    expect(stopped.stderr).toMatch(new RegExp(`(^|\\n)${signal}: stopped at sites \\d+/2 · pages \\d+ · [\\d.]+ pages/s · errors \\d+; every page stored so far is kept, and the same command with --resume continues this run\\n$`));
    const second = startCli(crawlArgs(file, '--resume'));
    expect((await second.done).code).toBe(0);
    expect(storedResult(file)).toEqual(reference);
  });

  cases([10, 120, 250])('killed after %i stored pages: same stored result, nothing stored fetched again', async (killAfter) => {
    const file = join(tmpDir(), 'killed.db');
    const first = startCli(crawlArgs(file));
    let exited = false;
    void first.done.then(() => (exited = true));
    await waitForFetches(file, killAfter, () => exited);
    first.child.kill('SIGKILL');
    expect((await first.done).signal).toBe('SIGKILL');

    const storedBeforeResume = storedPageUrls(file);
    const hitsBefore = new Map([...fleet.stats('a').hits, ...[...fleet.stats('b').hits].map(([k, v]) => [`b ${k}`, v] as const)]);
    const second = startCli(crawlArgs(file, '--resume'));
    expect((await second.done).code).toBe(0);

    expect(storedResult(file)).toEqual(reference);
    for (const url of storedBeforeResume) {
      const { pathname, origin } = new URL(url);
      const key = origin === fleet.origin('a') ? `GET ${pathname}` : `b GET ${pathname}`;
      const now = origin === fleet.origin('a') ? fleet.stats('a').hits.get(`GET ${pathname}`) : fleet.stats('b').hits.get(`GET ${pathname}`);
      expect({ url, hits: now }).toEqual({ url, hits: hitsBefore.get(key) });
    }
  });

  it('the disk filling up mid-crawl stops it with one line naming the file; nothing stored is lost, and --resume finishes the same', async () => {
    const file = join(tmpDir(), 'full.db');
    // the options `crawlArgs` gives the command, read as the command reads them
    const raw = { ...Object.fromEntries(crawlOptions().map((o) => [o.attributeName(), o.defaultValue])), perHost: '2', maxDepth: '200' } as RawCrawlOptions;
    const crawl = withDb(file, async (db) => {
      // a disk with room for a part of the crawl (the whole one takes ~300 pages of 4 KiB)
      db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 80}`);
      await crawlRegistry(db, { registry, asOf: '2026-11-15', resume: false, options: toCrawlOptions(raw) });
    }, { resumable: true });
    await expect(crawl).rejects.toThrow(`${file}: the disk holding it (or the temporary folder) is full (SQLite: database or disk is full). Nothing it stored is lost: once this is fixed, --resume goes on with an unfinished crawl, and \`govsite check\` reports a finished one`);
    const stored = storedPageUrls(file).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(2 * (PAGES + 1 + 5));
    expect(storedResult(file).orphans).toEqual([]);
    const second = startCli(crawlArgs(file, '--resume'));
    expect((await second.done).code).toBe(0);
    expect(storedResult(file)).toEqual(reference);
  });

  cases([
    ['the as-of date of its finished run: reported as it is, nothing crawled again (a pod evicted in its report, restarted)', '2026-11-15', { runs: 1, crawled: false }],
    ['another as-of date: a new run, crawled', '2026-11-16', { runs: 2, crawled: true }],
  ])('audit --resume after a crawl that finished, %s', async (_, asOf, expected) => {
    const file = join(tmpDir(), 'finished.db');
    expect((await startCli(crawlArgs(file)).done).code).toBe(0);
    const requests = () => fleet.stats('a').requests + fleet.stats('b').requests;
    const before = requests();
    const output = join(tmpDir(), 'report.json');
    const audit = await startCli(['audit', registry, '--db', file, '--as-of', asOf, '--per-host', '2', '--max-depth', '200', '--resume', '--format', 'json', '--output', output]).done;
    expect(audit.code).toBe(0);
    const db = new Database(file, { readonly: true });
    const runs = (db.prepare(`SELECT count(*) AS n FROM runs`).get() as { n: number }).n;
    db.close();
    expect({ runs, crawled: requests() > before }).toEqual(expected);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ run: expected.runs, asOf });
    expect(audit.stderr.includes(`run 1 of this registry (as of 2026-11-15) finished its crawl at `)).toBe(expected.runs === 1);
  });

  it('--resume with sites added to the registry since the run began: named, and not audited in it', async () => {
    const file = join(tmpDir(), 'grown.db');
    const grown = writeTmp('grown.csv', `id,url\nsite-a,${fleet.origin('a')}/\n`);
    const args = ['crawl', grown, '--db', file, '--as-of', '2026-11-15', '--max-depth', '0'];
    expect((await startCli(args).done).code).toBe(0);
    writeFileSync(grown, `id,url\nsite-a,${fleet.origin('a')}/\nsite-b,${fleet.origin('b')}/\n`);
    const resumed = await startCli([...args, '--resume']).done;
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('1 site(s) of the registry are not in run 1, which began before they were added: site-b; this run does not audit them (a new run, without --resume, does)\n');
    const db = new Database(file, { readonly: true });
    expect(db.prepare(`SELECT site_id FROM run_sites`).pluck().all()).toEqual(['site-a']);
    db.close();
  });
});
