import Database from 'better-sqlite3';
import { describe, it } from 'node:test';
import { expect } from 'expect';
import { openDb } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { tmpDir } from '../helpers/tmp.js';
import { join } from 'node:path';

describe('migrations keep what is stored', () => {
  it('15: a database of schema 14 gets each fetch\'s link count from its link set (a copy has none of its own)', () => {
    const file = join(tmpDir(), 'v14.db');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((m) => m.version <= 14)) old.exec(m.up);
    old.pragma('user_version = 14');
    old.exec(`INSERT INTO runs (id, as_of, registry, started_at) VALUES (1, '2026-11-15', 'r.csv', '2026-11-15T00:00:00Z')`);
    const fetch = old.prepare(`INSERT INTO fetches (id, run_id, site_id, url, purpose, method, verdict, ms, fetched_at, copy_of) VALUES (?, 1, 'x', ?, ?, 'GET', 'ok', 1, '2026-11-15T00:00:00Z', ?)`);
    fetch.run(1, 'http://x.gov.cn/', 'page', null);
    fetch.run(2, 'http://x.gov.cn/a.html', 'page', null);
    fetch.run(3, 'http://x.gov.cn/', 'page', 1);
    fetch.run(4, 'http://x.gov.cn/b.pdf', 'check', null);
    old.prepare(`INSERT INTO link_sets (fetch_id, links) VALUES (?, ?)`).run(1, JSON.stringify([['http://x.gov.cn/a.html', 'a', 'A', 'http'], ['http://x.gov.cn/b.pdf', 'a', 'B', 'http']]));
    old.prepare(`INSERT INTO link_sets (fetch_id, links) VALUES (?, ?)`).run(2, JSON.stringify([['http://x.gov.cn/', 'a', '首页', 'http']]));
    old.close();
    const db = openDb(file);
    expect(db.prepare(`SELECT id, link_count FROM fetches ORDER BY id`).all()).toEqual([
      { id: 1, link_count: 2 }, { id: 2, link_count: 1 }, { id: 3, link_count: null }, { id: 4, link_count: null },
    ]);
    db.close();
  });
});
