import { fmix32, mixWord } from "../engine/random/hash.js";

/**
 * A digest of every run's result, in run order, that splits and merges exactly: runs are
 * chained in order within blocks of BLOCK_RUNS consecutive run indexes; each block's chain
 * is mixed with the block's index into four 32-bit lanes that are summed. A shard or worker
 * that owns whole blocks contributes its lane sums; adding them gives the one-process digest.
 * Constant memory; any change to any run's result, or any reordering, changes it.
 */

export const BLOCK_RUNS = 4096;

const LANE_SEEDS = [0x1b873593, 0xcc9e2d51, 0x85ebca6b, 0xc2b2ae35];

export class Fingerprint {
  readonly lanes = new Uint32Array(4);
  private chain = 0;
  private block = -1;

  /** Starts run `run`; runs must come in increasing order within a block. */
  beginRun(run: number): void {
    const block = Math.floor(run / BLOCK_RUNS);
    if (block !== this.block) {
      this.flush();
      this.block = block;
      this.chain = 0x6a09e667;
    }
    this.chain = mixWord(this.chain, run % BLOCK_RUNS);
  }

  /** Mixes one integer of the current run's result. */
  word(value: number): void {
    this.chain = mixWord(this.chain, value | 0);
    // Values above 32 bits (long durations in ms) keep their high part too.
    if (value > 0x7fffffff || value < -0x80000000)
      this.chain = mixWord(this.chain, Math.floor(value / 0x100000000));
  }

  /** Ends the current block; call before reading `lanes`. */
  flush(): void {
    if (this.block < 0) return;
    const h = fmix32(this.chain);
    for (let i = 0; i < 4; i++)
      this.lanes[i] = (this.lanes[i] + fmix32(mixWord(mixWord(LANE_SEEDS[i], this.block), h))) >>> 0;
    this.block = -1;
  }

  merge(other: Fingerprint): void {
    for (let i = 0; i < 4; i++) this.lanes[i] = (this.lanes[i] + other.lanes[i]) >>> 0;
  }

  hex(): string {
    return Array.from(this.lanes, (x) => x.toString(16).padStart(8, "0")).join("");
  }

  static fromHex(hex: string): Fingerprint {
    const f = new Fingerprint();
    for (let i = 0; i < 4; i++) f.lanes[i] = Number.parseInt(hex.slice(8 * i, 8 * i + 8), 16);
    return f;
  }
}
