import type { EventHandler, Simulation } from "../engine/simulation.js";
import { type JobRecord, NONE } from "./objects.js";
import { type Store, WatchType } from "./store.js";

/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * ttlSecondsAfterFinished is deleted, with its pods, that many seconds after its Complete or
 * Failed condition's lastTransitionTime. It deletes with foreground propagation (the pods go
 * first) — believed from the controller source, see the reference's open question 7.
 *
 * The TTL is mutable: every update of a finished Job is looked at again (updateJob re-queues
 * it), and a due check reads the TTL the Job has then (processJob's "final sanity check" on a
 * fresh copy) — a TTL shortened to the past deletes at once, one lengthened or removed waits
 * or never deletes.
 */
export class TtlAfterFinishedController implements EventHandler {
  /** The pending check of each Job: its event handle and time. */
  private readonly timers = new Map<JobRecord, { handle: number; at: number }>();

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
  ) {
    // Watches Jobs through the cluster (see Cluster.onJob).
  }

  onJob(type: WatchType, job: JobRecord): void {
    // No TTL anywhere (the usual case): answered in a function small enough to be inlined.
    if (this.timers.size === 0 && job.view.ttlSeconds === NONE) return;
    this.jobChanged(type, job);
  }

  private jobChanged(type: WatchType, job: JobRecord): void {
    if (type === WatchType.Deleted) {
      const t = this.timers.get(job);
      if (t !== undefined) this.sim.cancel(t.handle);
      this.timers.delete(job);
      return;
    }
    // needsCleanup: a TTL and a finished Job. A Job that lost its TTL keeps its pending check,
    // which then finds nothing to do.
    const ttl = job.view.ttlSeconds;
    if (ttl === NONE || !job.finished || job.deletionMs !== NONE) return;
    const at = Math.max(this.sim.now, finishedAt(job) + ttl * 1000);
    const pending = this.timers.get(job);
    // An earlier check looks again then (and waits on if the TTL grew).
    if (pending !== undefined && pending.at <= at) return;
    if (pending !== undefined) this.sim.cancel(pending.handle);
    this.schedule(job, at);
  }

  private schedule(job: JobRecord, at: number): void {
    this.timers.set(job, { handle: this.sim.scheduleAt(at, this, 0, job), at });
  }

  /** processJob: the TTL as the Job has it now decides — delete, wait until it expires, or drop. */
  handleEvent(_arg: number, ref: unknown): void {
    const job = ref as JobRecord;
    this.timers.delete(job);
    const ttl = job.view.ttlSeconds;
    if (job.removed || !job.finished || job.deletionMs !== NONE || ttl === NONE) return;
    const expireAt = finishedAt(job) + ttl * 1000;
    if (this.sim.now < expireAt) this.schedule(job, expireAt);
    else this.store.deleteJob(job, "Foreground");
  }

  clear(): void {
    if (this.timers.size > 0) this.timers.clear();
  }
}

function finishedAt(job: JobRecord): number {
  for (const c of job.status.conditions)
    if ((c.type === "Complete" || c.type === "Failed") && c.status === "True") return c.lastTransitionMs;
  return job.creationMs;
}
