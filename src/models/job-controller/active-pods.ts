import type { PodRecord } from "../objects.js";

/**
 * Which active pods to delete first when a Job has too many (pkg/controller/controller_utils.go
 * ActivePods.Less): unscheduled before scheduled; Pending before Unknown before Running;
 * not ready before ready; ready for less time before ready longer; more restarts before fewer
 * (regular containers', then sidecars');
 * newer before older. Ties keep creation order (upstream's sort is not stable; a simulator
 * must be deterministic).
 */
const PHASE_RANK = [0, 2, 3, 3]; // Pending, Running, (terminal pods are never active)

export function compareForRemoval(a: PodRecord, b: PodRecord): number {
  const aScheduled = a.nodeName !== null ? 1 : 0;
  const bScheduled = b.nodeName !== null ? 1 : 0;
  if (aScheduled !== bScheduled) return aScheduled - bScheduled;
  if (a.phase !== b.phase) return PHASE_RANK[a.phase] - PHASE_RANK[b.phase];
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.ready && b.ready && a.readyMs !== b.readyMs) return b.readyMs - a.readyMs;
  const ra = maxRestarts(a);
  const rb = maxRestarts(b);
  if (ra !== rb) return rb - ra;
  // On a tie, the sidecars' highest restart count (compareMaxContainerRestarts, PR #124952).
  if (a.sidecarCount > 0 || b.sidecarCount > 0) {
    const sa = maxSidecarRestarts(a);
    const sb = maxSidecarRestarts(b);
    if (sa !== sb) return sb - sa;
  }
  if (a.creationMs !== b.creationMs) return b.creationMs - a.creationMs;
  return a.seq - b.seq;
}

/** The highest restart count of any regular container (maxContainerRestarts' first value). */
function maxRestarts(p: PodRecord): number {
  let m = 0;
  for (const c of p.containers) if (c.restartCount > m) m = c.restartCount;
  return m;
}

/** The highest restart count of a sidecar (maxContainerRestarts' second value; controller_utils.go
 * since kubernetes/kubernetes PR #124952, 1.31: a non-sidecar init container's never counts). */
function maxSidecarRestarts(p: PodRecord): number {
  let m = 0;
  for (const c of p.initContainers) if (c.sidecar && c.restartCount > m) m = c.restartCount;
  return m;
}

/** The first `count` pods to remove, in removal order. */
export function podsForRemoval(active: readonly PodRecord[], count: number): PodRecord[] {
  if (count <= 0) return [];
  return [...active].sort(compareForRemoval).slice(0, count);
}
