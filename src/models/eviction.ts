import { setDisruptionTarget } from "./disruption-target.js";
import { DisruptionBy, type PodRecord } from "./objects.js";
import type { Store } from "./store.js";

/**
 * The eviction subresource, POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go
 * EvictionREST.Create), as it answers on a cluster without PodDisruptionBudgets — jobsim has
 * none, so every eviction is allowed: a pod that canIgnorePDB (Pending, Succeeded, Failed or
 * already being deleted) goes straight to addConditionAndDeletePod; any other pod finds no PDB
 * matching it, which allows the eviction too. No event is recorded for it (the API server
 * records none; `Evicted` is the kubelet's node-pressure reason).
 */

/** The DisruptionTarget reason and message the eviction API writes (eviction.go
 * addConditionAndDeletePod's conditionAppender; PodDisruptionConditions, GA and locked on since
 * 1.31, so every version jobsim models writes it). */
export const EVICTION_BY_EVICTION_API = "EvictionByEvictionAPI";
export const EVICTION_MESSAGE = "Eviction API: evicting";

/**
 * addConditionAndDeletePod: first an update through the pod status store (storage.go NewStorage
 * hands the eviction REST the status store, so the condition survives) appending
 * DisruptionTarget=True with podutil.UpdatePodCondition — a condition already True keeps its
 * lastTransitionTime and takes the new reason, one already the eviction's changes nothing and
 * is not written — then the DELETE with the eviction's DeleteOptions: `graceSeconds` when
 * kubectl sent one (drain's --grace-period ≥ 0), else the pod's terminationGracePeriodSeconds.
 * The DELETE itself is the ordinary one (Store.deletePod: grace 0 for an unbound or terminal
 * pod, a second DELETE only shortens).
 */
export function evictPod(
  store: Store,
  nowMs: number,
  pod: PodRecord,
  graceSeconds: number | undefined,
): void {
  setDisruptionTarget(store, nowMs, pod, DisruptionBy.EvictionApi);
  store.deletePod(pod, graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
}
