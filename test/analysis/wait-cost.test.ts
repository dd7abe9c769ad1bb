import { afterEach, describe, expect, it, vi } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { Materializer } from "../../src/models/materialize.js";
import { WatchType } from "../../src/models/store.js";
import { scenario } from "./helpers.js";

/**
 * A `kubectl wait --for=jsonpath=...` reads the object as the API shows it, which changes only
 * when the object is written. The wait is tested after every simulated event; it materializes
 * an object again only after a write of it (wait.ts sinceWrite), not at every event of the run
 * (which made a Monte Carlo run with a JSONPath wait on pods tens of times slower).
 */

afterEach(() => vi.restoreAllMocks());

function counted(wait: string): { materialized: number; writes: number } {
  const mc = new MonteCarlo(
    scenario({
      p: 0.3,
      backoffLimit: 6,
      runSeconds: "{uniform: [5, 30]}",
      extraSpec: "\n      parallelism: 3\n      completions: 6",
      steps: ["kubectl apply -f job.yaml", wait, "sleep 1h"],
    }),
    11,
  );
  let writes = 0;
  const kind = wait.includes(" pod") ? "pod" : "job";
  const counter = {
    onPod: (type: WatchType) => {
      if (kind === "pod" && type !== WatchType.Deleted) writes++;
    },
    onJob: (type: WatchType) => {
      if (kind === "job" && type !== WatchType.Deleted) writes++;
    },
  };
  mc.cluster.store.watchPods(counter);
  mc.cluster.store.watchJobs(counter);
  const spy = vi.spyOn(Materializer.prototype, kind);
  for (let run = 0; run < 20; run++) mc.runOne(run);
  return { materialized: spy.mock.calls.length, writes };
}

describe("a JSONPath wait materializes an object once per write of it", () => {
  it.each([
    "kubectl wait --for=jsonpath={.status.phase}=Nope pod -l job-name=work --timeout=1h",
    "kubectl wait --for=jsonpath={.status.phase}=Succeeded pods --all --timeout=1h",
    "kubectl wait --for=jsonpath={.status.succeeded}=6 job/work --timeout=1h",
  ])("%s", (wait) => {
    const { materialized, writes } = counted(wait);
    expect(materialized).toBeGreaterThan(0);
    expect(materialized).toBeLessThanOrEqual(writes);
  });
});
