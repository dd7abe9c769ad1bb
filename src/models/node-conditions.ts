import type { NodeCondition } from "kubernetes-types/core/v1.js";
import { lastKubeletTickMs } from "./node-lease.js";
import { NODE_STATUS_UNKNOWN_MESSAGE, NODE_STATUS_UNKNOWN_REASON } from "./node-lifecycle.js";
import type { NodeRecord } from "./node-record.js";

/**
 * The conditions the kubelet reports on its Node (pkg/kubelet/nodestatus/setters.go
 * MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition, ReadyCondition, in the
 * order defaultNodeStatusFuncs appends them), for a node under no pressure and ready.
 *
 * lastHeartbeatTime is the kubelet's last status report. It checks every
 * nodeStatusUpdateFrequency (10 s) but, its status unchanged, reports only once
 * nodeStatusReportFrequency (5 m) has passed since the last report (kubelet_node_status.go
 * tryUpdateNodeStatus, with the node lease on), so the reports fall on a 5-minute grid from
 * the node's start. lastTransitionTime is the node's start.
 *
 * A node whose kubelet stopped (`docker stop`, node-lifecycle.ts) reports no more: its heartbeat
 * stays at the last report, and once the node lifecycle controller finds it silent
 * (tryUpdateNodeHealth) every one of the four conditions reads Unknown, NodeStatusUnknown,
 * "Kubelet stopped posting node status.", its lastTransitionTime that pass's time.
 *
 * Simplified: a change in the reported status (an image pulled: status.images) makes the
 * kubelet report at its next 10 s check upstream, which moves the grid; jobsim keeps the
 * 5-minute grid. The Ready condition turns True a few seconds after a real node starts (the
 * CNI comes up); jobsim's nodes start ready.
 */
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;

const KUBELET_CONDITIONS: readonly [type: string, status: string, reason: string, message: string][] = [
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
];

/** The kubelet's last status report at or before `nowMs` (simulated ms), none after it stopped. */
export function lastNodeStatusReportMs(node: NodeRecord, nowMs: number): number {
  return lastKubeletTickMs(node, nowMs, NODE_STATUS_REPORT_FREQUENCY_MS);
}

/** status.conditions of a node at `nowMs`; `time` renders a simulated instant as the API does. */
export function nodeConditions(
  node: NodeRecord,
  nowMs: number,
  time: (ms: number) => string,
): NodeCondition[] {
  const heartbeat = time(lastNodeStatusReportMs(node, nowMs));
  const unknown = node.readyUnknownMs >= 0;
  const since = time(unknown ? node.readyUnknownMs : node.creationMs);
  return KUBELET_CONDITIONS.map(([type, status, reason, message]) => ({
    type,
    status: unknown ? "Unknown" : status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: since,
    reason: unknown ? NODE_STATUS_UNKNOWN_REASON : reason,
    message: unknown ? NODE_STATUS_UNKNOWN_MESSAGE : message,
  }));
}
