import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runHere } from "../../src/analysis/execute.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { WorkerPool } from "../../src/analysis/worker-pool.js";
import { loadScenario } from "../../src/scenario/load.js";

/**
 * The worker pool a sweep keeps warm: each range gives what this thread computes for it,
 * whatever the worker ran before (another scenario, other overrides), and a failing range
 * rejects with the worker's message without breaking the pool.
 */

const TUTORIAL = fileURLToPath(new URL("../../scenarios/flaky-job.yaml", import.meta.url));
const pool = new WorkerPool(2);
afterAll(() => pool.close());

function here(overrides: { path: string; value: number }[], from: number, to: number) {
  const r = runHere(new MonteCarlo(loadScenario(TUTORIAL, overrides), 7), from, to);
  return { stats: r.stats.map((s) => JSON.stringify(s.toJSON())), fp: r.fingerprint.hex() };
}

describe("WorkerPool", () => {
  it("runs ranges on warm workers with the same results as this thread, across scenarios", async () => {
    const task = (value: number, from: number, to: number) => ({
      scenarioPath: TUTORIAL,
      overrides: [{ path: "spec.backoffLimit", value }],
      seed: 7,
      from,
      to,
    });
    for (const [value, from, to] of [
      [3, 0, 4096],
      [10, 4096, 6000],
      [3, 4096, 5000],
    ]) {
      const [a, b] = await pool.run([task(value, from, to), task(value + 1, 0, 1000)]);
      const expectA = here([{ path: "spec.backoffLimit", value }], from, to);
      const expectB = here([{ path: "spec.backoffLimit", value: value + 1 }], 0, 1000);
      expect({ stats: a.stats.map((s) => JSON.stringify(s.toJSON())), fp: a.fingerprint.hex() }).toEqual(
        expectA,
      );
      expect({ stats: b.stats.map((s) => JSON.stringify(s.toJSON())), fp: b.fingerprint.hex() }).toEqual(
        expectB,
      );
    }
  });

  it("queues ranges beyond its threads and runs each once, with this thread's result", async () => {
    const task = (from: number, to: number) => ({ scenarioPath: TUTORIAL, overrides: [], seed: 7, from, to });
    const ranges: [number, number][] = [
      [0, 500],
      [500, 900],
      [900, 2000],
      [2000, 2100],
      [2100, 3000],
    ];
    // Five ranges at once on two threads: three wait for a free thread.
    const results = await Promise.all(ranges.map(([a, b]) => pool.runTask(task(a, b))));
    results.forEach((r, i) => {
      expect(r.fingerprint.hex()).toBe(here([], ranges[i][0], ranges[i][1]).fp);
    });
  });

  it("rejects a range that fails with the worker's message, and keeps working", async () => {
    const bad = { scenarioPath: "/nonexistent/scenario.yaml", overrides: [], seed: 1, from: 0, to: 10 };
    await expect(pool.run([bad])).rejects.toThrow(/nonexistent\/scenario\.yaml/);
    const [ok] = await pool.run([{ scenarioPath: TUTORIAL, overrides: [], seed: 7, from: 0, to: 100 }]);
    expect(ok.fingerprint.hex()).toBe(here([], 0, 100).fp);
  });

  it("refuses more ranges than workers, and any range after close", async () => {
    const t = { scenarioPath: TUTORIAL, overrides: [], seed: 7, from: 0, to: 10 };
    await expect(pool.run([t, t, t])).rejects.toThrow(/more tasks than workers/);
    const closed = new WorkerPool(1);
    await closed.close();
    await expect(closed.run([t])).rejects.toThrow(/closed/);
  });
});
