import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { humanDuration, shortHumanDuration } from "../../src/kubectl/durations.js";
import { goDuration, goDurationNs, millisToNanos } from "../../src/models/api/go-duration.js";

// Go's time constants, in milliseconds, so the upstream tables below read like the Go source.
const Nanosecond = 1e-6;
const Millisecond = 1;
const Second = 1000;
const Minute = 60 * Second;
const Hour = 60 * Minute;
/** The largest whole-millisecond Go Duration: floor((2^63 - 1) ns / 1e6). */
const MAX_GO_DURATION_MS = 9_223_372_036_854;

// Ported from kubernetes/kubernetes
// staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go @ 008b3652959ca58af8be3fb5b6ecfe9ae7638282
// (TestHumanDuration).
const humanDurationTests: [number, string][] = [
  [Second, "1s"],
  [70 * Second, "70s"],
  [190 * Second, "3m10s"],
  [70 * Minute, "70m"],
  [47 * Hour, "47h"],
  [49 * Hour, "2d1h"],
  [(8 * 24 + 2) * Hour, "8d"],
  [367 * 24 * Hour, "367d"],
  [(365 * 2 * 24 + 25) * Hour, "2y1d"],
  [(365 * 8 * 24 + 2) * Hour, "8y"],
];

// Same file, TestHumanDurationBoundaries. Converted: `-2*time.Second + 1` (one nanosecond) is written as
// -2000 + 1e-6 ms; our input may be fractional, and it still truncates to −1 s as in Go.
const humanDurationBoundaries: [number, string][] = [
  [-2 * Second, "<invalid>"],
  [-2 * Second + Nanosecond, "0s"],
  [0, "0s"],
  [Second - Millisecond, "0s"],
  [2 * Minute - Millisecond, "119s"],
  [2 * Minute, "2m"],
  [2 * Minute + Second, "2m1s"],
  [10 * Minute - Millisecond, "9m59s"],
  [10 * Minute, "10m"],
  [10 * Minute + Second, "10m"],
  [3 * Hour - Millisecond, "179m"],
  [3 * Hour, "3h"],
  [3 * Hour + Minute, "3h1m"],
  [8 * Hour - Millisecond, "7h59m"],
  [8 * Hour, "8h"],
  [8 * Hour + 59 * Minute, "8h"],
  [2 * 24 * Hour - Millisecond, "47h"],
  [2 * 24 * Hour, "2d"],
  [2 * 24 * Hour + Hour, "2d1h"],
  [8 * 24 * Hour - Millisecond, "7d23h"],
  [8 * 24 * Hour, "8d"],
  [8 * 24 * Hour + 23 * Hour, "8d"],
  [2 * 365 * 24 * Hour - Millisecond, "729d"],
  [2 * 365 * 24 * Hour, "2y"],
  [2 * 365 * 24 * Hour + 23 * Hour, "2y"],
  [2 * 365 * 24 * Hour + 23 * Hour + 59 * Minute, "2y"],
  [2 * 365 * 24 * Hour + 24 * Hour - Millisecond, "2y"],
  [2 * 365 * 24 * Hour + 24 * Hour, "2y1d"],
  [3 * 365 * 24 * Hour, "3y"],
  [4 * 365 * 24 * Hour, "4y"],
  [5 * 365 * 24 * Hour, "5y"],
  [6 * 365 * 24 * Hour, "6y"],
  [7 * 365 * 24 * Hour, "7y"],
  [8 * 365 * 24 * Hour - Millisecond, "7y364d"],
  [8 * 365 * 24 * Hour, "8y"],
  [8 * 365 * 24 * Hour + 364 * 24 * Hour, "8y"],
  [9 * 365 * 24 * Hour, "9y"],
];

// Same file, TestShortHumanDurationBoundaries (same nanosecond conversion).
const shortHumanDurationBoundaries: [number, string][] = [
  [-2 * Second, "<invalid>"],
  [-2 * Second + Nanosecond, "0s"],
  [0, "0s"],
  [Second - Millisecond, "0s"],
  [Second, "1s"],
  [2 * Second - Millisecond, "1s"],
  [Minute - Millisecond, "59s"],
  [Minute, "1m"],
  [2 * Minute - Millisecond, "1m"],
  [Hour - Millisecond, "59m"],
  [Hour, "1h"],
  [2 * Hour - Millisecond, "1h"],
  [24 * Hour - Millisecond, "23h"],
  [24 * Hour, "1d"],
  [2 * 24 * Hour - Millisecond, "1d"],
  [365 * 24 * Hour - Millisecond, "364d"],
  [365 * 24 * Hour, "1y"],
  [2 * 365 * 24 * Hour - Millisecond, "1y"],
  [2 * 365 * 24 * Hour, "2y"],
];

