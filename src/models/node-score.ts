import { imageLocalityScore } from "./image-locality.js";
import { preferredAffinityWeight } from "./node-affinity.js";
import { refusedByNodeState } from "./node-filters.js";
import { fitsWithNominated, type Reserved } from "./nominated-pods.js";
import type { NodeRecord, PodRecord } from "./objects.js";
import { balancedAllocationScore, leastAllocatedScore, type Requests } from "./scheduler-score.js";

/** A feasible node's score for the pod: LeastAllocated + BalancedAllocation + ImageLocality, each
 * an integer 0–100 (scheduler-score.ts, image-locality.ts); node affinity's is added apart. */
export function nodeScore(
  pod: PodRecord,
  node: NodeRecord,
  req: Requests,
  nodes: readonly NodeRecord[],
): number {
  const least = leastAllocatedScore(
    node.systemMilliCpu + node.nonZeroMilliCpu + req.nonZeroMilliCpu,
    node.allocatableMilliCpu,
    node.systemMemory + node.nonZeroMemory + req.nonZeroMemory,
    node.allocatableMemory,
  );
  const balanced = balancedAllocationScore(
    req.milliCpu,
    req.memory,
    node.systemMilliCpu + node.requestedMilliCpu + req.milliCpu,
    node.allocatableMilliCpu,
    node.systemMemory + node.requestedMemory + req.memory,
    node.allocatableMemory,
  );
  return least + balanced + imageLocalityScore(pod, node, nodes);
}

/** The highest preferred-affinity weight among the nodes the pod fits: NodeAffinity's
 * NormalizeScore divides by it, so it is known before any node is scored. */
export function maxPreferredWeight(
  pod: PodRecord,
  req: Requests,
  nodes: readonly NodeRecord[],
  reserved: Map<NodeRecord, Reserved> | null,
): number {
  let max = 0;
  for (const node of nodes) {
    if (refusedByNodeState(pod.spec, node) || !fitsWithNominated(pod, node, req, reserved?.get(node)))
      continue;
    max = Math.max(max, preferredAffinityWeight(pod.spec, node));
  }
  return max;
}
