import { fileURLToPath } from "node:url";
import { execute } from "../src/analysis/execute.js";
import type { WorkerPool } from "../src/analysis/worker-pool.js";
import { loadScenario } from "../src/scenario/load.js";
import type { Override } from "../src/scenario/overrides.js";

/**
 * Monte Carlo throughput on the tutorial Job with fixed timings (bench/scenarios/tutorial-fixed.yaml:
 * 2 s start, 3 s run, p = 0.4, backoffLimit 10): runs per second with 1 and 2 workers, and the
 * process's peak resident memory while running 10 million runs.
 */

export const BENCH_SCENARIO = fileURLToPath(
  new URL("../../bench/scenarios/tutorial-fixed.yaml", import.meta.url),
);

/** The bench scenario's success probability, for variants whose runs all make 1 or all 11 pods. */
export const SUCCESS_PROBABILITY =
  "images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability";

export async function mcThroughput(
  runs: number,
  workers: number,
  pool?: WorkerPool,
  overrides: Override[] = [],
): Promise<number> {
  const scenario = loadScenario(BENCH_SCENARIO, overrides);
  const start = process.hrtime.bigint();
  await execute({
    scenario,
    scenarioPath: BENCH_SCENARIO,
    overrides,
    seed: 1,
    from: 0,
    to: runs,
    workers,
    pool,
  });
  return runs / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** Peak resident set size (MB) of this process, worker threads included. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
