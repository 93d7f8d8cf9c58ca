import { UsageError } from '../errors.js';

/** One part of N: `--shard 2/3` is the second of three (1-based, as Playwright and Jest spell it). */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const shard = m ? { index: Number(m[1]), count: Number(m[2]) } : null;
  if (!shard || shard.count < 1 || shard.index < 1 || shard.index > shard.count) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N, got "${value}"`);
  return shard;
}

/** Whether a site belongs to a shard: a stable hash of its id, so a site always lands in the same part. */
export function inShard(siteId: string, shard: Shard | undefined): boolean {
  if (!shard) return true;
  let h = 0x811c9dc5;
  for (let i = 0; i < siteId.length; i++) h = Math.imul(h ^ siteId.charCodeAt(i), 0x01000193) >>> 0;
  // murmur3's finaliser: FNV alone leaves similar administrative codes bunched in a few shards
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % shard.count === shard.index - 1;
}
