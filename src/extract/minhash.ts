/**
 * MinHash signatures of article bodies (character 3-grams, digits left out): twin reports — the same
 * text with only dates, numbers and names changed — have signatures that agree almost everywhere.
 */
export const SIGNATURE_SIZE = 64;
/** Estimated Jaccard similarity from which two bodies are twins. */
export const TWIN_SIMILARITY = 0.85;

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x85ebca6b) >>> 0);

export function minhash(text: string): number[] {
  const clean = text.replace(/[\s\d]+/g, '');
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + 3 <= clean.length; i++) {
    const base = fnv1a(clean.slice(i, i + 3));
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(base ^ SEEDS[k]!);
      if (h < signature[k]!) signature[k] = h;
    }
  }
  return signature;
}

/** Share of agreeing components: an estimate of the 3-gram Jaccard similarity. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return Math.round((same / SIGNATURE_SIZE) * 1000) / 1000;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** murmur3's finaliser: spreads one hash into independent-looking ones per seed */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
