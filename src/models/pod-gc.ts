import type { EventHandler, Simulation } from "../engine/simulation.js";
import { isTerminal, NONE, PodPhase, type PodRecord } from "./objects.js";
import type { Store } from "./store.js";

/**
 * The pod garbage collector's gcUnscheduledTerminating (pkg/controller/podgc/gc_controller.go):
 * a pod deleted before it was bound to a node has no kubelet to end it, so a finalizer (the Job
 * controller's batch.kubernetes.io/job-tracking) would hold it Terminating for ever. Every
 * gcCheckPeriod (20 s; `wait.UntilWithContext` from the controller manager's start, taken as
 * the cluster's time 0) the collector lists the pods that have a deletionTimestamp and no
 * spec.nodeName and, in markFailedAndDeletePod, patches a non-terminal one's phase to Failed
 * (no condition: the DisruptionTarget condition is only for pods of nodes that are gone) and
 * DELETEs it with grace 0 — which changes nothing for such a pod, already deleted with grace 0
 * (pkg/registry/core/pod/strategy.go CheckGracefulDelete). Its Job then counts it failed and
 * takes the finalizer off, and the pod goes.
 *
 * Other PodGC duties have nothing to do here: nodes never go away or get the out-of-service
 * taint, and the terminated-pod threshold (12,500) is far beyond a scenario. The pass is
 * scheduled only while such a pod waits, so runs without one have no extra events.
 */

/** gcCheckPeriod (gc_controller.go). */
export const POD_GC_CHECK_PERIOD_MS = 20_000;

export class PodGarbageCollector implements EventHandler {
  /** Unbound pods given a deletionTimestamp, waiting for the next pass. */
  private readonly waiting: PodRecord[] = [];
  private passAt = NONE;

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
  ) {}

  /** A write to a pod that no node holds, with a deletionTimestamp. */
  unboundTerminating(pod: PodRecord): void {
    if (pod.removed || isTerminal(pod.phase) || this.waiting.includes(pod)) return;
    this.waiting.push(pod);
    if (this.passAt !== NONE) return;
    this.passAt = (Math.floor(this.sim.now / POD_GC_CHECK_PERIOD_MS) + 1) * POD_GC_CHECK_PERIOD_MS;
    this.sim.scheduleAt(this.passAt, this, 0, null);
  }

  handleEvent(): void {
    this.passAt = NONE;
    const pods = this.waiting.splice(0);
    for (const pod of pods) {
      if (pod.removed || pod.deletionMs === NONE || pod.nodeName !== null || isTerminal(pod.phase)) continue;
      pod.phase = PodPhase.Failed;
      pod.terminalMs = this.sim.now;
      this.store.updatePod(pod);
    }
  }

  /** A new run: nothing waits (the simulation's reset dropped the pending pass). */
  clear(): void {
    if (this.waiting.length > 0) this.waiting.length = 0;
    this.passAt = NONE;
  }
}
