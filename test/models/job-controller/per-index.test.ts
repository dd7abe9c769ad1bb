import { describe, expect, it } from "vitest";
import { Distribution } from "../../../src/engine/random/distributions.js";
import { apiTime, PodPhase, type PodRecord } from "../../../src/models/objects.js";
import type { Outcome } from "../../../src/models/workload.js";
import { behaviour, type Change, cluster, exits, jobManifest, prepare, record } from "../harness.js";

/**
 * backoffLimitPerIndex (reference §2.4, §3.8; indexed_job_utils.go, job_controller.go): each
 * index counts its own failures, carried to the replacement in job-index-failure-count; the
 * replacement waits 10 s · 2^(n−1) from its predecessor's finish (n = that pod's counted and
 * ignored failures + 1); the failed pod keeps its finalizer (and stays out of status.failed)
 * until the replacement exists; an index whose counted failure finds the count at the limit, or
 * that matches a FailIndex rule, is failed and not retried.
 */

const HOUR = 3_600_000;

function perIndexJob(spec: Record<string, unknown>) {
  return prepare(jobManifest({ completionMode: "Indexed", ...spec }));
}

function added(log: Change[]): PodRecord[] {
  return log.filter((x) => x.kind === "Pod" && x.type === "ADDED").map((x) => x.pod!);
}

function addedAt(log: Change[], pod: PodRecord): number {
  return log.find((x) => x.kind === "Pod" && x.type === "ADDED" && x.pod === pod)!.t;
}

/** [completion index, job-index-failure-count, job-index-ignored-failure-count] */
function indexAndCounts(p: PodRecord): number[] {
  return [p.completionIndex, p.indexFailureCount, p.indexIgnoredFailureCount];
}

function finishedMs(pod: PodRecord): number {
  return apiTime(pod.containers[0].current!.finishedMs);
}

function conditions(log: Change[]): string[] {
  const job = log.find((x) => x.kind === "Job")!.job!;
  return job.status.conditions.map((c) => `${c.type}/${c.reason}`);
}

describe("backoffLimitPerIndex", () => {
  it("limit 1: index 0 fails, is retried once with failure count 1 after 10 s, fails again: FailedIndexes once index 1 succeeded", () => {
    // Start order: index 0, index 1, then index 0's replacement.
    const c = cluster({ behaviour: behaviour({ script: exits(1, 0, 1) }) });
    const log = record(c);
    c.createJob(perIndexJob({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }));
    const job = c.store.jobs[0];
    c.sim.run({ until: HOUR });
    const pods = added(log);
    expect(pods.map(indexAndCounts)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(addedAt(log, pods[2])).toBe(finishedMs(pods[0]) + 10_000);
    // Until the replacement exists, the failed pod keeps its finalizer: not yet in status.failed.
    const before = log.filter((x) => x.kind === "Job" && x.t < addedAt(log, pods[2]));
    expect(before.every((x) => x.failed === 0)).toBe(true);
    expect(conditions(log)).toEqual(["FailureTarget/FailedIndexes", "Failed/FailedIndexes"]);
    expect([
      job.status.completedIndexes,
      job.status.failedIndexes,
      job.status.succeeded,
      job.status.failed,
    ]).toEqual(["1", "0", 1, 2]);
    // The back-off of index 0 alone: no global record held index 1 back (it never failed).
    expect(pods.every((p) => !p.trackingFinalizer)).toBe(true);
  });

  it('writes failedIndexes "" from the first sync, as a set pointer to an empty list', () => {
    const c = cluster({ behaviour: behaviour({ script: exits(0) }) });
    c.createJob(perIndexJob({ completions: 1, backoffLimitPerIndex: 2 }));
    c.sim.run({ until: 1 });
    expect(c.store.jobs[0].status.failedIndexes).toBe("");
    c.sim.run({ until: HOUR });
    expect(c.store.jobs[0].status.failedIndexes).toBe("");
    expect(conditions([{ kind: "Job", job: c.store.jobs[0] } as Change])).toEqual([
      "SuccessCriteriaMet/CompletionsReached",
      "Complete/CompletionsReached",
    ]);
  });

  it("maxFailedIndexes 0: the first failed index fails the Job (MaxFailedIndexesExceeded) and the running pods are deleted", () => {
    // Index 0 fails after 1.2 s; indexes 1 and 2 would run 100 s.
    const script = exits(1, 0, 0).map(
      (o, i): Outcome => (i === 0 ? o : { ...o, runSeconds: Distribution.constant(100) }),
    );
    const c = cluster({ behaviour: behaviour({ script }) });
    const log = record(c);
    c.createJob(
      perIndexJob({ completions: 3, parallelism: 3, backoffLimitPerIndex: 0, maxFailedIndexes: 0 }),
    );
    const job = c.store.jobs[0];
    c.sim.run({ until: HOUR });
    expect(conditions(log)).toEqual([
      "FailureTarget/MaxFailedIndexesExceeded",
      "Failed/MaxFailedIndexesExceeded",
    ]);
    expect(job.status.failedIndexes).toBe("0");
    const pods = added(log);
    expect(pods.length).toBe(3);
    // The running pods were deleted (failed, as a Job's end counts them), long before their 100 s.
    expect(pods.slice(1).every((p) => p.deletionMs !== -1 && p.phase === PodPhase.Failed)).toBe(true);
    expect(job.status.failed).toBe(3);
  });

  it("a FailIndex rule fails the index at its first failure, whatever the limit; an Ignore rule retries it with the ignored count", () => {
    const policy = {
      rules: [
        { action: "FailIndex", onExitCodes: { operator: "In", values: [42] } },
        { action: "Ignore", onExitCodes: { operator: "In", values: [3] } },
      ],
    };
    // Index 0: exit 3 (ignored), then 3 again, then 0. Index 1: exit 42.
    const c = cluster({ behaviour: behaviour({ script: exits(3, 42, 3, 0) }) });
    const log = record(c);
    c.createJob(
      perIndexJob({
        completions: 2,
        parallelism: 2,
        backoffLimitPerIndex: 5,
        podFailurePolicy: policy,
        podReplacementPolicy: "Failed",
      }),
    );
    const job = c.store.jobs[0];
    c.sim.run({ until: HOUR });
    const pods = added(log);
    expect(pods.map(indexAndCounts)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 2],
    ]);
    // The back-off counts ignored failures too: 10 s after the first, 20 s after the second.
    expect(addedAt(log, pods[2])).toBe(finishedMs(pods[0]) + 10_000);
    expect(addedAt(log, pods[3])).toBe(finishedMs(pods[2]) + 20_000);
    expect(job.status.failedIndexes).toBe("1");
    expect(job.status.completedIndexes).toBe("0");
    // Ignored failures are not counted; the FailIndex one is.
    expect(job.status.failed).toBe(1);
    expect(pods.filter((p) => p.phase === PodPhase.Failed).length).toBe(3);
    expect(conditions(log)).toEqual(["FailureTarget/FailedIndexes", "Failed/FailedIndexes"]);
  });
});
