import { describe, it } from 'node:test';
import { expect } from 'expect';
import { WriteBatch } from '../../src/store/write-batch.js';
import { tmpDb } from '../helpers/tmp.js';

/** A batch over a real SQLite file: when a write commits decides how long a crawl's visits wait. */
describe('WriteBatch', () => {
  // a window no busy machine outlasts between two turns of the event loop (at 20 ms, a test process
  // descheduled for a moment saw the window pass: the batch committed before the test looked)
  const setup = (windowMs = 2_000) => {
    const { db } = tmpDb();
    db.exec('CREATE TABLE t (n INTEGER)');
    const count = () => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
    const insert = (n: number) => () => void db.prepare('INSERT INTO t VALUES (?)').run(n);
    return { batch: new WriteBatch(db, 500, windowMs), count, insert };
  };
  /** two turns of the event loop: far less than the window */
  const tick = () => new Promise((r) => setImmediate(() => setImmediate(r)));

  it('untracked writes wait for the window, then commit together', async () => {
    const { batch, count, insert } = setup(300);
    const written = [batch.write(insert(1)), batch.write(insert(2))];
    await tick();
    expect(count()).toBe(0);
    await Promise.all(written);
    expect(count()).toBe(2);
  });

  it('commits at once when every tracked task waits for it, not while one is still at work', async () => {
    const { batch, count, insert } = setup();
    let release!: () => void;
    const busy = new Promise<void>((r) => (release = r));
    const tasks = [
      batch.track(() => batch.write(insert(1))),
      batch.track(() => batch.write(insert(2))),
      batch.track(async () => {
        await busy; // fetching, say
        await batch.write(insert(3));
      }),
    ];
    await tick();
    expect(count()).toBe(0); // two wait, one works: the window still applies
    release();
    await tick();
    expect(count()).toBe(3); // the third write made all three wait: committed without the window
    await Promise.all(tasks);
  });

  it('a task that ends without writing lets the others commit', async () => {
    const { batch, count, insert } = setup();
    let release!: () => void;
    const busy = new Promise<void>((r) => (release = r));
    const tasks = [batch.track(() => batch.write(insert(1))), batch.track(() => busy)];
    await tick();
    expect(count()).toBe(0);
    release();
    await tick();
    expect(count()).toBe(1);
    await Promise.all(tasks);
  });
});
