import type { EventHandler, Simulation } from "../engine/simulation.js";
import type { JobRecord, PodRecord } from "./objects.js";
import { type Store, WatchType } from "./store.js";

/**
 * The garbage collector's part in Job deletion (pkg/controller/garbagecollector): when a Job
 * goes with background propagation, its pods are deleted (each with its own grace period);
 * with foreground propagation the Job waits, marked, until its pods are gone, then goes; with
 * orphan propagation it waits, marked, while its pods lose their owner reference
 * (attemptToOrphanWorker: orphanDependents, then removeFinalizer), then goes.
 * It acts as soon as it sees the event (no modelled latency). It watches pods only while a
 * foreground deletion is in progress (the only time pod events matter to it).
 */

enum Act {
  DeleteDependents = 0,
  FinishIfEmpty = 1,
  Orphan = 2,
}

export class GarbageCollector implements EventHandler {
  private readonly foreground = new Set<JobRecord>();

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
  ) {
    // Watches Jobs through the cluster (see Cluster.onJob); pods itself, while it needs them.
  }

  onJob(type: WatchType, job: JobRecord): void {
    // Almost every Job write is a status update of a Job without finalizers, which concerns
    // the collector in no way: answered here, in a function small enough to be inlined.
    if (type === WatchType.Modified && job.finalizers.length === 0) return;
    this.jobChanged(type, job);
  }

  private jobChanged(type: WatchType, job: JobRecord): void {
    if (type === WatchType.Deleted) {
      if (this.foreground.delete(job) && this.foreground.size === 0) this.store.unwatchPods(this);
      if (job.pods.length > 0) this.sim.schedule(0, this, Act.DeleteDependents, job);
      return;
    }
    // (Each write of the marked Job schedules the orphaning again: the first does it, the others
    // find the finalizer gone.)
    if (type === WatchType.Modified && job.finalizers.includes("orphan"))
      this.sim.schedule(0, this, Act.Orphan, job);
    if (
      type === WatchType.Modified &&
      !this.foreground.has(job) &&
      job.finalizers.includes("foregroundDeletion")
    ) {
      if (this.foreground.size === 0) this.store.watchPods(this);
      this.foreground.add(job);
      this.sim.schedule(0, this, job.pods.length > 0 ? Act.DeleteDependents : Act.FinishIfEmpty, job);
    }
  }

  onPod(type: WatchType, pod: PodRecord): void {
    const job = pod.owner;
    if (type === WatchType.Deleted && job !== null && this.foreground.has(job) && job.pods.length === 0) {
      this.sim.schedule(0, this, Act.FinishIfEmpty, job);
    }
  }

  handleEvent(arg: number, ref: unknown): void {
    const job = ref as JobRecord;
    if (arg === Act.FinishIfEmpty) {
      if (!job.removed && job.pods.length === 0) this.store.finishDeletion(job, "foregroundDeletion");
      return;
    }
    if (arg === Act.Orphan) {
      if (job.removed || !job.finalizers.includes("orphan")) return;
      for (const pod of [...job.pods]) this.store.orphanPod(pod);
      this.store.finishDeletion(job, "orphan");
      return;
    }
    for (const pod of [...job.pods]) {
      if (pod.deletionMs === -1) this.store.deletePod(pod, pod.spec.terminationGracePeriodSeconds ?? 30);
    }
  }

  /** Forgets deletions in progress (a new run). */
  clear(): void {
    if (this.foreground.size > 0) {
      this.foreground.clear();
      this.store.unwatchPods(this);
    }
  }
}
