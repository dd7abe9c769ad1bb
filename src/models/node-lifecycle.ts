import type { EventHandler, Simulation } from "../engine/simulation.js";
import { nodeRef, podRef } from "./event-refs.js";
import type { EventRecorder } from "./events.js";
import { nodeLeaseRenewMs } from "./node-lease.js";
import type { NodeRecord } from "./objects.js";
import type { Store } from "./store.js";

/**
 * The node lifecycle controller's side of a node whose kubelet stopped (`docker stop` of a k3d
 * node container): pkg/controller/nodelifecycle/node_lifecycle_controller.go.
 *
 *  - The kubelet renews its Lease every 10 s (pkg/kubelet/kubelet.go: renewInterval =
 *    nodeLeaseDurationSeconds 40 × nodeLeaseRenewIntervalFraction 0.25). `monitorNodeHealth`
 *    runs every node-monitor-period (5 s); `tryUpdateNodeHealth` moves the node's probeTimestamp
 *    to "now" whenever it sees a newer Lease renewTime, and once
 *    now > probeTimestamp + node-monitor-grace-period it writes Ready (and MemoryPressure,
 *    DiskPressure, PIDPressure) Unknown, reason NodeStatusUnknown, "Kubelet stopped posting node
 *    status." (UpdateStatus).
 *  - In that same pass the Ready→not-Ready transition records the node event NodeNotReady
 *    ("Node <name> status is now: NodeNotReady", controller util RecordNodeStatusChange) and
 *    runs MarkPodsNotReady (pkg/controller/util/node/controller_utils.go): every pod of the node
 *    whose Ready condition is True gets it False (status only: reason and message kept, which a
 *    ready pod has none of) and a Warning NodeNotReady "Node is not ready" event.
 *  - The status write reaches the node update queue, whose doNoScheduleTaintingPass maps the
 *    Ready=Unknown condition to `node.kubernetes.io/unreachable:NoSchedule`
 *    (SwapNodeControllerTaint stamps timeAdded): milliseconds later upstream, the same instant
 *    here, as a second write (the same choice as the cordon taint, node-cordon.ts).
 *  - processTaintBaseEviction is given the Ready condition as the pass *observed* it before its
 *    own update (True), so the NoExecute taint waits for the next pass (5 s later): that one
 *    sees Unknown and puts the node in the zone's rate-limited taint queue (markNodeForTainting),
 *    which doNoExecuteTaintingPass drains every NodeEvictionPeriod (100 ms, started with the
 *    controller): `node.kubernetes.io/unreachable:NoExecute`, as the zone's rate limiter allows
 *    (a token bucket of node-eviction-rate 0.1/s, burst 1: nodes that go down together are
 *    tainted 10 s apart). handleDisruption sets the limiter from the zone's state after every
 *    pass: when more than 2 nodes and at least 55 % of the zone are not ready (partial
 *    disruption) a cluster of at most 50 nodes taints no more nodes at all, and nor does one
 *    with no node ready (full disruption).
 *
 * Timing taken here (docs/fidelity.md): Lease renewals on a 10 s grid from the node's creation
 * (node-lease.ts, the grid `describe node` reads; jobsim's nodes are created at 0) and monitor
 * passes on a 5 s grid from the cluster's time 0 (upstream the kubelet's renewals are jittered
 * by 4 % and start with the kubelet), so every renewal is seen by the pass at its instant; the
 * NoExecute taint lands one NodeEvictionPeriod after the second pass. node-monitor-grace-period
 * is 50 s in every supported version (kubernetes PR #126287, 1.32, raised it from 40 s in
 * pkg/controller/nodelifecycle/config/v1alpha1/defaults.go); k3s passes none of its own (its
 * pkg/daemons/control/server.go controllerManager sets no node-monitor flag and disables only
 * the service, route and cloud-node-lifecycle controllers — read in an older copy).
 */

