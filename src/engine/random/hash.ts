/**
 * 32-bit integer hashing used to derive stream states. MurmurHash3's block mixing and
 * finalizer (public domain, Austin Appleby): every input bit affects every output bit, and
 * `fmix32` is a bijection, so distinct inputs to a chain rarely collide.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Absorbs one 32-bit word into a running MurmurHash3 state. */
export function mixWord(h: number, word: number): number {
  let k = Math.imul(word | 0, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finalizer: a bijective avalanche on 32 bits. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Hash of a string's UTF-16 code units (used once per stream name, never per draw). */
export function hashString(s: string, seed = 0): number {
  let h = seed | 0;
  let i = 0;
  for (; i + 1 < s.length; i += 2) h = mixWord(h, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < s.length) h = mixWord(h, s.charCodeAt(i));
  return fmix32(h ^ s.length);
}
