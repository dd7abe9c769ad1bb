import type { Cluster } from "../models/cluster.js";
import { isTerminal, type JobRecord, NONE, PodPhase, type PodRecord } from "../models/objects.js";
import { type JobListener, type PodListener, WatchType } from "../models/store.js";
import type { Outcome } from "./accumulators.js";

/**
 * What one Monte Carlo run (monte-carlo.ts) records per Job row, from the store's watches: its
 * outcome, reason and duration, its pods, the failed ones and their time. The rows are reused
 * run after run (reset), so a run allocates none.
 */

export interface JobRunResult {
  outcome: Outcome;
  reason: string;
  /** Simulated ms from creation to the terminal condition (API seconds), or NONE. */
  durationMs: number;
  pods: number;
  failedPods: number;
  podMs: number;
  wastedMs: number;
}

export const OUTCOME_CODE: Record<Outcome, number> = { Complete: 1, Failed: 2, Unfinished: 3, Deleted: 4 };

/** Tracks, during one run, what each Job and its pods did. */
export class RunCollector implements JobListener, PodListener {
  readonly results: JobRunResult[];
  created = 0;
  finished = 0;

  constructor(keys: readonly string[]) {
    this.results = keys.map(() => ({
      outcome: "Unfinished" as Outcome,
      reason: "",
      durationMs: NONE,
      pods: 0,
      failedPods: 0,
      podMs: 0,
      wastedMs: 0,
    }));
  }

  reset(): void {
    this.created = 0;
    this.finished = 0;
    for (const r of this.results) {
      r.outcome = "Unfinished";
      r.reason = "";
      r.durationMs = NONE;
      r.pods = 0;
      r.failedPods = 0;
      r.podMs = 0;
      r.wastedMs = 0;
    }
  }

  /** The row of a Job: the first of its name in the run. One created again later (a step
   * applies it after the TTL controller removed it) is another Job, which no row follows. */
  private resultOf(job: JobRecord): JobRunResult | undefined {
    const i = job.observerIndex;
    return i === NONE || job.incarnation !== 0 ? undefined : this.results[i];
  }

  onJob(type: WatchType, job: JobRecord): void {
    // Most writes are status updates of a running Job: nothing to record (answered in a
    // function small enough to be inlined into the store's notify loop).
    if (type === WatchType.Modified && !job.finished) return;
    this.jobChanged(type, job);
  }

  private jobChanged(type: WatchType, job: JobRecord): void {
    const r = this.resultOf(job);
    if (r === undefined) return;
    if (type === WatchType.Added) {
      this.created++;
      return;
    }
    if (type === WatchType.Deleted) {
      // Its pods are counted now: a Job deleted after it finished (ttlSecondsAfterFinished) is
      // no longer in the store when the run ends.
      r.pods += job.podsCreated;
      if (r.outcome !== "Unfinished") return;
      r.outcome = "Deleted";
      this.finished++;
      return;
    }
    if (r.outcome !== "Unfinished" || !job.finished) return;
    for (const c of job.status.conditions) {
      if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") {
        r.outcome = c.type;
        r.reason = c.reason;
        r.durationMs = c.lastTransitionMs - job.creationMs;
        this.finished++;
        return;
      }
    }
  }

  onPod(type: WatchType, pod: PodRecord): void {
    if (type === WatchType.Deleted)
      this.account(pod, pod.terminalMs !== NONE ? pod.terminalMs : pod.deletionMs);
  }

  /**
   * Adds a pod's resource time and failure to its Job's result. A failed pod is one its Job
   * counts in .status.failed — or would at its next sync (failed, finalizer still on) — not a
   * pod the controller stopped without counting it (after a successPolicy was met, on suspend
   * or a scale-down), though that one ends Failed too. A pod deleted while it ran (kubectl
   * delete) is removed as the controller takes its finalizer off, before that same sync moves
   * it from uncountedTerminatedPods.failed into .status.failed (countedFailed): one listed
   * there (uncounted 2) is counted.
   */
  account(pod: PodRecord, endMs: number): void {
    const job = pod.owner;
    if (job === null) return;
    const r = this.resultOf(job);
    if (r === undefined) return;
    const used = pod.scheduledMs === NONE ? 0 : Math.max(0, endMs - pod.scheduledMs);
    r.podMs += used;
    if (
      pod.countedFailed ||
      pod.uncounted === 2 ||
      (pod.phase === PodPhase.Failed && pod.trackingFinalizer)
    ) {
      r.failedPods++;
      r.wastedMs += used;
    }
  }

  /** End of run: pods still stored, and pod counts. */
  finish(cluster: Cluster): void {
    const now = cluster.sim.now;
    for (const pod of cluster.store.pods) this.account(pod, isTerminal(pod.phase) ? pod.terminalMs : now);
    for (const job of cluster.store.jobs) {
      const r = this.resultOf(job);
      if (r !== undefined) r.pods += job.podsCreated;
    }
  }
}
