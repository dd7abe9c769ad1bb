import seedrandom from "seedrandom";
import { fmix32, hashString, mixWord } from "./hash.js";
import type { Xor128 } from "./xor128.js";

/**
 * Keyed random streams: every draw is a function of (scenario seed, run index, stream key,
 * two integer coordinates) and of nothing else.
 *
 * - The scenario seed (a number or any string) becomes a 128-bit root once, through
 *   seedrandom's `alea` (its Mash hash accepts any seed text).
 * - `setRun(i)` absorbs the run index; run i is therefore the same whether it runs alone, in a
 *   worker or in a shard.
 * - `reseed(rng, key, a, b)` overwrites the state of a caller-owned generator with a 128-bit
 *   state derived from (root, run, key, a, b) by two independent MurmurHash3 chains (64 bits of
 *   entropy before expansion: among 10^8 streams the chance of two sharing a state is ≈ 3·10^-4).
 *   Keys name their consumer ("job/default/x/outcome"); a and b are its coordinates (pod
 *   attempt, container run). Drawing from one stream never moves another, and a new key added
 *   somewhere leaves every existing key's draws unchanged.
 */
export class StreamKey {
  constructor(
    readonly name: string,
    readonly hash: number,
  ) {}
}

const CHAIN_A_SEED = 0x3c6ef372;
const CHAIN_B_SEED = 0xa54ff53a;

export class RandomSource {
  readonly seed: number | string;
  private readonly root = new Int32Array(4);
  private chainA = 0;
  private chainB = 0;
  private currentRun = -1;
  private readonly keys = new Map<string, StreamKey>();

  constructor(seed: number | string) {
    this.seed = seed;
    const alea = seedrandom.alea(String(seed));
    for (let i = 0; i < 4; i++) this.root[i] = alea.int32();
    this.setRun(0);
  }

  /** The run index whose draws `reseed` produces now. */
  get run(): number {
    return this.currentRun;
  }

  /** Selects run `run` (an integer in [0, 2^53)). */
  setRun(run: number): void {
    if (!Number.isSafeInteger(run) || run < 0)
      throw new RangeError(`run index must be a safe integer ≥ 0, got ${run}`);
    const lo = run % 0x100000000;
    const hi = (run - lo) / 0x100000000;
    let a = CHAIN_A_SEED;
    let b = CHAIN_B_SEED;
    for (let i = 0; i < 4; i++) {
      a = mixWord(a, this.root[i]);
      b = mixWord(b, this.root[3 - i]);
    }
    this.chainA = mixWord(mixWord(a, lo), hi);
    this.chainB = mixWord(mixWord(b, hi), lo);
    this.currentRun = run;
  }

  /** The key for a stream name; the same object for the same name (hash computed once). */
  key(name: string): StreamKey {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = new StreamKey(name, hashString(name));
      this.keys.set(name, k);
    }
    return k;
  }

  /**
   * Positions `rng` at the start of stream (key, a, b) of the current run. `key` is a StreamKey
   * or its 32-bit hash (callers on hot paths keep hashes); a, b: 32-bit integers.
   */
  reseed(rng: Xor128, key: StreamKey | number, a = 0, b = 0): void {
    const k = typeof key === "number" ? key : key.hash;
    const ha = fmix32(mixWord(mixWord(mixWord(this.chainA, k), a), b) ^ 12);
    const hb = fmix32(mixWord(mixWord(mixWord(this.chainB, b), a), k) ^ 12);
    rng.setState(
      ha,
      hb,
      fmix32((ha + 0x9e3779b9) | 0) ^ fmix32(hb ^ 0x7f4a7c15),
      fmix32((hb + 0x6a09e667) | 0) ^ fmix32(ha ^ 0xbb67ae85),
    );
  }
}
