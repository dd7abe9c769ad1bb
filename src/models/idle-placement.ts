import type { PodSpec } from "kubernetes-types/core/v1.js";
import { IMAGE_MAX_THRESHOLD, IMAGE_MIN_THRESHOLD } from "./image-locality.js";
import {
  matchesNodeAffinity,
  NODE_AFFINITY_SCORE_WEIGHT,
  normalizedAffinityScore,
  preferredAffinityWeight,
} from "./node-affinity.js";
import { requestedScalarResources } from "./scalar-resources.js";
import { balancedAllocationScore, leastAllocatedScore, podRequests } from "./scheduler-score.js";

/**
 * The node an idle cluster's scheduler always picks for this pod (its score strictly highest),
 * or null when several tie (the choice is then random) — the same scores as Scheduler.score.
 */
export function preferredNode<
  N extends {
    milliCpu: number;
    memory: number;
    systemMilliCpu: number;
    systemMemory: number;
    images: readonly string[];
    name: string;
    labels: Readonly<Record<string, string>>;
  },
>(nodes: readonly N[], spec: PodSpec, images: { imageSize(image: string): number }): N | null {
  const req = podRequests(spec);
  // A scalar resource (nvidia.com/gpu, hugepages) fits no simulated node (scalar-resources.ts).
  const asksScalar = requestedScalarResources(spec).length > 0;
  const fits = (n: N) =>
    !asksScalar &&
    req.milliCpu + n.systemMilliCpu <= n.milliCpu &&
    req.memory + n.systemMemory <= n.memory &&
    matchesNodeAffinity(spec, n);
  let maxPreferred = 0;
  for (const n of nodes) if (fits(n)) maxPreferred = Math.max(maxPreferred, preferredAffinityWeight(spec, n));
  let best: N | null = null;
  let bestScore = -1;
  let tie = false;
  for (const n of nodes) {
    if (!fits(n)) continue;
    let score =
      leastAllocatedScore(
        n.systemMilliCpu + req.nonZeroMilliCpu,
        n.milliCpu,
        n.systemMemory + req.nonZeroMemory,
        n.memory,
      ) +
      balancedAllocationScore(
        req.milliCpu,
        req.memory,
        n.systemMilliCpu + req.milliCpu,
        n.milliCpu,
        n.systemMemory + req.memory,
        n.memory,
      );
    score +=
      NODE_AFFINITY_SCORE_WEIGHT * normalizedAffinityScore(preferredAffinityWeight(spec, n), maxPreferred);
    // ImageLocality counts init containers as regular ones (Scheduler.imageLocality).
    const containers = [...(spec.initContainers ?? []), ...spec.containers];
    let sum = 0;
    for (const c of containers) {
      const image = c.image ?? "";
      if (!n.images.includes(image)) continue;
      sum += images.imageSize(image) * (nodes.filter((m) => m.images.includes(image)).length / nodes.length);
    }
    const max = IMAGE_MAX_THRESHOLD * containers.length;
    score += Math.trunc(
      (100 * (Math.min(Math.max(sum, IMAGE_MIN_THRESHOLD), max) - IMAGE_MIN_THRESHOLD)) /
        (max - IMAGE_MIN_THRESHOLD),
    );
    if (score > bestScore) {
      best = n;
      bestScore = score;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  return tie ? null : best;
}
