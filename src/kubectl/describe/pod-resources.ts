/**
 * A pod's total requests and limits as `kubectl describe node` adds them up: component-helpers
 * `resource.PodRequests` / `resource.PodLimits` (staging/src/k8s.io/component-helpers/resource/
 * helpers.go: AggregateContainerRequests / AggregateContainerLimits, addResourceList,
 * maxResourceList, the pod-level override), on the pod object as the API serves it.
 *
 * - The regular containers are summed; a sidecar (an init container with restartPolicy Always)
 *   adds to that sum and stays counted under every later init container; each other init
 *   container counts with the sidecars before it; the largest of those, resource by resource,
 *   wins over the sum when larger (maxResourceList keeps the first on a tie).
 * - Pod-level requests or limits (`spec.resources`, PodLevelResources) replace the containers'
 *   total for cpu and memory (IsSupportedPodLevelResource).
 * - `spec.overhead` is added to every request, and to the limits already set (PodLimits adds
 *   overhead only to a non-zero limit).
 * Quantities keep Go's arithmetic (ExactQuantity: exact sums, the format of the first non-zero
 * term), so the text is what `Quantity.String()` prints.
 */
import type { Container, Pod, ResourceRequirements } from "kubernetes-types/core/v1.js";
import { ExactQuantity } from "../../models/api/quantity-string.js";

export type ResourceTotals = Map<string, ExactQuantity>;

type Kind = "requests" | "limits";

/** addResourceList: each quantity added to the list's (a copy where the list has none). */
function addResourceList(list: ResourceTotals, add: ResourceTotals): void {
  for (const [name, q] of add) {
    const have = list.get(name);
    if (have === undefined) list.set(name, q.copy());
    else have.add(q);
  }
}

/** maxResourceList: each quantity kept where it is larger than the list's (or the list has none). */
function maxResourceList(list: ResourceTotals, other: ResourceTotals): void {
  for (const [name, q] of other) {
    const have = list.get(name);
    if (have !== undefined && q.cmp(have) <= 0) continue;
    list.set(name, q.copy());
  }
}

function listOf(values: Record<string, unknown> | null | undefined): ResourceTotals {
  const list: ResourceTotals = new Map();
  for (const [name, v] of Object.entries(values ?? {}))
    if (typeof v === "string" || typeof v === "number") list.set(name, ExactQuantity.of(v));
  return list;
}

function containerList(c: Container, kind: Kind): ResourceTotals {
  return listOf(c.resources?.[kind] as Record<string, unknown> | undefined);
}

/** The containers' part: AggregateContainerRequests / AggregateContainerLimits. */
function aggregate(pod: Pod, kind: Kind): ResourceTotals {
  const spec = pod.spec;
  const total: ResourceTotals = new Map();
  for (const c of spec?.containers ?? []) addResourceList(total, containerList(c, kind));
  const sidecars: ResourceTotals = new Map();
  const initMax: ResourceTotals = new Map();
  for (const c of spec?.initContainers ?? []) {
    const own = containerList(c, kind);
    let counted: ResourceTotals;
    if (c.restartPolicy === "Always") {
      addResourceList(total, own);
      addResourceList(sidecars, own);
      counted = sidecars;
    } else {
      counted = new Map();
      addResourceList(counted, own);
      addResourceList(counted, sidecars);
    }
    maxResourceList(initMax, counted);
  }
  maxResourceList(total, initMax);
  return total;
}

/** Pod-level resources replace the containers' total for these (IsSupportedPodLevelResource). */
const POD_LEVEL_RESOURCES = new Set(["cpu", "memory"]);

/** PodRequests or PodLimits of a pod, resource by resource. */
export function podResourceTotals(pod: Pod, kind: Kind): ResourceTotals {
  const total = aggregate(pod, kind);
  const podLevel = (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources?.[kind];
  for (const [name, q] of listOf(podLevel as Record<string, unknown> | undefined))
    if (POD_LEVEL_RESOURCES.has(name)) total.set(name, q);
  const overhead = listOf(pod.spec?.overhead as Record<string, unknown> | undefined);
  if (kind === "requests") addResourceList(total, overhead);
  else for (const [name, q] of overhead) total.get(name)?.add(q);
  return total;
}

/** A resource of a total, Go's zero Quantity when it has none. */
export function totalOf(totals: ResourceTotals, name: string): ExactQuantity {
  return totals.get(name) ?? ExactQuantity.zero();
}
