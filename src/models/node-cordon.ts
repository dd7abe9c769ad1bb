import type { PodSpec } from "kubernetes-types/core/v1.js";
import type { NodeRecord } from "./node-record.js";
import type { Store } from "./store.js";

/**
 * A node's spec.unschedulable and what follows from it: the taint the node lifecycle controller
 * keeps in step with it, and the scheduler's NodeUnschedulable filter.
 */

/** v1.TaintNodeUnschedulable (staging/src/k8s.io/api/core/v1/well_known_taints.go). */
export const UNSCHEDULABLE_TAINT_KEY = "node.kubernetes.io/unschedulable";

/** What the scheduler does when a node becomes schedulable again (Scheduler.nodeUncordoned). */
export interface NodeEventSink {
  nodeUncordoned(): void;
}

/**
 * kubectl's PATCH of spec.unschedulable (pkg/drain/cordon.go `PatchOrReplaceWithContext`), then
 * the node lifecycle controller's reaction to that node update
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go `doNoScheduleTaintingPass`: the
 * unschedulable:NoSchedule taint added or removed through `SwapNodeControllerTaint`, which
 * stamps timeAdded). Upstream the taint lags the PATCH by informer and work-queue latency
 * (milliseconds, no fixed period: docs/research/disruptions.md A.2); jobsim writes it in the
 * same simulated instant, as a second write. The scheduler reads the spec field, not the taint,
 * so that lag changes no placement.
 */
export function setNodeUnschedulable(
  store: Store,
  scheduler: NodeEventSink,
  nowMs: number,
  node: NodeRecord,
  value: boolean,
): void {
  node.unschedulable = value;
  store.updateNode(node);
  // NodeUnschedulable's queueing hint (node_unschedulable.go isSchedulableAfterNodeChange):
  // a node that stops being unschedulable is worth a retry for the pods that filter rejected.
  if (!value) scheduler.nodeUncordoned();
  node.unschedulableTaintMs = value ? nowMs : -1;
  store.updateNode(node);
}

/**
 * The NodeUnschedulable filter (pkg/scheduler/framework/plugins/nodeunschedulable
 * node_unschedulable.go `Filter`): an unschedulable node refuses a pod that does not tolerate
 * the unschedulable:NoSchedule taint (v1helper.TolerationsTolerateTaint). It reads
 * spec.unschedulable, not the taint.
 */
export function refusedAsUnschedulable(spec: PodSpec, node: NodeRecord): boolean {
  return node.unschedulable && !toleratesUnschedulable(spec);
}

/**
 * Toleration.ToleratesTaint (staging/src/k8s.io/api/core/v1/toleration.go) for the taint
 * `node.kubernetes.io/unschedulable` (no value) with effect NoSchedule: the effect empty or
 * NoSchedule; the key empty (with Exists: every key) or that key; Exists, or Equal (also the
 * empty operator) with an empty value.
 */
export function toleratesUnschedulable(spec: PodSpec): boolean {
  for (const t of spec.tolerations ?? []) {
    if (t.effect !== undefined && t.effect !== "" && t.effect !== "NoSchedule") continue;
    if (t.key !== undefined && t.key !== "" && t.key !== UNSCHEDULABLE_TAINT_KEY) continue;
    const op = t.operator ?? "";
    if (op === "Exists") return true;
    if ((op === "" || op === "Equal") && (t.value ?? "") === "") return true;
  }
  return false;
}
