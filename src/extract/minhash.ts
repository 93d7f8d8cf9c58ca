/**
 * Bottom-k MinHash sketches of article bodies (character 3-grams, digits left out): twin reports —
 * the same text with only dates, numbers and names changed — share almost all of their sketch.
 * One hash per 3-gram and the k smallest kept: far cheaper than k hash functions.
 */
export const SKETCH_SIZE = 64;
/** Estimated Jaccard similarity from which two bodies are twins. */
export const TWIN_SIMILARITY = 0.85;

export function minhash(text: string): number[] {
  const clean = text.replace(/[\s\d]+/g, '');
  // the k smallest distinct hashes, ascending: a hash above the k-th is dropped at once, so a long
  // body costs one hash per 3-gram, not a set and a sort of them all
  const sketch: number[] = [];
  for (let i = 0; i + 3 <= clean.length; i++) {
    const h = mix(fnv1a(clean, i));
    if (sketch.length === SKETCH_SIZE && h >= sketch[SKETCH_SIZE - 1]!) continue;
    let lo = 0;
    let hi = sketch.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sketch[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    if (sketch[lo] === h) continue;
    sketch.splice(lo, 0, h);
    if (sketch.length > SKETCH_SIZE) sketch.pop();
  }
  return sketch;
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

/** FNV-1a of the 3-gram at `i`, without slicing the string */
function fnv1a(s: string, i: number): number {
  let h = 0x811c9dc5;
  for (let k = i; k < i + 3; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193) >>> 0;
  return h;
}

/** murmur3's finaliser: FNV's low bits alone are not uniform enough to rank */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
