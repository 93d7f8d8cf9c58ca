import PQueue from 'p-queue';

interface Slot {
  active: number;
  limit: number;
  waiting: (() => void)[];
  /** when a request last started or ended: a delay counts from the later (Crawl-delay is the wait between one page loaded and the next asked for) */
  lastActive: number;
  /** no start before this (a Retry-After) */
  pausedUntil: number;
  /** minimum gap before a start (per-host delay, Crawl-delay) */
  delayMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Global concurrency across hosts plus a connection limit and pacing per politeness key
 * (an origin, and the IP it resolves to, since many government sites share one platform host).
 * A task takes its host slots before a global slot, so a busy host never blocks the others.
 */
export class Politeness {
  private readonly global: PQueue;
  private readonly slots = new Map<string, Slot>();

  constructor(concurrency: number, private readonly perKeyLimit: (key: string) => number, private readonly defaultDelayMs: number) {
    this.global = new PQueue({ concurrency });
  }

  /** Pace a key: each request starts `ms` at least after the last one started and ended (robots.txt Crawl-delay). */
  setDelay(key: string, ms: number): void {
    const slot = this.slot(key);
    slot.delayMs = Math.max(slot.delayMs, ms);
  }

  /** Hold every request to a key until `ms` from now (a 429 or 503 with Retry-After). */
  pause(key: string, ms: number): void {
    const slot = this.slot(key);
    slot.pausedUntil = Math.max(slot.pausedUntil, Date.now() + ms);
  }

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    // a fixed acquisition order keeps two tasks from each holding the slot the other waits for
    const ordered = [...new Set(keys)].sort();
    for (const key of ordered) await this.acquire(key);
    try {
      await this.pace(ordered);
      return await this.global.add(task, { throwOnTimeout: true });
    } finally {
      const now = Date.now();
      for (const key of ordered) {
        this.slot(key).lastActive = now;
        this.release(key);
      }
    }
  }

  private slot(key: string): Slot {
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { active: 0, limit: this.perKeyLimit(key), waiting: [], lastActive: 0, pausedUntil: 0, delayMs: this.defaultDelayMs };
      this.slots.set(key, slot);
    }
    return slot;
  }

  private async acquire(key: string): Promise<void> {
    const slot = this.slot(key);
    while (slot.active >= slot.limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.active++;
  }

  private release(key: string): void {
    const slot = this.slot(key);
    slot.active--;
    slot.waiting.shift()?.();
  }

  private async pace(keys: readonly string[]): Promise<void> {
    // re-read after every sleep: another task may have started, or a Retry-After arrived, meanwhile
    for (;;) {
      const now = Date.now();
      const start = Math.max(now, ...keys.map((k) => this.slot(k)).map((s) => Math.max(s.pausedUntil, s.lastActive + s.delayMs)));
      if (start <= now) break;
      await sleep(start - now);
    }
    const now = Date.now();
    for (const k of keys) this.slot(k).lastActive = now;
  }
}
