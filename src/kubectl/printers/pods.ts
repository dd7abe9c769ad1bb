/**
 * `kubectl get pods` rows as the API server's printer computes them.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes `pkg/printers/internalversion/printers.go`
 * (`podColumnDefinitions`, `printPod`, `hasPodReadyCondition`, `isPodInitializedConditionTrue`), stored index
 * version ≈ v1.33 (find_string id 59882936), with `podutil.IsRestartableInitContainer` (restartPolicy Always),
 * `podutilv1.IsPodPhaseTerminal` (Succeeded/Failed) and `node.NodeUnreachablePodReason` ("NodeLost").
 */
import type { Container, ContainerStatus, Pod, PodCondition } from "kubernetes-types/core/v1.js";
import { humanDuration } from "../durations.js";
import { apiTime, since } from "./format.js";
import type { Column, Row, Table } from "./table.js";

export const POD_COLUMNS: readonly Column[] = Object.freeze([
  { name: "Name", priority: 0 },
  { name: "Ready", priority: 0 },
  { name: "Status", priority: 0 },
  { name: "Restarts", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "IP", priority: 1 },
  { name: "Node", priority: 1 },
  { name: "Nominated Node", priority: 1 },
  { name: "Readiness Gates", priority: 1 },
]);

function isRestartableInitContainer(c: Container | undefined): boolean {
  return c !== undefined && c.restartPolicy === "Always";
}

function hasPodReadyCondition(conditions: readonly PodCondition[]): boolean {
  return conditions.some((c) => c.type === "Ready" && c.status === "True");
}

/** The first Initialized condition decides. */
function isPodInitializedConditionTrue(conditions: readonly PodCondition[]): boolean {
  const c = conditions.find((x) => x.type === "Initialized");
  return c !== undefined && c.status === "True";
}

/** Go's `metav1.Time`: null for the zero time. */
function lastFinishedAt(s: ContainerStatus): number | null {
  return apiTime(s.lastState?.terminated?.finishedAt);
}

/** `lastRestartDate.Before(&t)` with the zero time as the earliest instant. */
function later(current: number | null, t: number | null): number | null {
  if (t === null) return current;
  return current === null || current < t ? t : current;
}

export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS as printPod computes them (see reference §4). */
export function podCells(pod: Pod, nowWallMs: number): PodCells {
  const spec = pod.spec;
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  let restarts = 0;
  let restartableInitRestarts = 0;
  let totalContainers = spec?.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestartDate: number | null = null;
  let lastRestartableInitRestartDate: number | null = null;

  const podPhase = status.phase ?? "";
  let reason = status.reason ? status.reason : podPhase;

  for (const c of conditions) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec?.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  const numInit = spec?.initContainers?.length ?? 0;
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    lastRestartDate = later(lastRestartDate, lastFinishedAt(c));
    const restartable = isRestartableInitContainer(initContainers.get(c.name));
    if (restartable) {
      restartableInitRestarts += c.restartCount ?? 0;
      lastRestartableInitRestartDate = later(lastRestartableInitRestartDate, lastFinishedAt(c));
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (restartable && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal
          ? `Init:Signal:${terminated.signal}`
          : `Init:ExitCode:${terminated.exitCode ?? 0}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${numInit}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(conditions)) {
    restarts = restartableInitRestarts;
    lastRestartDate = lastRestartableInitRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestartDate = later(lastRestartDate, lastFinishedAt(c));
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) {
        reason = waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode ?? 0}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // a container still running turns "Completed" back into Running / NotReady
    if (reason === "Completed" && hasRunning) {
      reason = hasPodReadyCondition(conditions) ? "Running" : "NotReady";
    }
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && status.reason === "NodeLost") {
    reason = "Unknown";
  } else if (deleting && podPhase !== "Succeeded" && podPhase !== "Failed") {
    reason = "Terminating";
  }

  let restartsStr = String(restarts);
  if (restarts !== 0 && lastRestartDate !== null) {
    restartsStr = `${restarts} (${humanDuration(nowWallMs - lastRestartDate)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsStr };
}

/** The wide cells: first pod IP, node, nominated node (each `<none>` when empty) and readiness gates. */
export function podWideCells(pod: Pod): string[] {
  const ip = pod.status?.podIPs?.[0]?.ip ?? "";
  const node = pod.spec?.nodeName ?? "";
  const nominated = pod.status?.nominatedNodeName ?? "";
  let gates = "<none>";
  const readinessGates = pod.spec?.readinessGates ?? [];
  if (readinessGates.length > 0) {
    let trueConditions = 0;
    for (const g of readinessGates) {
      const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType);
      if (c !== undefined && c.status === "True") trueConditions++;
    }
    gates = `${trueConditions}/${readinessGates.length}`;
  }
  return [ip || "<none>", node || "<none>", nominated || "<none>", gates];
}

/** The table `kubectl get pods` prints; the wide cells are always computed (kubectl hides priority-1 columns). */
export function podTable(pods: Pod[], nowWallMs: number): Table {
  const rows: Row[] = pods.map((pod) => {
    const name = pod.metadata?.name ?? "";
    const c = podCells(pod, nowWallMs);
    const cells = [
      name,
      c.ready,
      c.status,
      c.restarts,
      since(pod.metadata?.creationTimestamp, nowWallMs),
      ...podWideCells(pod),
    ];
    return {
      cells,
      name,
      namespace: pod.metadata?.namespace ?? "",
      labels: { ...(pod.metadata?.labels ?? {}) },
    };
  });
  return { kind: "Pod", group: "", columns: POD_COLUMNS.map((c) => ({ ...c })), rows };
}
