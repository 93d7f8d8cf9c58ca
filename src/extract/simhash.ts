/**
 * SimHash of a text's character 3-grams, as 16 hex digits: near-identical articles ("twin reports"
 * with only dates and names changed) differ in a few bits.
 */
export function simhash(text: string): string {
  const clean = text.replace(/\s+/g, '');
  const weights = new Array<number>(64).fill(0);
  for (let i = 0; i + 3 <= clean.length; i++) {
    const gram = clean.slice(i, i + 3);
    const hi = fnv1a(gram, 0x811c9dc5);
    const lo = fnv1a(gram, 0x01000193);
    for (let b = 0; b < 32; b++) {
      weights[b]! += (hi >>> b) & 1 ? 1 : -1;
      weights[b + 32]! += (lo >>> b) & 1 ? 1 : -1;
    }
  }
  let hex = '';
  for (let nibble = 15; nibble >= 0; nibble--) {
    let v = 0;
    for (let k = 3; k >= 0; k--) v = (v << 1) | (weights[nibble * 4 + k]! > 0 ? 1 : 0);
    hex += v.toString(16);
  }
  return hex;
}

/** Bits that differ between two SimHashes: 0 identical, ≤ 3 near-duplicates. */
export function hammingDistance(a: string, b: string): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    let x = parseInt(a[i]!, 16) ^ parseInt(b[i]!, 16);
    for (; x; x &= x - 1) d++;
  }
  return d;
}

/** Share of identical bits: what a finding reports as `similarity`. */
export function similarity(a: string, b: string): number {
  return Math.round((1 - hammingDistance(a, b) / 64) * 1000) / 1000;
}

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
