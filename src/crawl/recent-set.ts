import { ownCopy } from '../own-copy.js';

/**
 * A set that forgets its oldest entries past a size: a bounded memory of what was seen lately. It
 * keeps copies of its keys: a key split off a page's follow list would keep the whole list alive.
 */
export class RecentSet {
  private readonly items = new Set<string>();
  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.items.has(key);
  }

  add(key: string): void {
    if (this.items.has(key)) return;
    this.items.add(ownCopy(key));
    // a Set iterates in insertion order: the first key is the oldest
    if (this.items.size > this.capacity) this.items.delete(this.items.values().next().value!);
  }
}
