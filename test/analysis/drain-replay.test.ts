import { describe, expect, it } from "vitest";
import { closedFormFor } from "../../src/analysis/closed-form.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { planFor } from "../../src/analysis/plan.js";
import { scenario } from "./helpers.js";

/**
 * `kubectl drain` steps in Monte Carlo: replayed as the session runs them (drain.ts, without its
 * output): the cordon, the evictions (DisruptionTarget, then the DELETE) and the wait for the
 * pods to leave the API, which holds the next step back as in a session.
 */
const ALL = "-l kubernetes.io/os=linux";
const IGNORE = `
      podFailurePolicy:
        rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]`;

describe("drain steps in a Monte Carlo plan", () => {
  it("are plan steps; dry runs and refused flags are not", () => {
    const plan = planFor(
      scenario({
        p: 1,
        backoffLimit: 0,
        steps: [
          "kubectl apply -f job.yaml",
          `kubectl drain ${ALL} --dry-run=client`,
          `kubectl drain ${ALL} --dry-run=server`,
          `kubectl drain ${ALL} --grace-period=x`,
          `kubectl drain ${ALL} --pod-selector='a in ('`,
          `kubectl drain ${ALL}`,
        ],
      }),
    );
    // (Flags kubectl refuses before touching anything make no step either.)
    expect(plan.steps.map((s) => s.kind)).toEqual(["create", "drain"]);
  });

  it("rule out the closed form (pods leave a node mid-run)", () => {
    const sc = scenario({
      p: 0.5,
      backoffLimit: 2,
      steps: ["kubectl apply -f job.yaml", `kubectl drain ${ALL}`],
    });
    expect(closedFormFor(sc, planFor(sc), 0)).toBe("a step drains a node");
  });

  it("an evicted pod fails a Job without a podFailurePolicy, and is ignored with one", () => {
    const steps = [
      "kubectl apply -f job.yaml",
      "sleep 5s",
      `kubectl drain ${ALL}`,
      `kubectl uncordon ${ALL}`,
    ];
    const run = (extraSpec: string) =>
      new MonteCarlo(scenario({ p: 1, backoffLimit: 0, runSeconds: "60", extraSpec, steps }), 3).runOne(0)[0];
    const plain = run("");
    expect(plain.outcome).toBe("Failed");
    expect(plain.failedPods).toBe(1);
    const tolerant = run(IGNORE);
    expect(tolerant.outcome).toBe("Complete");
    expect(tolerant.failedPods).toBe(0);
    expect(tolerant.pods).toBe(2);
  });

  it("the next step waits for the drain (and its --timeout) as in a session", () => {
    // No podFailurePolicy: the evicted pod counts failed at once and its replacement is made
    // after the 10-s back-off, Pending while the nodes are cordoned. The container takes 20 s to
    // stop, so the drain returns at 30 s and the uncordon lets the replacement start then; with
    // --timeout=1s the drain gives up at 11 s and the replacement starts when it is made.
    const finish = (drain: string) => {
      const sc = scenario({
        p: 1,
        backoffLimit: 1,
        runSeconds: "60",
        steps: ["kubectl apply -f job.yaml", "sleep 10s", drain, `kubectl uncordon ${ALL}`],
      });
      sc.workload.get("app:1")!.spec.terminationSeconds = { sample: () => 20 } as never;
      const r = new MonteCarlo(sc, 3).runOne(0)[0];
      expect(r.outcome).toBe("Complete");
      return r.durationMs;
    };
    expect(finish(`kubectl drain ${ALL}`)).toBe(93_000);
    expect(finish(`kubectl drain ${ALL} --timeout=1s`)).toBe(83_000);
  });
});
