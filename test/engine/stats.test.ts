import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RandomSource } from "../../src/engine/random/keyed-streams.js";
import { Xor128 } from "../../src/engine/random/xor128.js";
import { IntHistogram } from "../../src/engine/stats/histogram.js";
import { wilsonInterval } from "../../src/engine/stats/wilson.js";

describe("IntHistogram", () => {
  it("gives exact type-1 quantiles", () => {
    const h = new IntHistogram();
    for (const v of [5, 1, 3, 3, 9, 2, 7, 3, 8, 10]) h.add(v);
    // sorted: 1 2 3 3 3 5 7 8 9 10
    expect(h.quantile(0.5)).toBe(3);
    expect(h.quantile(0.95)).toBe(10);
    expect(h.quantile(0.1)).toBe(1);
    expect(h.quantile(0.11)).toBe(2);
    expect(h.quantile(0)).toBe(1);
    expect(h.quantile(1)).toBe(10);
    expect([h.min(), h.max(), h.count]).toEqual([1, 10, 10]);
    expect(h.mean()).toBe(5.1);
    expect(h.cdf(3)).toBe(0.5);
  });

  it("merged histograms equal one histogram over all the data, exactly", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.nat(500), fc.integer({ min: 5_000_000, max: 5_000_100 })), { maxLength: 40 }),
          { maxLength: 6 },
        ),
        (parts) => {
          const whole = new IntHistogram();
          const merged = new IntHistogram();
          for (const part of parts) {
            const h = new IntHistogram();
            for (const v of part) {
              h.add(v);
              whole.add(v);
            }
            merged.merge(h);
          }
          expect(merged.toPairs()).toEqual(whole.toPairs());
          for (const p of [0.5, 0.95, 0.99])
            expect(Object.is(merged.quantile(p), whole.quantile(p))).toBe(true);
          expect(Object.is(merged.mean(), whole.mean())).toBe(true);
          const all = parts.flat().sort((a, b) => a - b);
          if (all.length > 0) expect(whole.quantile(0.5)).toBe(all[Math.ceil(0.5 * all.length) - 1]);
        },
      ),
      { numRuns: 200, seed: 6 },
    );
  });

  it("rejects negative and fractional values", () => {
    const h = new IntHistogram();
    expect(() => h.add(-1)).toThrow(/non-negative integers/);
    expect(() => h.add(1.5)).toThrow(/non-negative integers/);
  });
});

function binomialPmf(n: number, p: number): number[] {
  const out = new Array(n + 1).fill(0);
  let logC = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    out[k] = Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
  }
  return out;
}

describe("Wilson interval", () => {
  it("matches a published value", () => {
    // 81 successes out of 263 trials → (0.2553, 0.3662) at 95% (Newcombe 1998, Table I, method 3).
    const [lo, hi] = wilsonInterval(81, 263);
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(10, 10)[1]).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it.each([
    [0.4, 20],
    [0.5, 100],
    [0.9963, 2000],
    [0.05, 400],
  ])("covers p = %s with n = %s as the score test it inverts does (exact and simulated coverage)", (p, n) => {
    // Exact coverage by summing the binomial pmf over the k whose interval holds p.
    const pmf = binomialPmf(n, p);
    let exact = 0;
    for (let k = 0; k <= n; k++) {
      const [lo, hi] = wilsonInterval(k, n);
      if (lo <= p && p <= hi) exact += pmf[k];
    }
    // Wilson's interval is the set of p the score test accepts: |k/n − p| ≤ z·√(p(1 − p)/n).
    // The same coverage, summed over that acceptance region without the interval's formula.
    const z = 1.959963984540054;
    let score = 0;
    for (let k = 0; k <= n; k++) if (Math.abs(k / n - p) <= z * Math.sqrt((p * (1 - p)) / n)) score += pmf[k];
    expect(exact).toBeCloseTo(score, 12);
    // Nominal 95%, within what a discrete binomial allows (Brown, Cai & DasGupta 2001, Fig. 4:
    // Wilson's coverage stays within a few points of 0.95 for these n).
    expect(Math.abs(exact - 0.95)).toBeLessThan(0.03);
    // Simulated coverage over seeded trials agrees with the exact value within 4 SE.
    const trials = 4000;
    const source = new RandomSource(`wilson-${p}-${n}`);
    const rng = new Xor128();
    const key = source.key("trial");
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      source.reseed(rng, key, t, 0);
      let k = 0;
      for (let i = 0; i < n; i++) if (rng.next() < p) k++;
      const [lo, hi] = wilsonInterval(k, n);
      if (lo <= p && p <= hi) covered++;
    }
    const se = Math.sqrt((exact * (1 - exact)) / trials);
    expect(Math.abs(covered / trials - exact)).toBeLessThan(4 * se);
  });
});
