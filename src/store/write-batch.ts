import type { Db } from './db.js';

/** Writes arriving within this window share one commit: fewer, larger WAL writes. */
const WRITE_WINDOW_MS = 20;

/**
 * Groups many small writes into one transaction (one fsync instead of hundreds). Each write's promise
 * settles after its transaction commits, so a caller knows its rows are durable before it moves on;
 * a process killed before that simply loses uncommitted work, which the frontier still lists as queued.
 */
export class WriteBatch {
  private pending: { write: () => void; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private scheduled: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db, private readonly maxSize = 500) {}

  write(write: () => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      // everything written within the window commits together
      else this.scheduled ??= setTimeout(() => this.flush(), WRITE_WINDOW_MS);
    });
  }

  /** writes queued for the next commit */
  get waiting(): number {
    return this.pending.length;
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
}
