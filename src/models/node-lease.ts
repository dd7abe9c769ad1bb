import type { NodeRecord } from "./node-record.js";

/**
 * The kubelet's node Lease in kube-node-lease (component-helpers apimachinery/lease
 * controller.go, as pkg/kubelet starts it): held by the node's name, renewed every
 * leaseDuration × NodeLeaseRenewIntervalFraction = 40 s × 0.25 = 10 s
 * (kubelet nodeLeaseDurationSeconds 40; NodeLeaseRenewIntervalFraction 0.25), its renewTime
 * set at each renewal. The lease controller creates the Lease with a holder and a renewTime but
 * no acquireTime (newLease), so `describe node` prints `AcquireTime: <unset>`.
 *
 * Simplified: the renewals fall on whole 10 s steps from the node's creation (upstream jitters
 * each wait by up to 4 %: wait.JitterUntil with factor 0.04, and starts when the kubelet does).
 */
export const NODE_LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_RENEW_INTERVAL_MS = 10_000;

/**
 * The last tick at or before `nowMs` (simulated ms) of a kubelet loop that runs every `periodMs`
 * from the node's creation — its Lease renewals here, its status reports (node-conditions.ts) —
 * with no tick after the kubelet stopped (`docker stop`, node-lifecycle.ts).
 */
export function lastKubeletTickMs(node: NodeRecord, nowMs: number, periodMs: number): number {
  const until = node.kubeletStoppedMs >= 0 ? Math.min(nowMs, node.kubeletStoppedMs) : nowMs;
  const since = Math.max(0, until - node.creationMs);
  return node.creationMs + Math.floor(since / periodMs) * periodMs;
}

/** The lease's last renewal at or before `nowMs`. */
export function nodeLeaseRenewMs(node: NodeRecord, nowMs: number): number {
  return lastKubeletTickMs(node, nowMs, NODE_LEASE_RENEW_INTERVAL_MS);
}
