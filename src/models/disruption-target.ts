import { apiTime, type DisruptionBy, NONE, type PodRecord } from "./objects.js";
import type { Store } from "./store.js";

/**
 * The DisruptionTarget=True condition a controller writes on a pod just before it deletes it —
 * the scheduler on a preemption victim (preemptor.ts), the eviction API (eviction.ts), the taint
 * eviction controller (taint-eviction.ts) — each through podutil.UpdatePodCondition
 * (pkg/api/v1/pod/util.go) and a status write: a new condition takes the write's time as
 * lastTransitionTime and the pod's generation (before the DELETE bumps it) as
 * observedGeneration; one already True keeps its time and generation and takes the writer's
 * reason and message; one already the writer's changes nothing, and no write is made.
 */
export function setDisruptionTarget(store: Store, nowMs: number, pod: PodRecord, by: DisruptionBy): void {
  if (pod.disruptionMs === NONE) {
    pod.disruptionMs = apiTime(nowMs);
    pod.disruptionGeneration = pod.generation;
  } else if (pod.disruptionBy === by) return;
  pod.disruptionBy = by;
  store.updatePod(pod);
}
