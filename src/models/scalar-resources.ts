import type { Container, PodSpec } from "kubernetes-types/core/v1.js";
import { parseQuantity } from "./api/quantity.js";

/**
 * The scalar resources a pod requests (extended resources such as `nvidia.com/gpu`, hugepages,
 * `kubernetes.io/`-prefixed ones: pkg/apis/core/v1/helper IsScalarResourceName). A simulated k3d
 * node has none allocatable (no device plugin, no hugepages), so NodeResourcesFit finds every
 * positive one short on every node: "Insufficient <name>" (fit.go fitsRequest, which skips a
 * request of 0).
 */

const cache = new WeakMap<PodSpec, readonly string[]>();

function isScalarResourceName(name: string): boolean {
  // Native resources have no slash (cpu, memory, ephemeral-storage, pods) unless kubernetes.io/
  // prefixed; hugepages-* are scalar though unprefixed.
  return name.includes("/") || name.startsWith("hugepages-");
}

function requested(c: Container, into: Set<string>): void {
  const req = (c.resources?.requests ?? {}) as Record<string, string | number>;
  for (const name in req) if (isScalarResourceName(name) && parseQuantity(req[name]) > 0) into.add(name);
}

/** The scalar resources the pod asks a positive amount of (any container, init ones included). */
export function requestedScalarResources(spec: PodSpec): readonly string[] {
  let names = cache.get(spec);
  if (names !== undefined) return names;
  const found = new Set<string>();
  for (const c of spec.containers) requested(c, found);
  for (const c of spec.initContainers ?? []) requested(c, found);
  names = [...found];
  cache.set(spec, names);
  return names;
}
