import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bernoulli, Categorical, Distribution } from "../../src/engine/random/distributions.js";
import { RandomSource } from "../../src/engine/random/keyed-streams.js";
import { inverseNormalCdf, normalCdf } from "../../src/engine/random/normal.js";
import { Xor128 } from "../../src/engine/random/xor128.js";

function rngFor(key: string, a = 0): Xor128 {
  const source = new RandomSource(2026);
  const rng = new Xor128();
  source.reseed(rng, source.key(key), a, 0);
  return rng;
}

const cases: [string, Distribution][] = [
  ["uniform", Distribution.uniform(1, 3)],
  ["exponential", Distribution.exponential(2.5)],
  ["lognormal", Distribution.lognormal(1.2, 0.3)],
  ["normal", Distribution.normal(10, 2)],
  ["truncated normal", Distribution.normal(1, 2, 0)],
  ["empirical", Distribution.empirical([1, 2, 2, 7])],
];

describe("distributions", () => {
  it.each(cases)("%s: sample mean within 4 standard errors of the exact mean (fixed seed)", (name, d) => {
    const rng = rngFor(name);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = d.sample(rng);
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    const se = Math.sqrt((s2 / n - mean * mean) / n);
    expect(Math.abs(mean - d.mean())).toBeLessThan(4 * se);
  });

  // The exact CDFs, written from each distribution's definition (not from the sampler).
  const phi = normalCdf;
  const cdfs: Record<string, (x: number) => number> = {
    uniform: (x) => Math.min(1, Math.max(0, (x - 1) / 2)),
    exponential: (x) => (x <= 0 ? 0 : 1 - Math.exp(-x / 2.5)),
    lognormal: (x) => (x <= 0 ? 0 : phi((Math.log(x) - Math.log(1.2)) / 0.3)),
    normal: (x) => phi((x - 10) / 2),
    "truncated normal": (x) => (x < 0 ? 0 : (phi((x - 1) / 2) - phi(-0.5)) / (1 - phi(-0.5))),
    empirical: (x) => (x < 1 ? 0 : x < 2 ? 0.25 : x < 7 ? 0.75 : 1),
  };

  it.each(cases)(
    "%s: the samples' distribution is the exact one (Kolmogorov–Smirnov, α = 0.001, fixed seed)",
    (name, d) => {
      const rng = rngFor(`${name}-ks`);
      const n = 20_000;
      const xs = Float64Array.from({ length: n }, () => d.sample(rng)).sort();
      const F = cdfs[name];
      let D = 0;
      // At each distinct value v: the samples' CDF just below v and at v, against F(v−) and F(v).
      // F(v−) = F(v) for a continuous F; for the step CDF of `empirical` it is F at the support
      // point before v (every support point is sampled).
      for (let i = 0; i < n; ) {
        let j = i;
        while (j < n && xs[j] === xs[i]) j++;
        const exactBelow = name === "empirical" ? (i === 0 ? 0 : F(xs[i - 1])) : F(xs[i]);
        D = Math.max(D, Math.abs(i / n - exactBelow), Math.abs(j / n - F(xs[i])));
        i = j;
      }
      // The asymptotic critical value of D at α = 0.001 is 1.949/√n.
      expect(D).toBeLessThan(1.949 / Math.sqrt(n));
    },
  );

  it.each(cases)("%s: samples stay in range", (name, d) => {
    const rng = rngFor(`${name}-range`);
    const [lo, hi] = d.range();
    for (let i = 0; i < 20000; i++) {
      const x = d.sample(rng);
      expect(x >= lo && x <= hi).toBe(true);
    }
  });

  it("each draw uses exactly one uniform (a constant none), so streams stay aligned", () => {
    for (const [name, d] of cases) {
      const a = rngFor(name, 5);
      const b = rngFor(name, 5);
      d.sample(a);
      b.next();
      expect(a.nextInt32()).toBe(b.nextInt32());
    }
    const a = rngFor("c");
    const b = rngFor("c");
    Distribution.constant(3).sample(a);
    expect(a.nextInt32()).toBe(b.nextInt32());
  });

  it("a larger parameter never gives a smaller draw from the same stream (monotone coupling)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        fc.nat(1000),
        (median, factor, k) => {
          const small = Distribution.lognormal(median, 0.5);
          const large = Distribution.lognormal(median * factor, 0.5);
          expect(large.sample(rngFor("m", k))).toBeGreaterThanOrEqual(small.sample(rngFor("m", k)));
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it("Φ⁻¹ inverts Φ and matches known quantiles", () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963985, 8);
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232306, 7);
    for (const p of [0.0001, 0.01, 0.2, 0.6, 0.99, 0.9999])
      expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 6);
  });

  it("categorical and bernoulli frequencies match their weights (within 4 SE)", () => {
    const c = new Categorical([0.4, 0.6]);
    const rng = rngFor("cat");
    const n = 100_000;
    let zeros = 0;
    let heads = 0;
    for (let i = 0; i < n; i++) {
      if (c.sample(rng) === 0) zeros++;
      if (bernoulli(rng, 0.25)) heads++;
    }
    expect(Math.abs(zeros / n - 0.4)).toBeLessThan(4 * Math.sqrt((0.4 * 0.6) / n));
    expect(Math.abs(heads / n - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / n));
    expect(c.probability(1)).toBeCloseTo(0.6, 12);
  });

  it("rejects impossible parameters with clear messages", () => {
    expect(() => Distribution.uniform(3, 1)).toThrow(/upper bound 1 is below lower bound 3/);
    expect(() => Distribution.exponential(0)).toThrow(/mean must be > 0/);
    expect(() => Distribution.lognormal(-1, 1)).toThrow(/median must be > 0/);
    expect(() => Distribution.empirical([])).toThrow(/at least one/);
    expect(() => new Categorical([0, 0])).toThrow(/sum to 0/);
  });

  it("no-regression: first draws of each distribution for a fixed stream", () => {
    const out: Record<string, number[]> = {};
    for (const [name, d] of cases) {
      const rng = rngFor("snapshot");
      out[name] = Array.from({ length: 3 }, () => d.sample(rng));
    }
    expect(out).toMatchSnapshot();
  });
});
