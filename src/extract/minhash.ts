/**
 * Bottom-k MinHash sketches of article bodies (character 3-grams, whitespace and digits left out): twin reports —
 * the same text with only dates, numbers and names changed — share almost all of their sketch.
 * One hash per 3-gram and the k smallest kept: far cheaper than k hash functions.
 */
export const SKETCH_SIZE = 64;
/** Estimated Jaccard similarity from which two bodies are twins. */
export const TWIN_SIMILARITY = 0.85;

/** the hashes' range: 32 bits */
const HASHES = 2 ** 32;

export function minhash(text: string): number[] {
  // hashes are uniform: of a text's n distinct 3-grams about 2k hash below 2k/n of the range, and the
  // k smallest are among them — only those are sorted into the sketch (that sorting was most of the
  // time). A text with fewer distinct 3-grams than its length promised (repeats, spaces, digits) can
  // leave fewer than k below: it is read again with no bound
  const bound = Math.min(HASHES, Math.floor(((2 * SKETCH_SIZE) / Math.max(1, text.length)) * HASHES));
  return smallestHashes(text, bound) ?? smallestHashes(text, HASHES)!;
}

/** The k smallest distinct 3-gram hashes below `bound`, ascending; null if a bound left fewer than k. */
function smallestHashes(text: string, bound: number): number[] | null {
  const bounded = bound < HASHES;
  const sketch = new Float64Array(SKETCH_SIZE);
  let size = 0;
  // the 3-gram's first two characters (whitespace and digits skipped, as if cut out of the text)
  let first = -1;
  let second = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (leftOut(c)) continue;
    if (first >= 0) {
      const h = mix(fnv1a(first, second, c));
      if (h < bound) {
        let lo = 0;
        let hi = size;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (sketch[mid]! < h) lo = mid + 1;
          else hi = mid;
        }
        if (lo === size || sketch[lo] !== h) {
          if (size < SKETCH_SIZE) size++;
          for (let j = size - 1; j > lo; j--) sketch[j] = sketch[j - 1]!;
          sketch[lo] = h;
          // full: a hash above the k-th is dropped at once
          if (size === SKETCH_SIZE) bound = sketch[SKETCH_SIZE - 1]!;
        }
      }
    }
    first = second;
    second = c;
  }
  return bounded && size < SKETCH_SIZE ? null : Array.from(sketch.subarray(0, size));
}

/** A digit, or a character JavaScript's \s matches (what the sketch leaves out of the text). */
function leftOut(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * Of the k smallest hashes of both sketches together, the share found in both: estimates Jaccard
 * similarity. Sketches are sorted and duplicate-free (minhash() makes them so): one merge, no sets.
 */
export function similarity(a: readonly number[], b: readonly number[]): number {
  const k = Math.min(SKETCH_SIZE, Math.max(a.length, b.length));
  let i = 0;
  let j = 0;
  let union = 0;
  let both = 0;
  while (union < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    union++;
  }
  if (union === 0) return 0;
  return Math.round((both / union) * 1000) / 1000;
}

/** FNV-1a of a 3-gram's UTF-16 code units */
function fnv1a(a: number, b: number, c: number): number {
  const h = Math.imul(0x811c9dc5 ^ a, 0x01000193);
  return Math.imul(Math.imul(h ^ b, 0x01000193) ^ c, 0x01000193);
}

/** murmur3's finaliser: FNV's low bits alone are not uniform enough to rank */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
