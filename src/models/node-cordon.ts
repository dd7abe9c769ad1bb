import type { PodSpec } from "kubernetes-types/core/v1.js";
import type { NodeRecord } from "./node-record.js";
import type { Store } from "./store.js";
import { podToleratesTaint, UNSCHEDULABLE_TAINT_KEY } from "./taints.js";

/**
 * A node's spec.unschedulable and what follows from it: the taint the node lifecycle controller
 * keeps in step with it, and the scheduler's NodeUnschedulable filter.
 */

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

/** Whether the pod tolerates the unschedulable:NoSchedule taint (taints.ts). */
export function toleratesUnschedulable(spec: PodSpec): boolean {
  return podToleratesTaint(spec, UNSCHEDULABLE_TAINT_KEY, "NoSchedule");
}
