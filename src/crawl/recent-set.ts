/** A set that forgets its oldest entries past a size: a bounded memory of what was seen lately. */
export class RecentSet {
  private readonly items = new Set<string>();
  constructor(private readonly capacity: number) {}

  has(key: string): boolean {
    return this.items.has(key);
  }

  add(key: string): void {
    if (this.items.has(key)) return;
    this.items.add(key);
    // a Set iterates in insertion order: the first key is the oldest
    if (this.items.size > this.capacity) this.items.delete(this.items.values().next().value!);
  }
}
