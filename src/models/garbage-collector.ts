import type { EventHandler, Simulation } from "../engine/simulation.js";
import type { JobRecord, PodRecord } from "./objects.js";
import { type Store, WatchType } from "./store.js";

/**
 * The garbage collector's part in Job deletion (pkg/controller/garbagecollector): when a Job
 * goes with background propagation, its pods are deleted (each with its own grace period);
 * with foreground propagation the Job waits, marked, until its pods are gone, then goes.
 * It acts as soon as it sees the event (no modelled latency).
 */
export class GarbageCollector implements EventHandler {
  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
  ) {
    store.watchJobs(this);
    store.watchPods(this);
  }

  onJob(type: WatchType, job: JobRecord): void {
    if (type === WatchType.Deleted && job.pods.length > 0) this.sim.schedule(0, this, 0, job);
    else if (type === WatchType.Modified && job.finalizers.includes("foregroundDeletion"))
      this.sim.schedule(0, this, 1, job);
  }

  onPod(type: WatchType, pod: PodRecord): void {
    const job = pod.owner;
    if (
      type === WatchType.Deleted &&
      job !== null &&
      job.finalizers.includes("foregroundDeletion") &&
      job.pods.length === 0
    ) {
      this.sim.schedule(0, this, 2, job);
    }
  }

  handleEvent(arg: number, ref: unknown): void {
    const job = ref as JobRecord;
    if (arg === 2) {
      if (!job.removed && job.pods.length === 0) this.store.finishForegroundDeletion(job);
      return;
    }
    if (arg === 1 && job.pods.length === 0) {
      this.store.finishForegroundDeletion(job);
      return;
    }
    for (const pod of [...job.pods]) {
      if (pod.deletionMs === -1) this.store.deletePod(pod, pod.spec.terminationGracePeriodSeconds ?? 30);
    }
  }
}
