import type { PodSpec } from "kubernetes-types/core/v1.js";
import { refusedAsUnschedulable } from "./node-cordon.js";
import type { NodeRecord } from "./node-record.js";
import { refusedByUnreachableTaint } from "./taint-eviction.js";

/**
 * The Filter plugins that refuse a node for its own state, whatever the pod requests:
 * NodeUnschedulable (a cordon: node-cordon.ts) and TaintToleration (the unreachable taints of a
 * stopped node: taint-eviction.ts). Both answer UnschedulableAndUnresolvable, so no preemption
 * helps there (nodesWherePreemptionMightHelp). For the evaluated nominated node, preemption's
 * candidates and preferred affinity's feasible nodes; scheduleOne runs the two apart, as it
 * counts each one's refusals.
 */
export function refusedByNodeState(spec: PodSpec, node: NodeRecord): boolean {
  return refusedAsUnschedulable(spec, node) || refusedByUnreachableTaint(spec, node);
}
