import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type JobRunResult, MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { Materializer } from "../../src/models/materialize.js";
import type { JobRecord, PodRecord } from "../../src/models/objects.js";
import { WatchType } from "../../src/models/store.js";
import { randomJobScenario, randomJobSpec, scenario } from "./helpers.js";

/**
 * What a Monte Carlo run reports per Job, held against an independent reading of the same run:
 * the Job and its pods as the API shows them (materialized objects, watched as they change).
 * The collector in monte-carlo.ts counts from internal records; this oracle only from what
 * `kubectl get -o json` would show, so a collector that misses a pod, a deletion or a
 * condition disagrees with it.
 */

interface ApiPod {
  metadata: { uid: string; ownerReferences?: { uid: string }[]; finalizers?: string[] };
  status: { phase?: string; conditions?: { type: string; status: string; lastTransitionTime: string }[] };
}
interface ApiJob {
  metadata: { uid: string; creationTimestamp: string };
  status: {
    conditions?: { type: string; status: string; reason: string; lastTransitionTime: string }[];
    failed?: number;
    uncountedTerminatedPods?: { failed?: string[] };
  };
}

interface Oracle {
  outcome: string;
  reason: string;
  durationMs: number;
  pods: number;
  failedPods: number;
}

/** Watches the run's store; reads only materialized API objects. */
class ApiOracle {
  private first: JobRecord | null = null;
  private jobUid = "";
  private job: ApiJob | null = null;
  private deleted = false;
  private readonly created = new Set<string>();
  /** Pods that failed and still carry the Job's tracking finalizer (to be counted), by uid. */
  private readonly failedUncounted = new Set<string>();

  constructor(
    private readonly m: Materializer,
    private readonly jobName: string,
  ) {}

  onJob(type: WatchType, job: JobRecord): void {
    if (job.name !== this.jobName) return;
    // A row follows the first Job of its name (one applied again after the TTL controller
    // removed it is another Job).
    this.first ??= job;
    if (job !== this.first) return;
    if (type === WatchType.Deleted) {
      this.deleted = true;
      return;
    }
    const o = this.m.job(job) as ApiJob;
    this.jobUid = o.metadata.uid;
    this.job = o;
  }

  onPod(type: WatchType, pod: PodRecord): void {
    const uid = pod.uid;
    if (type === WatchType.Deleted) {
      this.failedUncounted.delete(uid);
      return;
    }
    const o = this.m.pod(pod) as ApiPod;
    if (o.metadata.ownerReferences?.[0]?.uid !== this.jobUid) return;
    this.created.add(o.metadata.uid);
    if (
      o.status.phase === "Failed" &&
      (o.metadata.finalizers ?? []).includes("batch.kubernetes.io/job-tracking")
    )
      this.failedUncounted.add(uid);
    else this.failedUncounted.delete(uid);
  }

  private finishedCondition(job: ApiJob | null) {
    return job?.status.conditions?.find(
      (c) => (c.type === "Complete" || c.type === "Failed") && c.status === "True",
    );
  }

  result(): Oracle {
    const c = this.finishedCondition(this.job);
    // The pods the Job counts as failed (.status.failed, with those written as uncounted), and
    // those it will count at its next sync: failed, finalizer still on.
    const uncounted = new Set(this.job?.status.uncountedTerminatedPods?.failed ?? []);
    let failed = (this.job?.status.failed ?? 0) + uncounted.size;
    for (const uid of this.failedUncounted) if (!uncounted.has(uid)) failed++;
    return {
      outcome: c?.type ?? (this.deleted ? "Deleted" : "Unfinished"),
      reason: c?.reason ?? "",
      durationMs:
        c === undefined
          ? -1
          : Date.parse(c.lastTransitionTime) - Date.parse(this.job!.metadata.creationTimestamp),
      pods: this.created.size,
      failedPods: failed,
    };
  }
}

