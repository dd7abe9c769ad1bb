import type { ContainerStatus, NodeRecord, PodRecord } from "./objects.js";

/**
 * The ImageLocality score plugin (pkg/scheduler/framework/plugins/imagelocality
 * image_locality.go): a node scores by the size of the pod's images it already has, each scaled
 * by the share of nodes that have it (against "node heating"), clamped between 23 MB and 1000 MB
 * per container, then mapped to 0–100. Init containers (sidecars too) count as the regular ones,
 * in the sum and in the threshold (sumImageScores and Score, kubernetes/kubernetes #115587).
 */

/** minThreshold and maxContainerThreshold (image_locality.go). */
export const IMAGE_MIN_THRESHOLD = 23 * 1024 * 1024;
export const IMAGE_MAX_THRESHOLD = 1000 * 1024 * 1024;

export function imageLocalityScore(pod: PodRecord, node: NodeRecord, nodes: readonly NodeRecord[]): number {
  let bytes = 0;
  for (const c of pod.initContainers) bytes += c.behaviour.spec.sizeBytes;
  for (const c of pod.containers) bytes += c.behaviour.spec.sizeBytes;
  if (bytes <= IMAGE_MIN_THRESHOLD) return 0; // cannot score above 0, whatever the spread
  const sum =
    spreadImageBytes(pod.initContainers, node, nodes) + spreadImageBytes(pod.containers, node, nodes);
  const max = IMAGE_MAX_THRESHOLD * (pod.initContainers.length + pod.containers.length);
  const clamped = Math.min(Math.max(sum, IMAGE_MIN_THRESHOLD), max);
  return Math.trunc((100 * (clamped - IMAGE_MIN_THRESHOLD)) / (max - IMAGE_MIN_THRESHOLD));
}

/** scaledImageScore summed over these containers whose image the node has. */
function spreadImageBytes(
  containers: readonly ContainerStatus[],
  node: NodeRecord,
  nodes: readonly NodeRecord[],
): number {
  let sum = 0;
  for (const c of containers) {
    if (!node.images.has(c.image)) continue;
    let withImage = 0;
    for (const n of nodes) if (n.images.has(c.image)) withImage++;
    sum += c.behaviour.spec.sizeBytes * (withImage / nodes.length);
  }
  return sum;
}
