/**
 * The resource scores of the default scheduler profile
 * (pkg/scheduler/framework/plugins/noderesources), integers 0–100 (MaxNodeScore).
 */

import type { Container, PodSpec, ResourceRequirements } from "kubernetes-types/core/v1.js";
import { parseMilliCpu, parseQuantity } from "./api/quantity.js";

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what a pod without requests counts as, for scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Requests {
  milliCpu: number;
  memory: number;
  nonZeroMilliCpu: number;
  nonZeroMemory: number;
}

const requestCache = new WeakMap<PodSpec, Requests>();
// The last spec asked about: consecutive pods nearly always share their Job's template, and a
// pointer comparison is cheaper than the WeakMap's hash lookup (same answer either way).
let lastSpec: PodSpec | null = null;
let lastRequests: Requests | null = null;

/** One container's requests, as written and with the non-zero defaults for what is missing. */
function containerRequests(c: Container): Requests {
  const req = c.resources?.requests ?? {};
  const cpu = req.cpu !== undefined ? parseMilliCpu(req.cpu as string) : 0;
  const memory = req.memory !== undefined ? parseQuantity(req.memory as string) : 0;
  return {
    milliCpu: cpu,
    memory,
    nonZeroMilliCpu: req.cpu !== undefined ? cpu : DEFAULT_MILLI_CPU_REQUEST,
    nonZeroMemory: req.memory !== undefined ? memory : DEFAULT_MEMORY_REQUEST,
  };
}

const FIELDS = ["milliCpu", "memory", "nonZeroMilliCpu", "nonZeroMemory"] as const;

/**
 * Pod requests as component-helpers resource.PodRequests aggregates them
 * (AggregateContainerRequests): the containers summed; a sidecar (an init container with
 * restartPolicy Always) adds to that sum and stays counted under every later init container;
 * then the largest init container (with the sidecars before it) if larger. The non-zero fields
 * apply the scheduler's defaults to each container, init ones included (NonMissingContainerRequests).
 */
export function podRequests(spec: PodSpec): Requests {
  if (spec === lastSpec) return lastRequests!;
  let r = requestCache.get(spec);
  if (r !== undefined) {
    lastSpec = spec;
    lastRequests = r;
    return r;
  }
  r = withPodLevelRequests(spec, aggregateContainerRequests(spec));
  requestCache.set(spec, r);
  lastSpec = spec;
  lastRequests = r;
  return r;
}

/** The containers' part of podRequests (AggregateContainerRequests), pod-level resources aside. */
export function aggregateContainerRequests(spec: PodSpec): Requests {
  const sum: Requests = { milliCpu: 0, memory: 0, nonZeroMilliCpu: 0, nonZeroMemory: 0 };
  for (const c of spec.containers) {
    const one = containerRequests(c);
    for (const f of FIELDS) sum[f] += one[f];
  }
  const sidecars: Requests = { milliCpu: 0, memory: 0, nonZeroMilliCpu: 0, nonZeroMemory: 0 };
  const initMax: Requests = { milliCpu: 0, memory: 0, nonZeroMilliCpu: 0, nonZeroMemory: 0 };
  for (const c of spec.initContainers ?? []) {
    const one = containerRequests(c);
    const sidecar = c.restartPolicy === "Always";
    for (const f of FIELDS) {
      if (sidecar) {
        sum[f] += one[f];
        sidecars[f] += one[f];
      }
      initMax[f] = Math.max(initMax[f], sidecar ? sidecars[f] : one[f] + sidecars[f]);
    }
  }
  for (const f of FIELDS) sum[f] = Math.max(sum[f], initMax[f]);
  return sum;
}

/**
 * Pod-level resources (PodLevelResources; dropped at apply where the gate is off): PodRequests
 * replaces the containers' total with a pod-level request (applyPodLevelResources), non-zero
 * included (NodeInfo calculateResource applies the 100m/200Mi defaults only to a resource the
 * pod level does not set). A pod-level limit with no request counts as the request, as the API
 * server's defaultPodRequests makes it since 1.33 (kubernetes/kubernetes #130577: the containers'
 * total defaults only hugepages; the field is dropped before 1.34, where the gate is off).
 */
function withPodLevelRequests(spec: PodSpec, containers: Requests): Requests {
  const pod = (spec as PodSpec & { resources?: ResourceRequirements | null }).resources;
  if (pod === undefined || pod === null) return containers;
  const requested = (c: Container, name: string) => c.resources?.requests?.[name] !== undefined;
  const all = [...spec.containers, ...(spec.initContainers ?? [])];
  const podLevel = (name: string): string | undefined => {
    const value = pod.requests?.[name] ?? pod.limits?.[name];
    return value === undefined ? undefined : String(value);
  };
  const cpu = podLevel("cpu");
  const memory = podLevel("memory");
  if (cpu === undefined && memory === undefined) return containers;
  const out = { ...containers };
  // getNonMissingContainerRequests: with pod-level requests, a resource some container requests
  // counts as written, without the defaults for the containers that do not.
  if (cpu !== undefined) out.milliCpu = out.nonZeroMilliCpu = parseMilliCpu(cpu);
  else if (all.some((c) => requested(c, "cpu"))) out.nonZeroMilliCpu = out.milliCpu;
  if (memory !== undefined) out.memory = out.nonZeroMemory = parseQuantity(memory);
  else if (all.some((c) => requested(c, "memory"))) out.nonZeroMemory = out.memory;
  return out;
}

/** MaxNodeScore (framework/interface.go). */
const MAX_NODE_SCORE = 100;

/**
 * leastRequestedScore (least_allocated.go): ((capacity − requested) · 100) / capacity in integer
 * arithmetic, 0 when requested exceeds capacity or capacity is 0.
 */
function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * NodeResourcesFit's LeastAllocated (leastResourceScorer, cpu and memory with weight 1 each):
 * each resource's score is truncated first, then their weighted sum divided (integer division)
 * by the weights' sum. `cpu` and `memory` are what the node holds with the pod, counted with
 * the non-zero defaults (useRequested false).
 */
export function leastAllocatedScore(
  cpu: number,
  allocatableCpu: number,
  memory: number,
  allocatableMemory: number,
): number {
  let sum = 0;
  let weights = 0;
  if (allocatableCpu !== 0) {
    sum += leastRequested(cpu, allocatableCpu);
    weights++;
  }
  if (allocatableMemory !== 0) {
    sum += leastRequested(memory, allocatableMemory);
    weights++;
  }
  return weights === 0 ? 0 : Math.floor(sum / weights);
}

/**
 * NodeResourcesBalancedAllocation (balanced_allocation.go): (1 − std) · 100 truncated, std of
 * the requested fractions (each at most 1) — for two resources |f_cpu − f_mem| / 2. It counts
 * requests as written (useRequested: true, no non-zero defaults), the node's and the pod's.
 * A pod that requests neither (best effort) skips the plugin in PreScore (0 on every node).
 */
export function balancedAllocationScore(
  podCpu: number,
  podMemory: number,
  cpu: number,
  allocatableCpu: number,
  memory: number,
  allocatableMemory: number,
): number {
  if (podCpu === 0 && podMemory === 0) return 0;
  if (allocatableCpu === 0 || allocatableMemory === 0) return MAX_NODE_SCORE;
  const fc = Math.min(1, cpu / allocatableCpu);
  const fm = Math.min(1, memory / allocatableMemory);
  return Math.trunc((1 - Math.abs((fc - fm) / 2)) * MAX_NODE_SCORE);
}