/** Compares `runs` runs, every Job's row; returns the reasons the Jobs ended with. */
function compare(mc: MonteCarlo, runs: number): string[] {
  const reasons: string[] = [];
  const names = mc.jobKeys.map((k) => k.slice(k.indexOf("/") + 1));
  for (let run = 0; run < runs; run++) {
    const materializer = new Materializer(mc.scenario.epochMs, mc.cluster.identities, mc.scenario.profile);
    const oracles = names.map((name) => new ApiOracle(materializer, name));
    for (const o of oracles) {
      mc.cluster.store.watchJobs(o);
      mc.cluster.store.watchPods(o);
    }
    let results: readonly JobRunResult[];
    try {
      results = mc.runOne(run);
    } finally {
      for (const o of oracles) mc.cluster.store.unwatch(o);
    }
    oracles.forEach((oracle, j) => {
      const o = oracle.result();
      const r = results[j];
      reasons.push(o.reason || o.outcome);
      expect({ run, job: names[j], ...o }).toEqual({
        run,
        job: names[j],
        outcome: r.outcome,
        reason: r.reason,
        durationMs: r.durationMs < 0 ? -1 : r.durationMs,
        pods: r.pods,
        failedPods: r.failedPods,
      });
    });
  }
  return reasons;
}

describe("a Monte Carlo run's results = the run read through the API", () => {
  it("over random Job specs (parallelism, completions, Indexed, backoffLimitPerIndex, successPolicy, deadline, TTL, OnFailure, pod failure policy)", () => {
    const reasons = new Set<string>();
    fc.assert(
      fc.property(randomJobSpec, (s) => {
        const sc = randomJobScenario(s);
        for (const r of compare(new MonteCarlo(sc, s.seed), 12)) reasons.add(r);
      }),
      { numRuns: 80, seed: 2026 },
    );
    // The specs reached every way a Job ends.
    expect([...reasons].sort()).toEqual([
      "BackoffLimitExceeded",
      "CompletionsReached",
      "DeadlineExceeded",
      "FailedIndexes",
      "MaxFailedIndexesExceeded",
      "PodFailurePolicy",
      "SuccessPolicy",
    ]);
  });

  it("pods deleted by kubectl delete count as the Job counts them (force, --now, the default grace)", () => {
    // A running pod deleted by a step is removed when the controller takes its finalizer off,
    // in the sync that counts it in .status.failed: the row counts it too.
    for (const del of ["--grace-period=0 --force", "--now", "", "--wait=false"]) {
      const mc = new MonteCarlo(
        scenario({
          p: 0.6,
          backoffLimit: 4,
          runSeconds: "{uniform: [20, 40]}",
          extraSpec: "\n      parallelism: 2\n      completions: 2",
          steps: [
            "kubectl apply -f job.yaml",
            "kubectl wait --for=condition=Ready pods -l job-name=work --timeout=1m",
            `kubectl delete pods -l job-name=work ${del}`,
            "sleep 1h",
          ],
        }),
        7,
      );
      compare(mc, 15);
      let failed = 0;
      for (let run = 0; run < 15; run++) failed += mc.runOne(run)[0].failedPods;
      expect(failed).toBeGreaterThanOrEqual(30); // the two deleted pods of every run, at least
    }
  });

  it("a Job deleted by ttlSecondsAfterFinished reports every run as if it stayed", () => {
    const results = (ttl: string) => {
      const mc = new MonteCarlo(
        scenario({
          p: 0.4,
          backoffLimit: 6,
          runSeconds: "{exponential: {mean: 5}}",
          extraSpec: ttl,
          steps: ["kubectl apply -f job.yaml", "sleep 1h"],
        }),
        3,
      );
      return Array.from({ length: 200 }, (_, run) => JSON.stringify(mc.runOne(run)[0]));
    };
    const kept = results("");
    expect(new Set(kept.map((r) => JSON.parse(r).pods)).size).toBeGreaterThan(3);
    expect(results("\n      ttlSecondsAfterFinished: 0")).toEqual(kept);
    expect(results("\n      ttlSecondsAfterFinished: 30")).toEqual(kept);
  });
});
