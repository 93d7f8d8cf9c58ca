import type { Db } from './db.js';

/** Writes arriving within this window share one commit: fewer, larger WAL writes. */
const WRITE_WINDOW_MS = 20;

/**
 * Groups many small writes into one transaction (one fsync instead of hundreds). Each write's promise
 * settles after its transaction commits, so a caller knows its rows are durable before it moves on;
 * a process killed before that simply loses uncommitted work, which the frontier still lists as queued.
 * Writers may run as tracked tasks: when every task under way waits for the commit (a crawl wave's
 * end), it happens at once instead of idling them for the rest of the window.
 */
export class WriteBatch {
  private pending: { write: () => void; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private scheduled: NodeJS.Timeout | null = null;
  private tasks = 0;
  private check: NodeJS.Immediate | null = null;
  /** why nothing more is written (see stop) */
  private stopped: Error | null = null;

  constructor(private readonly db: Db, private readonly maxSize = 500, private readonly windowMs = WRITE_WINDOW_MS) {}

  write(write: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return void reject(this.stopped);
      this.pending.push({ write, resolve, reject });
      if (this.pending.length >= this.maxSize) return this.flush();
      // everything written within the window commits together
      this.scheduled ??= setTimeout(() => this.flush(), this.windowMs);
      this.flushIfAllWait();
    });
  }

  /** Runs a task that writes through this batch (each task waits for one write at a time). */
  async track(task: () => Promise<void>): Promise<void> {
    this.tasks++;
    try {
      await task();
    } finally {
      this.tasks--;
      this.flushIfAllWait();
    }
  }

  flush(): void {
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.db.transaction(() => batch.forEach((p) => p.write()))();
      batch.forEach((p) => p.resolve());
    } catch (e) {
      batch.forEach((p) => p.reject(e));
    }
  }

  /**
   * Commits what is waiting, then refuses every later write with `reason`: a run that stops on an
   * error keeps what it had answered, and nothing the stop itself causes (requests cut off) is written.
   */
  stop(reason: Error): void {
    this.flush();
    this.stopped = reason;
  }

  /** Looked at once the current turn of the event loop is over: tasks started together are all counted by then. */
  private flushIfAllWait(): void {
    this.check ??= setImmediate(() => {
      this.check = null;
      if (this.tasks > 0 && this.pending.length >= this.tasks) this.flush();
    });
  }
}
