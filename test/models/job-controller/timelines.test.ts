import { describe, expect, it } from "vitest";
import { Distribution } from "../../../src/engine/random/distributions.js";
import { backoffDurationMs } from "../../../src/models/job-controller/backoff.js";
import { apiTime, PodPhase } from "../../../src/models/objects.js";
import {
  behaviour,
  type Change,
  cluster,
  exits,
  firstTime,
  jobManifest,
  node,
  prepare,
  record,
} from "../harness.js";

/**
 * End-to-end timelines of the Job controller with the kubelet and scheduler, against the
 * reference's rules (../shared/reference/kubernetes-job-controller.md §1–§5). Durations are
 * fixed: pull 2 s (first on a node), start 0.5 s, run 1.2 s; exits are scripted.
 */

const HOUR = 3_600_000;

function podsAdded(log: Change[]): Change[] {
  return log.filter((c) => c.kind === "Pod" && c.type === "ADDED");
}

/** Finish time (API seconds) and the instant the failure reached the API, per pod. */
function podEnds(log: Change[]): { name: string; finishedMs: number; observedMs: number }[] {
  const out: { name: string; finishedMs: number; observedMs: number }[] = [];
  for (const c of log) {
    if (c.kind !== "Pod" || c.type !== "MODIFIED" || (c.phase !== "Failed" && c.phase !== "Succeeded"))
      continue;
    if (out.some((o) => o.name === c.name)) continue;
    out.push({
      name: c.name,
      finishedMs: apiTime(c.pod!.containers[0].current!.finishedMs),
      observedMs: c.t,
    });
  }
  return out;
}

describe("Job controller timelines (restartPolicy Never)", () => {
  it("exits 1, 1, 1, 0: each replacement at the last failure's finish time + 10 s · 2^(n−1); Complete 1 s after the last pod ended", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(1, 1, 1, 0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ backoffLimit: 10 })));
    c.sim.run({ until: HOUR });
    const added = podsAdded(log);
    const ends = podEnds(log);
    expect(added.map((a) => a.t)).toEqual([
      0,
      ends[0].finishedMs + 10_000,
      ends[1].finishedMs + 20_000,
      ends[2].finishedMs + 40_000,
    ]);
    // The figures for these fixed durations: first pod pulls 2 s, so it ends at 3.7 s (API 3 s).
    expect(added.map((a) => a.t)).toEqual([0, 13_000, 34_000, 75_000]);
    const job = added[0].pod!.owner!;
    expect(job.status.conditions.map((x) => [x.type, x.reason])).toEqual([
      ["SuccessCriteriaMet", "CompletionsReached"],
      ["Complete", "CompletionsReached"],
    ]);
    const complete = firstTime(
      log,
      (x) => x.kind === "Job" && (x.conditions ?? []).includes("Complete/CompletionsReached"),
    );
    expect(complete - ends[3].observedMs).toBe(1000);
    expect([job.status.succeeded, job.status.failed, job.status.active]).toEqual([1, 3, 0]);
    expect(job.status.completionMs).toBe(apiTime(complete));
  });

  it("exits 1 ×11 with backoffLimit 10: 11 pods, FailureTarget then Failed with BackoffLimitExceeded", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(...new Array(11).fill(1)) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ backoffLimit: 10 })));
    c.sim.run({ until: 4 * HOUR });
    const added = podsAdded(log);
    expect(added).toHaveLength(11);
    const ends = podEnds(log);
    for (let n = 1; n < 11; n++)
      expect(added[n].t).toBe(Math.max(ends[n - 1].finishedMs + backoffDurationMs(n), added[n].t));
    for (let n = 1; n < 11; n++) expect(added[n].t - ends[n - 1].finishedMs).toBe(backoffDurationMs(n));
    const job = added[0].pod!.owner!;
    expect(job.status.conditions.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["FailureTarget", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"],
      ["Failed", "True", "BackoffLimitExceeded", "Job has reached the specified backoff limit"],
    ]);
    expect(job.status.failed).toBe(11);
    expect(job.status.completionMs).toBe(-1);
    const ft = firstTime(log, (x) => (x.conditions ?? []).includes("FailureTarget/BackoffLimitExceeded"));
    const failed = firstTime(log, (x) => (x.conditions ?? []).includes("Failed/BackoffLimitExceeded"));
    expect(ft).toBe(ends[10].observedMs + 1000);
    expect(failed).toBe(ft); // no pod was left running, so the final condition follows in the same sync
  });

  it("backoffLimit 0: the first failure fails the Job", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(1, 0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ backoffLimit: 0 })));
    c.sim.run({ until: HOUR });
    expect(podsAdded(log)).toHaveLength(1);
    expect(log.at(-1)!.job!.status.conditions.at(-1)!.type).toBe("Failed");
  });

  it("activeDeadlineSeconds: the running pod is killed, FailureTarget, then Failed once it is gone", () => {
    const c = cluster({ behaviour: behaviour({ runSeconds: Distribution.constant(600), script: exits(0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ activeDeadlineSeconds: 30 })));
    c.sim.run({ until: HOUR });
    const ft = firstTime(log, (x) => (x.conditions ?? []).includes("FailureTarget/DeadlineExceeded"));
    expect(ft).toBe(30_000);
    const pod = podsAdded(log)[0].pod!;
    expect(pod.containers[0].current!.exitCode).toBe(143);
    expect(pod.phase).toBe(PodPhase.Failed);
    const failed = firstTime(log, (x) => (x.conditions ?? []).includes("Failed/DeadlineExceeded"));
    expect(failed).toBeGreaterThan(ft);
    const job = pod.owner!;
    expect(job.status.failed).toBe(1);
    expect(job.status.conditions.at(-1)!.message).toBe("Job was active longer than specified deadline");
  });
});

