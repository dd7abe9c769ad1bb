/**
 * Marsaglia's xorshift128 generator — the algorithm of seedrandom's `xor128`, step for step
 * (test/engine/random.xor128.test.ts checks the two against each other from the same state).
 *
 * Why our own copy of the step: seedrandom builds a new closure and runs 64 warm-up steps for
 * every generator it creates. A Monte Carlo run opens several streams per pod attempt, so
 * here a stream is a long-lived object whose four state words are overwritten (`setState`)
 * when it is re-keyed — no allocation, no warm-up (the words come from a strong hash, see
 * keyed-streams.ts).
 */
export class Xor128 {
  x = 0;
  y = 0;
  z = 0;
  w = 1;

  /** Sets the state; an all-zero state (a fixed point of xorshift) becomes w = 1. */
  setState(x: number, y: number, z: number, w: number): void {
    this.x = x | 0;
    this.y = y | 0;
    this.z = z | 0;
    this.w = (x | y | z | w) === 0 ? 1 : w | 0;
  }

  /** Next signed 32-bit integer (seedrandom's `int32()`). */
  nextInt32(): number {
    const t = this.x ^ (this.x << 11);
    this.x = this.y;
    this.y = this.z;
    this.z = this.w;
    this.w = this.w ^ (this.w >>> 19) ^ t ^ (t >>> 8);
    return this.w;
  }

  /** Uniform in [0, 1) with 32 bits of resolution (seedrandom's `prng()`). */
  next(): number {
    return (this.nextInt32() >>> 0) / 0x100000000;
  }

  /** Uniform in (0, 1): never 0 or 1, for inverse-CDF sampling with unbounded support. */
  nextOpen(): number {
    return ((this.nextInt32() >>> 0) + 0.5) / 0x100000000;
  }

  /** Uniform integer in [0, n) for 0 < n ≤ 2^32, without modulo bias (rejection). */
  nextBelow(n: number): number {
    const limit = 0x100000000 - (0x100000000 % n);
    for (;;) {
      const v = this.nextInt32() >>> 0;
      if (v < limit) return v % n;
    }
  }
}
