import type { EventHandler, Simulation } from "../engine/simulation.js";
import { type JobRecord, NONE } from "./objects.js";
import { type Store, WatchType } from "./store.js";

/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * ttlSecondsAfterFinished is deleted, with its pods, that many seconds after its Complete or
 * Failed condition's lastTransitionTime. It deletes with foreground propagation (the pods go
 * first) — believed from the controller source, see the reference's open question 7.
 */
export class TtlAfterFinishedController implements EventHandler {
  private readonly timers = new Map<JobRecord, number>();

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
      const h = this.timers.get(job);
      if (h !== undefined) this.sim.cancel(h);
      this.timers.delete(job);
      return;
    }
    const ttl = job.view.ttlSeconds;
    if (ttl === NONE || !job.finished || job.deletionMs !== NONE || this.timers.has(job)) return;
    const at = Math.max(this.sim.now, finishedAt(job) + ttl * 1000);
    this.timers.set(job, this.sim.scheduleAt(at, this, 0, job));
  }

  handleEvent(_arg: number, ref: unknown): void {
    const job = ref as JobRecord;
    this.timers.delete(job);
    if (!job.removed && job.finished) this.store.deleteJob(job, "Foreground");
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
