import { describe, it } from 'node:test';
import { expect } from 'expect';
import { insertProbes, probesOf } from '../../src/store/probes.js';
import { cases } from '../helpers/cases.js';
import { tmpDb } from '../helpers/tmp.js';

// a week of probing begun at 10:00 on 11-08: one probe every 72 minutes up to 11-15 10:00
const WEEK = Array.from({ length: 141 }, (_, k) => ({
  siteId: 's', url: 'http://s.gov.cn/', at: new Date(Date.parse('2026-11-08T10:00:00Z') + k * 72 * 60_000).toISOString(),
  ok: true, status: 200, errorCode: null, ms: 5, fingerprint: null, newest: null, certificate: null, controlFailed: false,
}));

describe('probesOf: the monitoring week before the as-of date', () => {
  const { db } = tmpDb();
  db.exec(`INSERT INTO sites (id, url) VALUES ('s', 'http://s.gov.cn/')`);
  insertProbes(db, WEEK);
  cases([
    ['as of its last day: the 7 × 24 hours up to its last probe, not calendar days that cut both ends short', '2026-11-15', 140, '2026-11-08T11:12:00.000Z', '2026-11-15T10:00:00.000Z'],
    ['as of the day after: the same week', '2026-11-16', 140, '2026-11-08T11:12:00.000Z', '2026-11-15T10:00:00.000Z'],
    ['as of a day in it: up to its last probe of that day, none later', '2026-11-12', 92, '2026-11-08T10:00:00.000Z', '2026-11-12T23:12:00.000Z'],
    ['as of five days after it ended: the 7 days up to the as-of date, with what little of the week is in them', '2026-11-20', 29, '2026-11-14T00:24:00.000Z', '2026-11-15T10:00:00.000Z'],
    ['as of a day before it began: none', '2026-11-07', 0, undefined, undefined],
  ])('%s', (_what, asOf: string, count: number, first: string | undefined, last: string | undefined) => {
    const probes = probesOf(db, 's', asOf);
    expect([probes.length, probes[0]?.at, probes.at(-1)?.at]).toEqual([count, first, last]);
  });
});

describe('probes set aside', () => {
  it('a failure after which no control URL answered is kept, and not counted', () => {
    const { db } = tmpDb();
    db.exec(`INSERT INTO sites (id, url) VALUES ('s', 'http://s.gov.cn/')`);
    const failed = { ...WEEK[0]!, ok: false, status: null, errorCode: 'ETIMEDOUT' };
    insertProbes(db, [WEEK[0]!, { ...failed, at: WEEK[1]!.at }, { ...failed, at: WEEK[2]!.at, controlFailed: true }]);
    expect(probesOf(db, 's', '2026-11-08').map((p) => [p.at, p.ok])).toEqual([[WEEK[0]!.at, true], [WEEK[1]!.at, false]]);
    expect(db.prepare(`SELECT at, control_failed AS c FROM probes ORDER BY at`).all()).toEqual([{ at: WEEK[0]!.at, c: 0 }, { at: WEEK[1]!.at, c: 0 }, { at: WEEK[2]!.at, c: 1 }]);
  });
});