/** node-monitor-period (kube-controller-manager default, NodeLifecycleControllerConfiguration). */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** node-monitor-grace-period: 50 s from 1.32 (PR #126287). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** scheduler.NodeEvictionPeriod: how often doNoExecuteTaintingPass drains the taint queue. */
export const NODE_EVICTION_PERIOD_MS = 100;

/** The event source of the node lifecycle controller (NewNodeLifecycleController's recorder). */
export const NODE_CONTROLLER_COMPONENT = "node-controller";
/** tryUpdateNodeHealth's reason and message for a condition the kubelet stopped posting. */
export const NODE_STATUS_UNKNOWN_REASON = "NodeStatusUnknown";
export const NODE_STATUS_UNKNOWN_MESSAGE = "Kubelet stopped posting node status.";

/** The monitor pass that sees the renewal at `renewalMs`: the first at or after it. */
export function probeTimestampMs(renewalMs: number): number {
  return Math.ceil(renewalMs / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
}

/** The first monitor pass with now > probeTimestamp + grace (`nc.now().After(...)`), the Lease
 * last renewed at `lastRenewalMs` (node-lease.ts nodeLeaseRenewMs): Ready goes Unknown there. */
export function readyUnknownAtMs(lastRenewalMs: number): number {
  const deadline = probeTimestampMs(lastRenewalMs) + NODE_MONITOR_GRACE_PERIOD_MS;
  return (Math.floor(deadline / NODE_MONITOR_PERIOD_MS) + 1) * NODE_MONITOR_PERIOD_MS;
}

/** The NoExecute taint: the next monitor pass queues the node, the next tainting pass adds it. */
export function noExecuteTaintAtMs(readyUnknownMs: number): number {
  return readyUnknownMs + NODE_MONITOR_PERIOD_MS + NODE_EVICTION_PERIOD_MS;
}

/**
 * The zone's state (ComputeZoneState) as handleDisruption computes it at the end of each monitor
 * pass. k3d's nodes carry no topology labels, so the cluster is one zone (GetZoneKey "").
 */
export enum ZoneState {
  Normal = 0,
  PartialDisruption = 1,
  FullDisruption = 2,
}

/** --unhealthy-zone-threshold (0.55), --large-cluster-size-threshold (50), --node-eviction-rate
 * (0.1/s), --secondary-node-eviction-rate (0.01/s): kube-controller-manager's defaults. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
export const LARGE_CLUSTER_THRESHOLD = 50;
export const NODE_EVICTION_RATE = 0.1;
export const SECONDARY_NODE_EVICTION_RATE = 0.01;

/** ComputeZoneState: no node ready → full disruption; more than 2 not ready and at least the
 * threshold's share of the zone → partial; else normal. */
export function zoneState(notReady: number, total: number): ZoneState {
  if (notReady > 0 && notReady === total) return ZoneState.FullDisruption;
  if (notReady > 2 && notReady / total >= UNHEALTHY_ZONE_THRESHOLD) return ZoneState.PartialDisruption;
  return ZoneState.Normal;
}

/**
 * The NoExecute tainter's rate per second in a state (setLimiterInZone: HealthyQPSFunc in a
 * normal zone, ReducedQPSFunc in a partially disrupted one — the secondary rate above the large
 * cluster threshold, else 0; with every zone fully disrupted handleDisruption stops all
 * evictions: 0). A rate of 0 is the always-rejecting limiter: no node is tainted.
 */
export function noExecuteTaintRate(state: ZoneState, zoneSize: number): number {
  if (state === ZoneState.Normal) return NODE_EVICTION_RATE;
  if (state === ZoneState.PartialDisruption && zoneSize > LARGE_CLUSTER_THRESHOLD)
    return SECONDARY_NODE_EVICTION_RATE;
  return 0;
}

/** Who acts on a node's unreachable NoExecute taint (the taint eviction controller). */
export interface NoExecuteTaintListener {
  noExecuteTainted(node: NodeRecord): void;
}

const MARK_UNKNOWN = 0;
const TAINT_NO_EXECUTE = 1;

export class NodeLifecycleController implements EventHandler {
  /** When the zone's token bucket (EvictionRateLimiterBurst 1, full at the controller's start)
   * next has a token. */
  private nextTokenMs = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly recorder: EventRecorder | null,
    private readonly taints: NoExecuteTaintListener,
  ) {}

  /** The node's kubelet stopped now: its Lease is no longer renewed. */
  kubeletStopped(node: NodeRecord): void {
    node.kubeletStoppedMs = this.sim.now;
    this.sim.scheduleAt(readyUnknownAtMs(nodeLeaseRenewMs(node, this.sim.now)), this, MARK_UNKNOWN, node);
  }

  handleEvent(arg: number, ref: unknown): void {
    const node = ref as NodeRecord;
    if (arg === MARK_UNKNOWN) this.markUnknown(node);
    else this.taintNoExecute(node);
  }

  private markUnknown(node: NodeRecord): void {
    const now = this.sim.now;
    node.readyUnknownMs = now;
    this.store.updateNode(node);
    this.recorder?.record(
      nodeRef(node),
      "Normal",
      "NodeNotReady",
      `Node ${node.name} status is now: NodeNotReady`,
      NODE_CONTROLLER_COMPONENT,
    );
    this.markPodsNotReady(node);
    // doNoScheduleTaintingPass, on the node update the status write made.
    node.unreachableNoScheduleMs = now;
    this.store.updateNode(node);
    this.sim.scheduleAt(noExecuteTaintAtMs(now), this, TAINT_NO_EXECUTE, node);
  }

  /** MarkPodsNotReady: the pods of the node whose Ready condition is True (a pod without the
   * condition, or with it False already, is left alone: UpdatePodCondition reports no change). */
  private markPodsNotReady(node: NodeRecord): void {
    const now = this.sim.now;
    for (const pod of this.store.pods) {
      if (pod.node !== node || !pod.ready) continue;
      const ref = this.recorder !== null ? podRef(pod) : null;
      pod.ready = false;
      pod.readyMs = now;
      pod.notReadyReason = "";
      this.store.updatePod(pod);
      if (ref !== null)
        this.recorder?.record(ref, "Warning", "NodeNotReady", "Node is not ready", NODE_CONTROLLER_COMPONENT);
    }
  }

  /**
   * doNoExecuteTaintingPass for a queued node: the zone's limiter, as the last monitor pass set
   * it, lets it through (a token), makes it wait for the next token (the pass every 100 ms
   * retries), or rejects it for as long as the zone stays disrupted — for good here, as no
   * node comes back.
   */
  private taintNoExecute(node: NodeRecord): void {
    const now = this.sim.now;
    const lastPass = Math.floor(now / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
    let notReady = 0;
    for (const n of this.store.nodes) if (n.readyUnknownMs >= 0 && n.readyUnknownMs <= lastPass) notReady++;
    const total = this.store.nodes.length;
    const rate = noExecuteTaintRate(zoneState(notReady, total), total);
    if (rate === 0) return;
    if (now < this.nextTokenMs) {
      const retry = Math.ceil(this.nextTokenMs / NODE_EVICTION_PERIOD_MS) * NODE_EVICTION_PERIOD_MS;
      this.sim.scheduleAt(retry, this, TAINT_NO_EXECUTE, node);
      return;
    }
    this.nextTokenMs = now + Math.round(1000 / rate);
    node.unreachableNoExecuteMs = now;
    this.store.updateNode(node);
    this.taints.noExecuteTainted(node);
  }

  /** A new run: the token bucket full again (the simulation's reset dropped the events). */
  clear(): void {
    this.nextTokenMs = 0;
  }
}
