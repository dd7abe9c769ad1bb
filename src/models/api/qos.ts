import type { PodSpec, ResourceRequirements } from "kubernetes-types/core/v1.js";
import { parseQuantity } from "./quantity.js";

/** The resources the QoS class looks at (qos.go supportedQoSComputeResources). */
const QOS_RESOURCES = ["cpu", "memory"] as const;

/**
 * The pod's QoS class as pkg/apis/core/v1/helper/qos GetPodQOS computes it: over containers and
 * init containers, only cpu and memory, only quantities above zero, summed per resource; BestEffort
 * when nothing is left; Guaranteed when every container has both limits and the summed requests
 * equal the summed limits; Burstable otherwise. Unset requests count as the limits, as the API
 * server's defaulting (SetDefaults_Pod) has made them on a stored pod.
 */
export function computePodQOS(spec: PodSpec | undefined): string {
  const podLevel = (spec as (PodSpec & { resources?: ResourceRequirements | null }) | undefined)?.resources;
  // ComputePodQOS: "When pod-level resources are specified, we use them" (PodLevelResources;
  // the field is dropped at apply where the gate is off). A pod-level request left unset is the
  // pod-level limit, as defaultPodRequests makes it since 1.33 (kubernetes/kubernetes #130577:
  // the containers' total defaults only hugepages) — the merge below does that.
  const sets =
    spec !== undefined && podLevel !== undefined && podLevel !== null
      ? [{ resources: podLevel }]
      : [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of sets) {
    const lim = (c.resources?.limits ?? {}) as Record<string, string | number>;
    const req = { ...lim, ...((c.resources?.requests ?? {}) as Record<string, string | number>) };
    for (const r of QOS_RESOURCES) {
      const rq = req[r] === undefined ? 0 : parseQuantity(req[r]);
      if (rq > 0) requests.set(r, (requests.get(r) ?? 0) + rq);
      const lm = lim[r] === undefined ? 0 : parseQuantity(lim[r]);
      if (lm > 0) limits.set(r, (limits.get(r) ?? 0) + lm);
      else guaranteed = false; // qosLimitsFound lacks this resource
    }
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}