describe("Job controller timelines (other shapes)", () => {
  it("work queue (completions unset, parallelism 3): three pods at once; Complete when one succeeded and none is active", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(0, 0, 0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ parallelism: 3 })));
    c.sim.run({ until: HOUR });
    const added = podsAdded(log);
    expect(added.map((a) => a.t)).toEqual([0, 0, 0]);
    const job = added[0].pod!.owner!;
    expect(job.status.succeeded).toBe(3);
    expect(job.status.conditions.at(-1)!.type).toBe("Complete");
  });

  it("completions 3, parallelism 2: never more than 2 active, 3 successes", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(0, 0, 0, 0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ completions: 3, parallelism: 2 })));
    c.sim.run({ until: HOUR });
    const job = podsAdded(log)[0].pod!.owner!;
    expect(podsAdded(log)).toHaveLength(3);
    expect(Math.max(...log.filter((x) => x.kind === "Job").map((x) => x.active!))).toBe(2);
    expect(job.status.succeeded).toBe(3);
  });

  it("OnFailure: the container restarts (0 s, then 10 s back-off) and the Job fails when restarts reach backoffLimit", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(1, 1, 1, 1, 1) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ backoffLimit: 2 }, { restartPolicy: "OnFailure" })));
    c.sim.run({ until: HOUR });
    expect(podsAdded(log)).toHaveLength(1);
    const pod = podsAdded(log)[0].pod!;
    const restarts = log.filter((x) => x.kind === "Pod" && x.pod === pod).map((x) => x.restarts!);
    expect(Math.max(...restarts)).toBe(2);
    const crashLoop = log.find((x) => x.kind === "Pod" && x.waiting === "CrashLoopBackOff");
    expect(crashLoop).toBeDefined();
    const job = pod.owner!;
    expect(job.status.conditions.map((x) => x.type)).toEqual(["FailureTarget", "Failed"]);
    expect(job.status.failed).toBe(1);
  });

  it("OnFailure with backoffLimit 0: the first restart fails the Job", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(1, 1, 1, 1, 1) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ backoffLimit: 0 }, { restartPolicy: "OnFailure" })));
    c.sim.run({ until: HOUR });
    const pod = podsAdded(log)[0].pod!;
    const restarts = log.filter((x) => x.kind === "Pod" && x.pod === pod).map((x) => x.restarts!);
    expect(Math.max(...restarts)).toBe(1);
    expect(pod.owner!.status.conditions.map((x) => x.type)).toEqual(["FailureTarget", "Failed"]);
    expect(pod.owner!.status.conditions[1].reason).toBe("BackoffLimitExceeded");
  });

  it("completions 2, exits 1, 0, 1, 0: a success resets the back-off (the failure after it waits 10 s, not 20 s)", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(1, 0, 1, 0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ completions: 2, backoffLimit: 6 })));
    c.sim.run({ until: HOUR });
    const added = podsAdded(log);
    const ends = podEnds(log);
    expect(added).toHaveLength(4);
    expect(added[1].t).toBe(ends[0].finishedMs + 10_000);
    // The second pod succeeded: its replacement is not held back.
    expect(added[2].t).toBeLessThan(ends[1].observedMs + 2_000);
    expect(added[3].t).toBe(ends[2].finishedMs + 10_000);
    expect(added[0].pod!.owner!.status.succeeded).toBe(2);
  });

  it("suspend: no pods and Suspended=True; resume creates pods and restarts the clock", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(0) }) });
    const log = record(c);
    const job = c.createJob(prepare(jobManifest({ suspend: true })));
    c.sim.run({ until: 60_000 });
    expect(podsAdded(log)).toHaveLength(0);
    expect(job.status.startMs).toBe(-1);
    expect(job.status.conditions.map((x) => [x.type, x.status, x.reason])).toEqual([
      ["Suspended", "True", "JobSuspended"],
    ]);
    job.object.spec!.suspend = false;
    job.view = new (job.view.constructor as typeof import("../../../src/models/objects.js").JobSpecView)(
      job.object.spec!,
    );
    c.store.updateJob(job, true);
    c.sim.run({ until: HOUR });
    expect(podsAdded(log)[0].t).toBe(60_000);
    expect(job.condition("Suspended")!.status).toBe("False");
    expect(job.condition("Suspended")!.reason).toBe("JobResumed");
    expect(job.status.startMs).toBe(60_000);
    expect(job.status.conditions.at(-1)!.type).toBe("Complete");
  });

  it("podFailurePolicy FailJob on exit code 42 fails the Job at the first such pod; Ignore does not count", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(3, 42) }) });
    const log = record(c);
    const policy = {
      rules: [
        { action: "Ignore", onExitCodes: { operator: "In", values: [3] } },
        { action: "FailJob", onExitCodes: { operator: "In", values: [42] } },
      ],
    };
    c.createJob(prepare(jobManifest({ backoffLimit: 6, podFailurePolicy: policy })));
    c.sim.run({ until: HOUR });
    const job = podsAdded(log)[0].pod!.owner!;
    expect(podsAdded(log)).toHaveLength(2);
    expect(job.status.conditions.map((x) => [x.type, x.reason])).toEqual([
      ["FailureTarget", "PodFailurePolicy"],
      ["Failed", "PodFailurePolicy"],
    ]);
    expect(job.status.failed).toBe(1); // the ignored failure is not counted
  });

  it("ttlSecondsAfterFinished: the Job and its pods are deleted that long after it finished", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(0) }) });
    const log = record(c);
    c.createJob(prepare(jobManifest({ ttlSecondsAfterFinished: 100 })));
    c.sim.run({ until: HOUR });
    const finished = firstTime(log, (x) => (x.conditions ?? []).includes("Complete/CompletionsReached"));
    const deleted = firstTime(log, (x) => x.kind === "Job" && x.type === "DELETED");
    expect(deleted).toBe(apiTime(finished) + 100_000);
    expect(c.store.pods).toHaveLength(0);
    expect(c.store.jobs).toHaveLength(0);
  });

  it("a pod that fits no node stays Pending (Unschedulable) until the deadline fails the Job", () => {
    const nodes = [node("small-0", "agent", 0, 100)];
    const c = cluster({ nodes, detailed: true });
    const log = record(c);
    c.createJob(
      prepare(
        jobManifest(
          { activeDeadlineSeconds: 60 },
          {
            containers: [
              { name: "flaky-app", image: behaviour().spec.image, resources: { requests: { cpu: "1" } } },
            ],
          },
        ),
      ),
    );
    c.sim.run({ until: HOUR });
    const pod = podsAdded(log)[0].pod!;
    expect(pod.nodeName).toBeNull();
    expect(pod.unschedulableMessage).toBe(
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
    expect(firstTime(log, (x) => (x.conditions ?? []).includes("FailureTarget/DeadlineExceeded"))).toBe(
      60_000,
    );
    // The deleted pod counts as terminating in that sync, so Failed comes with the next one.
    expect(firstTime(log, (x) => (x.conditions ?? []).includes("Failed/DeadlineExceeded"))).toBe(61_000);
    expect(c.recorder!.list().some((e) => e.reason === "FailedScheduling")).toBe(true);
  });

  it("podReplacementPolicy: TerminatingOrFailed replaces a deleted pod while it terminates; Failed waits for it", () => {
    for (const [policy, expectOverlap] of [
      ["TerminatingOrFailed", true],
      ["Failed", false],
    ] as const) {
      const c = cluster({
        behaviour: behaviour({
          runSeconds: Distribution.constant(600),
          terminationSeconds: Distribution.constant(20),
          script: exits(0, 0),
        }),
      });
      const log = record(c);
      c.createJob(prepare(jobManifest({ podReplacementPolicy: policy })));
      c.sim.run({ until: 10_000 });
      c.deletePod(podsAdded(log)[0].pod!);
      c.sim.run({ until: HOUR });
      const first = podsAdded(log)[0].pod!;
      const second = podsAdded(log)[1];
      const firstGone = firstTime(log, (x) => x.kind === "Pod" && x.pod === first && x.type === "DELETED");
      expect(second.t < firstGone).toBe(expectOverlap);
    }
  });
});
