/**
 * An exact counting histogram of non-negative integers: quantiles, mean and variance with no
 * approximation, and merging by adding counts — exact and order-independent, so a histogram
 * built in shards and merged equals the one built in one pass, bit for bit.
 *
 * Memory is O(largest value), not O(number of values): values below DENSE_LIMIT are counted in
 * a growable dense array, larger ones in a map.
 */
const DENSE_LIMIT = 1 << 22;

export class IntHistogram {
  private dense: Float64Array = new Float64Array(16);
  private denseMax = -1;
  private readonly sparse = new Map<number, number>();
  private total = 0;

  /** Number of values added. */
  get count(): number {
    return this.total;
  }

  /** Adds `times` occurrences of `value` (a non-negative safe integer). */
  add(value: number, times = 1): void {
    if (!(value >= 0) || !Number.isSafeInteger(value)) {
      throw new RangeError(`histogram values are non-negative integers, got ${value}`);
    }
    if (value < DENSE_LIMIT) {
      if (value >= this.dense.length) this.growTo(value);
      this.dense[value] += times;
      if (value > this.denseMax) this.denseMax = value;
    } else {
      this.sparse.set(value, (this.sparse.get(value) ?? 0) + times);
    }
    this.total += times;
  }

  /** Adds every count of `other` (exact; order does not matter). */
  merge(other: IntHistogram): void {
    other.forEach((v, c) => {
      this.add(v, c);
    });
  }

  /** Calls fn(value, count) for each value present, ascending. */
  forEach(fn: (value: number, count: number) => void): void {
    const d = this.dense;
    for (let v = 0; v <= this.denseMax; v++) if (d[v] !== 0) fn(v, d[v]);
    if (this.sparse.size > 0) {
      const keys = Array.from(this.sparse.keys()).sort((a, b) => a - b);
      for (const k of keys) fn(k, this.sparse.get(k)!);
    }
  }

  /**
   * The p-quantile by the inverted empirical CDF (Hyndman & Fan type 1): the smallest value v
   * with #{x ≤ v} ≥ p·n. p = 0.5 gives the lower median; always one of the values added.
   */
  quantile(p: number): number {
    if (this.total === 0) return Number.NaN;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
    const rank = Math.max(1, Math.ceil(p * this.total - 1e-9));
    let acc = 0;
    let result = Number.NaN;
    let found = false;
    this.forEach((v, c) => {
      if (found) return;
      acc += c;
      if (acc >= rank) {
        result = v;
        found = true;
      }
    });
    return result;
  }

  /** Cumulative fraction of values ≤ v. */
  cdf(v: number): number {
    if (this.total === 0) return Number.NaN;
    let acc = 0;
    this.forEach((value, c) => {
      if (value <= v) acc += c;
    });
    return acc / this.total;
  }

  min(): number {
    let m = Number.NaN;
    this.forEach((v) => {
      if (Number.isNaN(m)) m = v;
    });
    return m;
  }

  max(): number {
    let m = Number.NaN;
    this.forEach((v) => {
      m = v;
    });
    return m;
  }

  /** Exact-input mean, summed in ascending value order (deterministic). */
  mean(): number {
    if (this.total === 0) return Number.NaN;
    let s = 0;
    this.forEach((v, c) => {
      s += v * c;
    });
    return s / this.total;
  }

  /** Sample variance (n − 1), two-pass over the distinct values. */
  variance(): number {
    if (this.total < 2) return 0;
    const m = this.mean();
    let s = 0;
    this.forEach((v, c) => {
      s += c * (v - m) * (v - m);
    });
    return s / (this.total - 1);
  }

  /** [value, count] pairs ascending — the serialised form. */
  toPairs(): [number, number][] {
    const out: [number, number][] = [];
    this.forEach((v, c) => {
      out.push([v, c]);
    });
    return out;
  }

  static fromPairs(pairs: readonly (readonly [number, number])[]): IntHistogram {
    const h = new IntHistogram();
    for (const [v, c] of pairs) h.add(v, c);
    return h;
  }

  clear(): void {
    this.dense.fill(0, 0, this.denseMax + 1);
    this.denseMax = -1;
    this.sparse.clear();
    this.total = 0;
  }

  private growTo(value: number): void {
    let n = this.dense.length;
    while (n <= value) n *= 2;
    const d = new Float64Array(Math.min(n, DENSE_LIMIT));
    d.set(this.dense);
    this.dense = d;
  }
}