// Examples quoted in /work/shared/reference/kubectl-output.md §2, plus the clock-skew edges.
const referenceExamples: [number, string][] = [
  [-2001, "<invalid>"],
  [-1999, "0s"],
  [-1001, "0s"],
  [-1000, "0s"],
  [-999, "0s"],
  [-0.5, "0s"],
  [999.999, "0s"],
  [60 * Second, "60s"],
  [119 * Second, "119s"],
  [119_999.9, "119s"],
  [3 * Minute + 39 * Second, "3m39s"],
  [3 * Minute + 39 * Second + 999, "3m39s"],
  [Hour, "60m"],
  [2 * Hour, "120m"],
  [3 * Hour + Minute, "3h1m"],
  [7 * Hour + 59 * Minute, "7h59m"],
  [2 * 24 * Hour, "2d"],
  [49 * Hour, "2d1h"],
  [8 * 24 * Hour - Hour, "7d23h"],
  [729 * 24 * Hour, "729d"],
  [(2 * 365 + 1) * 24 * Hour, "2y1d"],
  [(7 * 365 + 364) * 24 * Hour, "7y364d"],
  [100 * 365 * 24 * Hour, "100y"],
];

describe("humanDuration (k8s duration.HumanDuration)", () => {
  it.each(humanDurationTests)("TestHumanDuration: %d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
  it.each(humanDurationBoundaries)("TestHumanDurationBoundaries: %d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
  it.each(referenceExamples)("reference §2: %d ms → %s", (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
  it("rejects non-finite input instead of printing NaN", () => {
    expect(() => humanDuration(Number.NaN)).toThrow(RangeError);
    expect(() => humanDuration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe("shortHumanDuration (k8s duration.ShortHumanDuration)", () => {
  it.each(shortHumanDurationBoundaries)("TestShortHumanDurationBoundaries: %d ms → %s", (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
  it("prints the number of 365-day years past one year", () => {
    expect(shortHumanDuration(10 * 365 * 24 * Hour + 5)).toBe("10y");
  });
});

// Ported from golang/go src/time/time_test.go @ f7396aaea0297a2e95b502a4075b0aed6efda89f (durationTests), as
// exact nanosecond counts. TestDurationString also checks that -d prints as "-" + the string of d (d > 0).
const goDurationTests: [string, bigint][] = [
  ["0s", 0n],
  ["1ns", 1n],
  ["1.1µs", 1100n],
  ["2.2ms", 2_200_000n],
  ["3.3s", 3_300_000_000n],
  ["4m5s", (4n * 60n + 5n) * 1_000_000_000n],
  ["4m5.001s", 4n * 60_000_000_000n + 5_001_000_000n],
  ["5h6m7.001s", 5n * 3_600_000_000_000n + 6n * 60_000_000_000n + 7_001_000_000n],
  ["8m0.000000001s", 8n * 60_000_000_000n + 1n],
  ["2562047h47m16.854775807s", (1n << 63n) - 1n],
  ["-2562047h47m16.854775808s", -(1n << 63n)],
];

// The subset of durationTests that is a whole (or exactly representable) number of milliseconds, through the
// millisecond entry point; plus the strings kubelet messages show (reference §2, §8.6) and unit edges.
const goDurationMsTests: [number, string][] = [
  [0, "0s"],
  [2.2, "2.2ms"],
  [3300, "3.3s"],
  [4 * Minute + 5 * Second, "4m5s"],
  [4 * Minute + 5001, "4m5.001s"],
  [5 * Hour + 6 * Minute + 7001, "5h6m7.001s"],
  [850, "850ms"],
  [1873, "1.873s"],
  [1872.9999999999998, "1.873s"],
  [10 * Second, "10s"],
  [80 * Second, "1m20s"],
  [160 * Second, "2m40s"],
  [5 * Minute, "5m0s"],
  [Hour, "1h0m0s"],
  [Hour + 500, "1h0m0.5s"],
  [25 * Hour, "25h0m0s"],
  [1, "1ms"],
  [999, "999ms"],
  [1000, "1s"],
  [0.001, "1µs"],
  [0.0015, "1.5µs"],
  [1e-6, "1ns"],
  [4e-7, "0s"],
  [-1500, "-1.5s"],
  [-80 * Second, "-1m20s"],
];

describe("goDurationNs (Go time.Duration.String)", () => {
  it.each(goDurationTests)("durationTests: %s", (want, ns) => {
    expect(goDurationNs(ns)).toBe(want);
    if (ns > 0n) expect(goDurationNs(-ns)).toBe(`-${want}`);
  });
  it("writes the micro sign as U+00B5 like Go", () => {
    expect(goDurationNs(1100n)).toBe("1.1\u00b5s");
  });
  it("rejects values outside int64", () => {
    expect(() => goDurationNs(1n << 63n)).toThrow(RangeError);
    expect(() => goDurationNs(-(1n << 63n) - 1n)).toThrow(RangeError);
  });
});

describe("goDuration (milliseconds in)", () => {
  it.each(goDurationMsTests)("%d ms → %s", (ms, want) => {
    expect(goDuration(ms)).toBe(want);
  });
  it("negates symmetrically, as TestDurationString requires", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_GO_DURATION_MS }), (ms) => {
        expect(goDuration(-ms)).toBe(`-${goDuration(ms)}`);
      }),
    );
  });
  it("stops where Go's int64 nanoseconds stop (about 292 years)", () => {
    expect(goDuration(MAX_GO_DURATION_MS)).toBe("2562047h47m16.854s");
    expect(() => goDuration(MAX_GO_DURATION_MS + 1)).toThrow(RangeError);
  });
  it("is exact for epoch-sized millisecond counts (beyond 2^53 ns)", () => {
    expect(millisToNanos(1_767_225_600_123)).toBe(1_767_225_600_123_000_000n);
    expect(millisToNanos(-1.5)).toBe(-1_500_000n);
  });
});
