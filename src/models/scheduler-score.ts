/**
 * The resource scores of the default scheduler profile
 * (pkg/scheduler/framework/plugins/noderesources), integers 0–100 (MaxNodeScore).
 */

import type { PodSpec } from "kubernetes-types/core/v1.js";
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

/** Pod requests: the sum over containers, or the largest init container if larger. */
export function podRequests(spec: PodSpec): Requests {
  if (spec === lastSpec) return lastRequests!;
  let r = requestCache.get(spec);
  if (r !== undefined) {
    lastSpec = spec;
    lastRequests = r;
    return r;
  }
  let cpu = 0;
  let mem = 0;
  let nzCpu = 0;
  let nzMem = 0;
  for (const c of spec.containers) {
    const req = c.resources?.requests ?? {};
    const ccpu = req.cpu !== undefined ? parseMilliCpu(req.cpu as string) : 0;
    const cmem = req.memory !== undefined ? parseQuantity(req.memory as string) : 0;
    cpu += ccpu;
    mem += cmem;
    nzCpu += req.cpu !== undefined ? ccpu : DEFAULT_MILLI_CPU_REQUEST;
    nzMem += req.memory !== undefined ? cmem : DEFAULT_MEMORY_REQUEST;
  }
  for (const c of spec.initContainers ?? []) {
    const req = c.resources?.requests ?? {};
    if (req.cpu !== undefined) cpu = Math.max(cpu, parseMilliCpu(req.cpu as string));
    if (req.memory !== undefined) mem = Math.max(mem, parseQuantity(req.memory as string));
  }
  r = { milliCpu: cpu, memory: mem, nonZeroMilliCpu: nzCpu, nonZeroMemory: nzMem };
  requestCache.set(spec, r);
  lastSpec = spec;
  lastRequests = r;
  return r;
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
