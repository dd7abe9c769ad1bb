import { describe, expect, it } from "vitest";
import type { JobStats } from "../../src/analysis/accumulators.js";
import { execute, runHere, splitRange } from "../../src/analysis/execute.js";
import { BLOCK_RUNS, type Fingerprint } from "../../src/analysis/fingerprint.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { mcReport } from "../../src/analysis/report.js";
import { mergeShards, parseShard, shardFile, shardRange } from "../../src/analysis/shards.js";
import { loadScenario } from "../../src/scenario/load.js";
import { scenario } from "./helpers.js";

/**
 * Run i is the same alone, in a worker or in a shard: one process, two workers and merged
 * shards give byte-identical reports; and common random numbers make success non-decreasing
 * in backoffLimit, run by run.
 */

const TUTORIAL = "scenarios/flaky-job.yaml";
const RUNS = 3 * BLOCK_RUNS + 123; // several blocks and a partial one

function report(stats: JobStats[], fp: Fingerprint, mc: MonteCarlo): string {
  return JSON.stringify(
    mcReport(
      "flaky-job",
      7,
      RUNS,
      mc.jobKeys,
      stats,
      fp,
      mc.jobKeys.map(() => "n/a"),
    ),
  );
}

describe("Monte Carlo determinism", () => {
  const s = loadScenario(TUTORIAL);
  const mc = new MonteCarlo(s, 7);
  const single = runHere(mc, 0, RUNS);
  const expected = report(single.stats, single.fingerprint, mc);

  /** Shard i/n of the runs, as `mc --shard` writes it (no closed form: "n/a"). */
  function shardOf(spec: { index: number; count: number }) {
    const range = shardRange(RUNS, spec);
    const r = runHere(new MonteCarlo(s, 7), range[0], range[1]);
    const closed = mc.jobKeys.map(() => "n/a");
    return shardFile("flaky-job", "digest", 7, RUNS, spec, range, mc.jobKeys, closed, r.stats, r.fingerprint);
  }

  it("--workers 2 gives the same report, byte for byte", async () => {
    const r = await execute({
      scenario: s,
      scenarioPath: TUTORIAL,
      overrides: [],
      seed: 7,
      from: 0,
      to: RUNS,
      workers: 2,
    });
    expect(report(r.stats, r.fingerprint, mc)).toBe(expected);
  });

  it("merged shards give the same report, whatever the shard count and order", () => {
    for (const n of [2, 3, 5]) {
      const files = [];
      for (let i = n; i >= 1; i--) {
        files.push({ name: `s${i}`, shard: shardOf({ index: i, count: n }) });
      }
      expect(JSON.stringify(mergeShards(files))).toBe(expected);
    }
  });

  it("the fingerprint notices a change in any run", () => {
    const other = runHere(new MonteCarlo(s, 8), 0, RUNS);
    expect(other.fingerprint.hex()).not.toBe(single.fingerprint.hex());
  });

  it("shards cover the runs exactly once, in whole blocks", () => {
    for (const n of [1, 2, 3, 7]) {
      let next = 0;
      for (let i = 1; i <= n; i++) {
        const [a, b] = shardRange(RUNS, { index: i, count: n });
        expect(a).toBe(next);
        expect(a % BLOCK_RUNS === 0 || a === RUNS).toBe(true);
        next = b;
      }
      expect(next).toBe(RUNS);
    }
    expect(splitRange(0, 10, 3).reduce((s2, [a, b]) => s2 + b - a, 0)).toBe(10);
  });

  it("rejects bad shard specifications clearly", () => {
    expect(parseShard("3/2")).toBe("--shard 3/2: i must be between 1 and n (shards are numbered 1/2 to 2/2)");
    expect(parseShard("0/2")).toMatch(/i must be between 1 and n/);
    expect(parseShard("half")).toBe("--shard half: expected i/n, e.g. 1/4");
    expect(parseShard("0/0")).toBe("--shard 0/0: n, the number of shards, must be at least 1");
    expect(parseShard("1/0")).toBe("--shard 1/0: n, the number of shards, must be at least 1");
  });

  it("merge refuses incomplete or mixed shard sets", () => {
    const f = shardOf({ index: 1, count: 2 });
    expect(() => mergeShards([{ name: "a.json", shard: f }])).toThrow("missing shard 2/2");
    expect(() =>
      mergeShards([
        { name: "a.json", shard: f },
        { name: "b.json", shard: f },
      ]),
    ).toThrow("b.json: shard 1/2 given twice (also a.json)");
    expect(() =>
      mergeShards([
        { name: "a.json", shard: f },
        { name: "c.json", shard: { ...f, seed: 8 } },
      ]),
    ).toThrow("c.json: seed 8 differs from a.json's 7");
  });
});

describe("common random numbers", () => {
  it("raising backoffLimit never turns a Complete run into a Failed one, run by run", () => {
    const limits = [0, 1, 2, 4, 8];
    const outcomes = limits.map((b) => {
      const m = new MonteCarlo(
        scenario({ p: 0.3, backoffLimit: b, runSeconds: "{lognormal: {median: 2, sigma: 0.5}}" }),
        99,
      );
      return Array.from({ length: 2000 }, (_, i) => m.runOne(i)[0].outcome);
    });
    let improved = 0;
    for (let k = 1; k < limits.length; k++) {
      for (let i = 0; i < 2000; i++) {
        if (outcomes[k - 1][i] === "Complete") expect(outcomes[k][i]).toBe("Complete");
        else if (outcomes[k][i] === "Complete") improved++;
      }
    }
    expect(improved).toBeGreaterThan(0);
  });

  it("attempt k draws the same outcome at every backoffLimit (the first failures coincide)", () => {
    const a = new MonteCarlo(scenario({ p: 0.5, backoffLimit: 2 }), 5);
    const b = new MonteCarlo(scenario({ p: 0.5, backoffLimit: 6 }), 5);
    for (let i = 0; i < 500; i++) {
      const ra = { ...a.runOne(i)[0] };
      const rb = { ...b.runOne(i)[0] };
      if (ra.outcome === "Complete") expect(rb).toEqual(ra);
      else expect(rb.pods).toBeGreaterThanOrEqual(3);
    }
  });
});
