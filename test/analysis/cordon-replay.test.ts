import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { planFor } from "../../src/analysis/plan.js";
import { scenario } from "./helpers.js";

/**
 * `kubectl cordon` / `uncordon` steps in Monte Carlo: replayed as the session runs them
 * (cordon.ts), the node state reset with each run (NodeRecord.resetState). Upstream the
 * NodeUnschedulable filter refuses every pod on a cordoned node
 * (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go Filter).
 */
const ALL = "-l kubernetes.io/os=linux";

describe("cordon steps in a Monte Carlo plan", () => {
  it("are plan steps; dry runs are not", () => {
    const plan = planFor(
      scenario({
        p: 1,
        backoffLimit: 0,
        steps: [
          `kubectl cordon ${ALL}`,
          `kubectl uncordon ${ALL} --dry-run=server`,
          "kubectl apply -f job.yaml",
          `kubectl uncordon ${ALL}`,
        ],
      }),
    );
    expect(plan.steps.map((s) => s.kind)).toEqual(["cordon", "create", "cordon"]);
  });

  it("a Job applied while every node is cordoned starts after the uncordon", () => {
    const mc = new MonteCarlo(
      scenario({
        p: 1,
        backoffLimit: 0,
        steps: [
          `kubectl cordon ${ALL}`,
          "kubectl apply -f job.yaml",
          "sleep 10m",
          `kubectl uncordon ${ALL}`,
          "sleep 1h",
        ],
      }),
      3,
    );
    for (let run = 0; run < 3; run++) {
      const r = mc.runOne(run)[0];
      expect(r.outcome).toBe("Complete");
      expect(r.durationMs).toBeGreaterThanOrEqual(600_000);
    }
  });

  it("a run that ends cordoned leaves the next run's nodes schedulable", () => {
    const mc = new MonteCarlo(
      scenario({
        p: 1,
        backoffLimit: 0,
        steps: ["kubectl apply -f job.yaml", "sleep 1m", `kubectl cordon ${ALL}`],
      }),
      3,
    );
    for (let run = 0; run < 3; run++) {
      const r = mc.runOne(run)[0];
      expect(r.outcome).toBe("Complete");
      expect(r.durationMs).toBeLessThan(60_000);
    }
  });
});
