/**
 * Streaming count, mean and variance (Welford's update; Chan et al.'s pairwise merge).
 *
 * Floating-point merging is not associative, so results are byte-identical only when the same
 * values are merged in the same order. Callers that split work (workers, shards) must fix the
 * reduction order by something other than the split — the analysis layer merges per-block
 * accumulators in block order for this reason.
 */
export class Welford {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Folds `other` into this accumulator (this ⊕ other: order matters for the last bits). */
  merge(other: Welford): void {
    if (other.count === 0) return;
    if (this.count === 0) {
      this.count = other.count;
      this.mean = other.mean;
      this.m2 = other.m2;
      this.min = other.min;
      this.max = other.max;
      return;
    }
    const n = this.count + other.count;
    const delta = other.mean - this.mean;
    this.mean += (delta * other.count) / n;
    this.m2 += other.m2 + (delta * delta * this.count * other.count) / n;
    this.count = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Sample variance (n − 1 denominator); 0 for fewer than two values. */
  variance(): number {
    return this.count > 1 ? this.m2 / (this.count - 1) : 0;
  }

  stdDev(): number {
    return Math.sqrt(this.variance());
  }

  /** Standard error of the mean. */
  standardError(): number {
    return this.count > 0 ? Math.sqrt(this.variance() / this.count) : 0;
  }

  clone(): Welford {
    const w = new Welford();
    w.merge(this);
    return w;
  }

  toJSON(): { count: number; mean: number; m2: number; min: number; max: number } {
    return { count: this.count, mean: this.mean, m2: this.m2, min: this.min, max: this.max };
  }

  static fromJSON(o: {
    count: number;
    mean: number;
    m2: number;
    min: number | null;
    max: number | null;
  }): Welford {
    const w = new Welford();
    w.count = o.count;
    w.mean = o.mean;
    w.m2 = o.m2;
    w.min = o.min ?? Number.POSITIVE_INFINITY;
    w.max = o.max ?? Number.NEGATIVE_INFINITY;
    return w;
  }
}
