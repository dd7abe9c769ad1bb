import type { PodSpec, Toleration } from "kubernetes-types/core/v1.js";

/**
 * The taints jobsim's controllers put on nodes and how a toleration matches one — one place for
 * the cordon's NodeUnschedulable filter (node-cordon.ts), the unreachable taints' TaintToleration
 * filter and taint eviction (taint-eviction.ts), and the node's spec.taints (node-status.ts).
 */

/** v1.TaintNodeUnschedulable, v1.TaintNodeUnreachable, v1.TaintNodeNotReady
 * (staging/src/k8s.io/api/core/v1/well_known_taints.go). */
export const UNSCHEDULABLE_TAINT_KEY = "node.kubernetes.io/unschedulable";
export const UNREACHABLE_TAINT_KEY = "node.kubernetes.io/unreachable";
export const NOT_READY_TAINT_KEY = "node.kubernetes.io/not-ready";

/**
 * Toleration.ToleratesTaint (staging/src/k8s.io/api/core/v1/toleration.go) for a taint with an
 * empty value, as all of these are: the effect empty or equal; the key empty (every key) or
 * equal; then the operator — Exists, or Equal (also the empty operator) with an empty value.
 * (Lt and Gt compare numbers, which an empty value is not: false. Validation refuses an empty
 * key without Exists, so that pairing never reaches here.)
 */
export function toleratesTaint(t: Toleration, key: string, effect: string): boolean {
  if ((t.effect ?? "") !== "" && t.effect !== effect) return false;
  if ((t.key ?? "") !== "" && t.key !== key) return false;
  const op = t.operator ?? "";
  return op === "Exists" || ((op === "" || op === "Equal") && (t.value ?? "") === "");
}

/** Whether any of the pod's own tolerations tolerates the taint (v1helper.TolerationsTolerateTaint). */
export function podToleratesTaint(spec: PodSpec, key: string, effect: string): boolean {
  const list = spec.tolerations;
  if (list === undefined) return false;
  for (const t of list) if (toleratesTaint(t, key, effect)) return true;
  return false;
}
