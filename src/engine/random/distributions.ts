import { inverseNormalCdf, normalCdf } from "./normal.js";
import type { Xor128 } from "./xor128.js";

/**
 * Distributions as small immutable objects with one `sample` method (a switch on an integer
 * kind: monomorphic, no closures on the hot path).
 *
 * Every random draw uses exactly one uniform and is a non-decreasing function of it (inverse
 * transform). Two consequences the analysis relies on: a stream's position after k draws does
 * not depend on the parameters, and under common random numbers a larger parameter (median,
 * mean, bounds) gives a larger or equal sample, run by run. A constant uses no uniform.
 */

export enum DistributionKind {
  Constant = 0,
  Uniform = 1,
  Exponential = 2,
  LogNormal = 3,
  Normal = 4,
  Empirical = 5,
}

export class Distribution {
  private constructor(
    readonly kind: DistributionKind,
    private readonly a: number,
    private readonly b: number,
    private readonly c: number,
    private readonly values: Float64Array | null,
  ) {}

  static constant(value: number): Distribution {
    return new Distribution(DistributionKind.Constant, value, 0, 0, null);
  }

  /** Uniform on [lo, hi]. */
  static uniform(lo: number, hi: number): Distribution {
    if (!(hi >= lo)) throw new RangeError(`uniform: upper bound ${hi} is below lower bound ${lo}`);
    return new Distribution(DistributionKind.Uniform, lo, hi, 0, null);
  }

  static exponential(mean: number): Distribution {
    if (!(mean > 0)) throw new RangeError(`exponential: mean must be > 0, got ${mean}`);
    return new Distribution(DistributionKind.Exponential, mean, 0, 0, null);
  }

  /** exp(N(ln median, sigma²)). */
  static lognormal(median: number, sigma: number): Distribution {
    if (!(median > 0)) throw new RangeError(`lognormal: median must be > 0, got ${median}`);
    if (!(sigma >= 0)) throw new RangeError(`lognormal: sigma must be ≥ 0, got ${sigma}`);
    return new Distribution(DistributionKind.LogNormal, median, sigma, 0, null);
  }

  /** N(mean, sd²) conditioned on being ≥ min (min = -Infinity: not truncated). */
  static normal(mean: number, sd: number, min = Number.NEGATIVE_INFINITY): Distribution {
    if (!(sd > 0)) throw new RangeError(`normal: sd must be > 0, got ${sd}`);
    const pMin = min === Number.NEGATIVE_INFINITY ? 0 : normalCdf((min - mean) / sd);
    if (!(pMin < 1)) throw new RangeError(`normal: min ${min} leaves no probability mass`);
    return new Distribution(DistributionKind.Normal, mean, sd, min, Float64Array.of(pMin));
  }

  /** Each listed value with equal probability (resampling observed values). */
  static empirical(values: readonly number[]): Distribution {
    if (values.length === 0) throw new RangeError("empirical: needs at least one value");
    return new Distribution(DistributionKind.Empirical, 0, 0, 0, Float64Array.from(values));
  }

  get isConstant(): boolean {
    return this.kind === DistributionKind.Constant;
  }

  /** One draw; see the class comment for the guarantees. */
  sample(rng: Xor128): number {
    switch (this.kind) {
      case DistributionKind.Constant:
        return this.a;
      case DistributionKind.Uniform:
        return this.a + (this.b - this.a) * rng.next();
      case DistributionKind.Exponential:
        return -this.a * Math.log(1 - rng.next());
      case DistributionKind.LogNormal:
        return this.a * Math.exp(this.b * inverseNormalCdf(rng.nextOpen()));
      case DistributionKind.Normal: {
        const pMin = this.values![0];
        const x = this.a + this.b * inverseNormalCdf(pMin + rng.nextOpen() * (1 - pMin));
        return Math.max(x, this.c);
      }
      default: {
        const v = this.values!;
        return v[Math.floor(rng.next() * v.length)];
      }
    }
  }

  /** The exact mean (for closed forms and reports). */
  mean(): number {
    switch (this.kind) {
      case DistributionKind.Constant:
        return this.a;
      case DistributionKind.Uniform:
        return (this.a + this.b) / 2;
      case DistributionKind.Exponential:
        return this.a;
      case DistributionKind.LogNormal:
        return this.a * Math.exp((this.b * this.b) / 2);
      case DistributionKind.Normal: {
        const pMin = this.values![0];
        if (pMin === 0) return this.a;
        const alpha = (this.c - this.a) / this.b;
        const density = Math.exp(-(alpha * alpha) / 2) / Math.sqrt(2 * Math.PI);
        return this.a + (this.b * density) / (1 - pMin);
      }
      default: {
        const v = this.values!;
        let s = 0;
        for (let i = 0; i < v.length; i++) s += v[i];
        return s / v.length;
      }
    }
  }

  /** Smallest and largest possible values. */
  range(): [number, number] {
    switch (this.kind) {
      case DistributionKind.Constant:
        return [this.a, this.a];
      case DistributionKind.Uniform:
        return [this.a, this.b];
      case DistributionKind.Exponential:
        return [0, Number.POSITIVE_INFINITY];
      case DistributionKind.LogNormal:
        return this.b === 0 ? [this.a, this.a] : [0, Number.POSITIVE_INFINITY];
      case DistributionKind.Normal:
        return [this.c, Number.POSITIVE_INFINITY];
      default: {
        const v = this.values!;
        let lo = v[0];
        let hi = v[0];
        for (let i = 1; i < v.length; i++) {
          if (v[i] < lo) lo = v[i];
          if (v[i] > hi) hi = v[i];
        }
        return [lo, hi];
      }
    }
  }

  /** The distribution in the scenario file's notation. */
  toString(): string {
    switch (this.kind) {
      case DistributionKind.Constant:
        return String(this.a);
      case DistributionKind.Uniform:
        return `uniform(${this.a}, ${this.b})`;
      case DistributionKind.Exponential:
        return `exponential(mean ${this.a})`;
      case DistributionKind.LogNormal:
        return `lognormal(median ${this.a}, sigma ${this.b})`;
      case DistributionKind.Normal:
        return this.c === Number.NEGATIVE_INFINITY
          ? `normal(mean ${this.a}, sd ${this.b})`
          : `normal(mean ${this.a}, sd ${this.b}, min ${this.c})`;
      default:
        return `empirical(${Array.from(this.values!).join(", ")})`;
    }
  }
}

/** A choice among outcomes with given weights (normalised); one uniform per draw. */
export class Categorical {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new RangeError("categorical: needs at least one weight");
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w))
        throw new RangeError(`categorical: weights must be finite and ≥ 0, got ${w}`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError("categorical: weights sum to 0");
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i];
      this.cumulative[i] = acc / total;
    }
    this.cumulative[weights.length - 1] = 1;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** Probability of outcome i. */
  probability(i: number): number {
    return i === 0 ? this.cumulative[0] : this.cumulative[i] - this.cumulative[i - 1];
  }

  sample(rng: Xor128): number {
    const u = rng.next();
    const c = this.cumulative;
    const last = c.length - 1;
    for (let i = 0; i < last; i++) if (u < c[i]) return i;
    return last;
  }
}

/** True with probability p (one uniform). */
export function bernoulli(rng: Xor128, p: number): boolean {
  return rng.next() < p;
}
