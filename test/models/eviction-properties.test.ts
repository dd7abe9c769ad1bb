import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/engine/random/distributions.js";
import { evictPod } from "../../src/models/eviction.js";
import { isTerminal, NONE, type PodRecord } from "../../src/models/objects.js";
import { behaviour, cluster, jobManifest, prepare } from "./harness.js";

/**
 * The Job controller's counting of evicted pods, over random Jobs and eviction times (fast-check,
 * fixed seed): an eviction adds DisruptionTarget (eviction.go addConditionAndDeletePod) and a
 * DELETE; the pod's process, killed by SIGTERM (exit 143), ends the pod Failed.
 *  - Without a podFailurePolicy every pod evicted while active counts as one failure at its
 *    deletion (job_controller.go isPodFailed), and the Job fails exactly when they pass
 *    backoffLimit.
 *  - With a rule that ignores DisruptionTarget (pod_failure_policy.go, the Kubernetes docs' use
 *    case) no evicted pod counts: the Job completes with status.failed 0, however often its
 *    pods are evicted.
 */

const HORIZON = 6 * 3_600_000;

const caseArb = fc.record({
  seed: fc.integer({ min: 0, max: 100_000 }),
  completions: fc.integer({ min: 1, max: 4 }),
  parallelism: fc.integer({ min: 1, max: 3 }),
  backoffLimit: fc.integer({ min: 0, max: 4 }),
  runSeconds: fc.integer({ min: 5, max: 60 }),
  // Instants (s) at which every active pod of the Job is evicted.
  evictAt: fc.uniqueArray(fc.integer({ min: 1, max: 240 }), { minLength: 1, maxLength: 4 }),
  policy: fc.boolean(),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

const IGNORE_DISRUPTIONS = {
  rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] }],
};

function run(k: Case): { evicted: number; failed: number; succeeded: number; end: string } {
  const b = behaviour({
    runSeconds: Distribution.constant(k.runSeconds),
    outcomes: [{ probability: 1, exitCode: 0, log: "done" }],
  });
  const c = cluster({ behaviour: b, seed: k.seed });
  const spec: Record<string, unknown> = {
    completions: k.completions,
    parallelism: k.parallelism,
    backoffLimit: k.backoffLimit,
  };
  if (k.policy) spec.podFailurePolicy = IGNORE_DISRUPTIONS;
  const job = c.createJob(prepare(jobManifest(spec)));
  let evicted = 0;
  for (const t of [...k.evictAt].sort((a, b) => a - b)) {
    c.sim.run({ until: t * 1000 });
    if (job.finished) break;
    const active = job.pods.filter((p: PodRecord) => !isTerminal(p.phase) && p.deletionMs === NONE);
    for (const pod of active) evictPod(c.store, c.sim.now, pod, undefined);
    evicted += active.length;
  }
  c.sim.run({ until: HORIZON });
  const end =
    job.status.conditions.find((x) => (x.type === "Complete" || x.type === "Failed") && x.status === "True")
      ?.type ?? "Running";
  return { evicted, failed: job.status.failed, succeeded: job.status.succeeded, end };
}

describe("evicted pods and the Job's counts", () => {
  it("without a policy each eviction of an active pod is one failure; with Ignore on DisruptionTarget none is", () => {
    const seen = { failedJobs: 0, ignored: 0, counted: 0 };
    fc.assert(
      fc.property(caseArb, (k) => {
        const r = run(k);
        if (k.policy) {
          expect([r.end, r.failed, r.succeeded]).toEqual(["Complete", 0, k.completions]);
          if (r.evicted > 0) seen.ignored++;
        } else if (r.evicted > k.backoffLimit) {
          // The Job fails at the sync that sees failures past backoffLimit — all the pods evicted
          // together count in it — and evicts nothing more.
          expect(r.end).toBe("Failed");
          expect(r.failed).toBeGreaterThan(k.backoffLimit);
          expect(r.failed).toBeLessThanOrEqual(r.evicted);
          seen.failedJobs++;
        } else {
          expect([r.end, r.failed, r.succeeded]).toEqual(["Complete", r.evicted, k.completions]);
          if (r.evicted > 0) seen.counted++;
        }
      }),
      { seed: 20261130, numRuns: 120 },
    );
    // The cases the property is about came up.
    expect(seen.failedJobs).toBeGreaterThan(5);
    expect(seen.ignored).toBeGreaterThan(5);
    expect(seen.counted).toBeGreaterThan(5);
  });
});
