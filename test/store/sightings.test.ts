import { describe, it } from 'node:test';
import { expect } from 'expect';
import { recordSightings } from '../../src/store/history.js';
import { tmpDb } from '../helpers/tmp.js';

describe('recordSightings', () => {
  const rows = (db: ReturnType<typeof tmpDb>['db']) => db.prepare(`SELECT kind, key, title, date, first_seen, last_seen FROM sightings ORDER BY kind, key`).all();

  it('an item listed on several pages is one sighting: the last title, the last date shown; a later run widens its dates', () => {
    const { db } = tmpDb();
    db.prepare(`INSERT INTO sites (id, url) VALUES ('s', 'http://x.gov.cn/')`).run();
    recordSightings(db, 's', '2026-11-15', [
      { kind: 'item', key: 'http://x.gov.cn/a.html', title: '首页标题', date: '2026-11-02' },
      { kind: 'letter', key: 'http://x.gov.cn/a.html', title: '来信', date: null },
      { kind: 'item', key: 'http://x.gov.cn/a.html', title: '栏目标题', date: null },
    ]);
    expect(rows(db)).toEqual([
      { kind: 'item', key: 'http://x.gov.cn/a.html', title: '栏目标题', date: '2026-11-02', first_seen: '2026-11-15', last_seen: '2026-11-15' },
      { kind: 'letter', key: 'http://x.gov.cn/a.html', title: '来信', date: null, first_seen: '2026-11-15', last_seen: '2026-11-15' },
    ]);
    recordSightings(db, 's', '2026-12-15', [{ kind: 'item', key: 'http://x.gov.cn/a.html', title: '栏目标题', date: null }]);
    expect(rows(db)[0]).toEqual({ kind: 'item', key: 'http://x.gov.cn/a.html', title: '栏目标题', date: '2026-11-02', first_seen: '2026-11-15', last_seen: '2026-12-15' });
  });
});
