import type { PodRecord } from "../objects.js";
import { restartSum } from "../pod-status.js";

/**
 * Which active pods to delete first when a Job has too many (pkg/controller/controller_utils.go
 * ActivePods.Less): unscheduled before scheduled; Pending before Unknown before Running;
 * not ready before ready; ready for less time before ready longer; more restarts before fewer;
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
  const ra = restartSum(a);
  const rb = restartSum(b);
  if (ra !== rb) return rb - ra;
  if (a.creationMs !== b.creationMs) return b.creationMs - a.creationMs;
  return a.seq - b.seq;
}

/** The first `count` pods to remove, in removal order. */
export function podsForRemoval(active: readonly PodRecord[], count: number): PodRecord[] {
  if (count <= 0) return [];
  return [...active].sort(compareForRemoval).slice(0, count);
}
