import type { Taint } from "kubernetes-types/core/v1.js";
import type { NodeRecord } from "./objects.js";
import { UNREACHABLE_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY } from "./taints.js";

/**
 * A node's spec.taints as the API shows them, from the controllers' state (node-cordon.ts,
 * node-lifecycle.ts); its conditions are node-conditions.ts's.
 */

/**
 * spec.taints, in the order they were added: controller.AddOrUpdateTaintOnNode appends a new
 * taint after the node's others (taintutils.AddOrUpdateTaint), each with the timeAdded
 * SwapNodeControllerTaint stamped. No taint: no field.
 */
export function nodeTaints(node: NodeRecord, time: (ms: number) => string): { taints?: Taint[] } {
  const added: [ms: number, key: string, effect: string][] = [];
  if (node.unschedulableTaintMs >= 0)
    added.push([node.unschedulableTaintMs, UNSCHEDULABLE_TAINT_KEY, "NoSchedule"]);
  if (node.unreachableNoScheduleMs >= 0)
    added.push([node.unreachableNoScheduleMs, UNREACHABLE_TAINT_KEY, "NoSchedule"]);
  if (node.unreachableNoExecuteMs >= 0)
    added.push([node.unreachableNoExecuteMs, UNREACHABLE_TAINT_KEY, "NoExecute"]);
  if (added.length === 0) return {};
  added.sort((a, b) => a[0] - b[0]);
  return { taints: added.map(([ms, key, effect]) => ({ key, effect, timeAdded: time(ms) })) };
}
