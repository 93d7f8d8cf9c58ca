import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'expect';
import { TIGHT_ABOVE_MB, watchHeapGrowth } from '../src/heap-growth.js';

/**
 * Watches a process whose resident size reads `readings` in turn (then its last one) until it
 * tightens or has read them all (or 1 s passed); then counts the readings of the next 30 ms, and
 * of 30 ms after the watch is stopped.
 */
async function watch(readings: number[]): Promise<{ reads: number; tightenedAt: number[]; readsAfter: number; readsAfterStop: number }> {
  let reads = 0;
  const tightenedAt: number[] = [];
  const stop = watchHeapGrowth({ everyMs: 1, rssMb: () => readings[Math.min(reads++, readings.length - 1)]!, tighten: () => tightenedAt.push(reads) });
  const giveUp = Date.now() + 1000;
  while (tightenedAt.length === 0 && reads < readings.length && Date.now() < giveUp) await sleep(2);
  const settled = reads;
  await sleep(30);
  const readsAfter = reads - settled;
  stop();
  const stopped = reads;
  await sleep(30);
  return { reads: settled, tightenedAt, readsAfter, readsAfterStop: reads - stopped };
}

describe('watchHeapGrowth', () => {
  const cases: { name: string; readings: number[]; tightenedAt: number[] }[] = [
    { name: 'a process that stays at or under the mark never tightens', readings: [120, 300, TIGHT_ABOVE_MB, 200], tightenedAt: [] },
    { name: 'the first reading past the mark tightens, once, and the watch ends there', readings: [120, 300, TIGHT_ABOVE_MB + 1, 600, 900], tightenedAt: [3] },
    { name: 'a process already past the mark tightens at its first reading', readings: [500, 100], tightenedAt: [1] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const { reads, tightenedAt, readsAfter, readsAfterStop } = await watch(c.readings);
      expect(tightenedAt).toEqual(c.tightenedAt);
      if (c.tightenedAt.length > 0) {
        expect(reads).toBe(c.tightenedAt[0]);
        // once tightened, the watch has ended by itself
        expect(readsAfter).toBe(0);
      } else {
        expect(readsAfter).toBeGreaterThan(0);
      }
      expect(readsAfterStop).toBe(0);
    });
  }

  it('leaves a growth given to Node at start as it is: no reading, nothing set', async () => {
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `${before ?? ''} --heap_growing_percent=50`;
    try {
      expect(await watch([900])).toEqual({ reads: 0, tightenedAt: [], readsAfter: 0, readsAfterStop: 0 });
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
  });

  it("this Node's V8 has the flag it sets (setFlagsFromString ignores a flag it does not know)", () => {
    expect(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' })).toMatch(/^\s*--heap-growing-percent \(/m);
  });
});
