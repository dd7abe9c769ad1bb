import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { planFor } from "../../src/analysis/plan.js";
import { scenario } from "./helpers.js";

/**
 * `docker stop <node>` steps in Monte Carlo: replayed as the session runs them (docker.ts →
 * Cluster.stopNode), the node and its kubelet reset with each run (NodeRecord.resetState,
 * Kubelet.reset). A pod of the stopped node is evicted 300 s after the unreachable:NoExecute
 * taint and stays Terminating: its Job, which counts it failed and replaces it, never gets its
 * terminal condition while a pod terminates (job_controller.go: the Complete condition waits
 * for status.terminating 0), so every such run is Unfinished at the horizon.
 */
const STOP = "docker stop k3d-my-cluster-agent-0";
const TWO = "\n      parallelism: 2\n      completions: 2";

describe("docker stop steps in a Monte Carlo plan", () => {
  it("are plan steps", () => {
    const plan = planFor(
      scenario({ p: 1, backoffLimit: 0, steps: ["kubectl apply -f job.yaml", "sleep 10s", STOP] }),
    );
    expect(plan.steps.map((s) => s.kind)).toEqual(["create", "advance", "docker"]);
  });

  it("a Job with a pod on the stopped node never finishes; without the stop it completes", () => {
    const stopped = new MonteCarlo(
      scenario({
        p: 1,
        backoffLimit: 6,
        runSeconds: "600",
        extraSpec: TWO,
        horizon: "2h",
        steps: ["kubectl apply -f job.yaml", "sleep 20s", STOP],
      }),
      3,
    );
    const plain = new MonteCarlo(
      scenario({
        p: 1,
        backoffLimit: 6,
        runSeconds: "600",
        extraSpec: TWO,
        horizon: "2h",
        steps: ["kubectl apply -f job.yaml", "sleep 20s"],
      }),
      3,
    );
    for (let run = 0; run < 3; run++) {
      const r = stopped.runOne(run)[0];
      expect(r.outcome).toBe("Unfinished");
      // Each evicted pod was replaced: more than the two first pods.
      expect(r.pods).toBeGreaterThan(2);
      expect(plain.runOne(run)[0].outcome).toBe("Complete");
    }
  });

  it("a run after one that stopped the node starts with every node up", () => {
    const steps = ["kubectl apply -f job.yaml", "sleep 20s", STOP];
    const mc = new MonteCarlo(
      scenario({ p: 1, backoffLimit: 6, runSeconds: "600", extraSpec: TWO, horizon: "2h", steps }),
      3,
    );
    mc.runOne(0);
    const again = { ...mc.runOne(1)[0] };
    const fresh = new MonteCarlo(
      scenario({ p: 1, backoffLimit: 6, runSeconds: "600", extraSpec: TWO, horizon: "2h", steps }),
      3,
    );
    expect(again).toEqual({ ...fresh.runOne(1)[0] });
  });

  it("a pod bound to the tainted node in a later run is evicted as in a fresh run", () => {
    // The toleration lets replacements onto the stopped node (NoSchedule tolerated) and evicts
    // each 60 s after it is bound: the taint eviction controller meets pods through the pod
    // informer (podOnTaintedNode), which must forget the previous run's pods, recycled here.
    const steps = ["kubectl apply -f job.yaml", "sleep 20s", STOP];
    const spec = {
      p: 1,
      backoffLimit: 6,
      runSeconds: "600",
      extraSpec: TWO,
      horizon: "2h",
      podSpecExtra:
        "\n          tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoSchedule}, {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 60}]",
      steps,
    };
    const mc = new MonteCarlo(scenario(spec), 3);
    const first = { ...mc.runOne(0)[0] };
    const again = { ...mc.runOne(0)[0] };
    expect(again).toEqual(first);
    expect(first.failedPods).toBeGreaterThan(1);
  });
});
