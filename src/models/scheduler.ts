import type { RandomSource } from "../engine/random/keyed-streams.js";
import { Xor128 } from "../engine/random/xor128.js";
import type { EventHandler, Simulation } from "../engine/simulation.js";
import { podRef } from "./event-refs.js";
import type { EventRecorder } from "./events.js";
import { type FilterCounts, fitErrorMessage } from "./fit-error.js";
import { purpose, streamKey } from "./identity.js";
import {
  hasPreferredNodeAffinity,
  matchesNodeAffinity,
  NODE_AFFINITY_SCORE_WEIGHT,
  normalizedAffinityScore,
  preFilterNodeNames,
  preferredAffinityWeight,
} from "./node-affinity.js";
import { refusedAsUnschedulable } from "./node-cordon.js";
import { refusedByNodeState } from "./node-filters.js";
import { maxPreferredWeight, nodeScore } from "./node-score.js";
import { fitsWithNominated, NominatedPods, type Reserved } from "./nominated-pods.js";
import { apiTime, isTerminal, NONE, type NodeRecord, objectList, type PodRecord } from "./objects.js";
import { byPriority, mayPreempt, PriorityMix, podPriority } from "./pod-priority.js";
import { type PreemptionContext, preempt } from "./preemptor.js";
import { requestedScalarResources } from "./scalar-resources.js";
import { podRequests, type Requests } from "./scheduler-score.js";
import { type Store, WatchType } from "./store.js";
import { refusedByUnreachableTaint } from "./taint-eviction.js";
import { movePods } from "./unschedulable-pods.js";
import type { VersionProfile } from "./version-profile.js";

/**
 * kube-scheduler, reduced to what Job pods meet: filter nodes on allocatable cpu, memory and
 * pod count (NodeResourcesFit) and on nodeSelector and required node affinity (NodeAffinity:
 * node-affinity.ts); score with the default plugins that tell nodes apart for such pods —
 * NodeResourcesFit LeastAllocated, NodeResourcesBalancedAllocation, ImageLocality (weights 1,
 * integer scores 0–100) and, for a pod with preferred node affinity, NodeAffinity (weight 2);
 * pick the highest, breaking ties at random as selectHost does (here from the pod's own stream). A pod that fits nowhere stays Pending with
 * PodScheduled=False/Unschedulable and a FailedScheduling event, and is retried when a pod on
 * some node ends (if NodeResourcesFit was among its rejectors), or by the queue's flush: every 30 s it moves back the pods that have waited
 * more than 5 minutes since their last attempt (scheduling_queue.go
 * flushUnschedulablePodsLeftover, podMaxInUnschedulablePodsDuration; the ticks are counted from
 * the cluster's time 0, as the scheduler's start).
 *
 * Terminal pods no longer hold node resources (the scheduler cache drops them).
 */

export const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;
/** PriorityQueue.Run: flushUnschedulablePodsLeftover runs every 30 s (wait.Until). */
export const UNSCHEDULABLE_FLUSH_PERIOD_MS = 30_000;
export const SCHEDULER_NAME = "default-scheduler";

const P_SCHEDULE = purpose("schedule");
const P_PREEMPT = purpose("preempt");

/** Sizes of images, for ImageLocality; the workload model knows them. */
export interface ImageSizes {
  imageSize(image: string): number;
}

export class Scheduler implements EventHandler {
  private readonly queue: PodRecord[] = objectList();
  private readonly unschedulable: PodRecord[] = objectList();
  private pending = false;
  private flushHandle = NONE;
  private readonly rng = new Xor128();
  private readonly priorities = new PriorityMix();
  private preemption: PreemptionContext | null = null;
  private readonly nominated = new NominatedPods();

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly random: RandomSource,
    private readonly recorder: EventRecorder | null,
    readonly _images: ImageSizes,
    private readonly profile: VersionProfile,
  ) {
    // Watches pods through the cluster (see Cluster.onPod).
  }

  /** Forgets every pod (a new run). */
  clear(): void {
    while (this.queue.length > 0) this.queue.pop();
    while (this.unschedulable.length > 0) this.unschedulable.pop();
    this.pending = false;
    this.flushHandle = NONE;
    this.priorities.clear();
    this.nominated.clear();
  }

  onPod(type: WatchType, pod: PodRecord): void {
    // A write to a pod that holds no node, or that holds one and is not terminal, changes
    // nothing here (most writes): answered in a function small enough to be inlined.
    if (type === WatchType.Modified && (pod.heldBy === null || !isTerminal(pod.phase))) return;
    this.podChanged(type, pod);
  }

  private podChanged(type: WatchType, pod: PodRecord): void {
    if (type === WatchType.Added && pod.nodeName === null) {
      if (!this.priorities.mixed) this.priorities.note(pod);
      this.queue.push(pod);
      this.kick();
      return;
    }
    const node = pod.heldBy;
    if (node !== null && (type === WatchType.Deleted || isTerminal(pod.phase))) {
      this.release(pod, node);
      // AssignedPodDelete (see requeue).
      if (this.unschedulable.length > 0) this.requeue(byFit);
    }
  }

  /**
   * A node's spec.unschedulable went false (an uncordon's PATCH, node-cordon.ts): the
   * NodeUnschedulable plugin's queueing hint for that Node update
   * (node_unschedulable.go isSchedulableAfterNodeChange: Queue when the node was unschedulable
   * and is no longer) moves back the pods it rejected; other plugins' pods wait as before.
   */
  nodeUncordoned(): void {
    if (this.unschedulable.length > 0) this.requeue(byCordon);
  }

  private kick(): void {
    if (this.pending) return;
    this.pending = true;
    this.sim.schedule(0, this, 0, null);
  }

  handleEvent(arg: number): void {
    if (arg === 1) {
      // The periodic flush: back to the active queue go the pods whose last attempt is more
      // than 5 min old (currentTime.Sub(Timestamp) > podMaxInUnschedulablePodsDuration).
      this.flushHandle = NONE;
      this.flushLeftover();
    }
    this.pending = false;
    // In queue order, including pods queued meanwhile (as a shift() loop would, without the
    // shifting); then the queue is empty.
    const queue = this.queue;
    if (this.priorities.mixed && queue.length > 1) byPriority(queue);
    for (let i = 0; i < queue.length; i++) this.scheduleOne(queue[i]);
    while (queue.length > 0) queue.pop();
    if (this.unschedulable.length > 0 && this.flushHandle === NONE) {
      // The first tick at which the longest-waiting pod is due (later ones are due later).
      let since = this.unschedulable[0].unschedulableSinceMs;
      for (const p of this.unschedulable) if (p.unschedulableSinceMs < since) since = p.unschedulableSinceMs;
      const tick =
        (Math.floor((since + UNSCHEDULABLE_FLUSH_MS) / UNSCHEDULABLE_FLUSH_PERIOD_MS) + 1) *
        UNSCHEDULABLE_FLUSH_PERIOD_MS;
      this.flushHandle = this.sim.scheduleAt(tick, this, 1, null);
    }
  }

  /**
   * A cluster event: the queue retries the unschedulable pods one of whose rejecting plugins is
   * interested (scheduling_queue.go isPodWorthRequeuing). When an assigned pod goes
   * (AssignedPodDelete; a terminal pod leaves the scheduler's informer as a deletion),
   * NodeResourcesFit is (isSchedulableAfterPodEvent: a scheduled pod's deletion → Queue);
   * NodeAffinity and NodeUnschedulable register only Node events, so the pods they alone
   * rejected stay until the flush (→ queueSkip).
   */
  private requeue(interested: (pod: PodRecord) => boolean): void {
    if (movePods(this.unschedulable, this.queue, interested)) this.kick();
  }

  /** Moves the due pods from the unschedulable list to the queue, keeping the others in order. */
  private flushLeftover(): void {
    const now = this.sim.now;
    movePods(
      this.unschedulable,
      this.queue,
      (pod) => now - pod.unschedulableSinceMs > UNSCHEDULABLE_FLUSH_MS,
    );
  }

  private scheduleOne(pod: PodRecord): void {
    if (pod.nodeName !== null || pod.deletionMs !== NONE || pod.removed) return;
    const req = podRequests(pod.spec);
    const nodes = this.store.nodes;
    let best: NodeRecord | null = null;
    let bestScore = -1;
    let ties = 0;
    let insufficientCpu = 0;
    let insufficientMem = 0;
    let tooManyPods = 0;
    let selectorMismatch = 0;
    let notPreFiltered = 0;
    let insufficientScalar = 0;
    let cordoned = 0;
    let tainted = 0;
    const spec = pod.spec;
    const scalars = requestedScalarResources(spec);
    const filtersAffinity = spec.nodeSelector !== undefined || spec.affinity !== undefined;
    // A node outside the PreFilter's names fails the required terms too: only the reason differs.
    const named = filtersAffinity ? preFilterNodeNames(spec) : null;
    // Preferred node affinity scores each feasible node against the best of them: known first.
    // Pods nominated by a preemption keep their room from this one (nominated-pods.ts).
    const reserved = this.nominated.pods.length > 0 ? this.nominated.reservations(pod, nodes) : null;
    const maxPreferred = hasPreferredNodeAffinity(spec)
      ? maxPreferredWeight(pod, req, this.store.nodes, reserved)
      : 0;
    if (pod.nominatedNodeName !== null && scalars.length === 0) {
      // findNodesThatFitPod → evaluateNominatedNode: the node the pod preempted on is filtered
      // first, and if it fits it is the only feasible node (no scoring of one node).
      const nominated = nodes.find((n) => n.name === pod.nominatedNodeName);
      if (
        nominated !== undefined &&
        !refusedByNodeState(spec, nominated) &&
        fitsWithNominated(pod, nominated, req, reserved?.get(nominated))
      ) {
        this.bind(pod, nominated, req);
        return;
      }
    }
    for (const node of nodes) {
      // NodeUnschedulable is the first Filter plugin (default_plugins.go getDefaultPlugins), and
      // a node's filters stop at its first failure; a node outside NodeAffinity's PreFilter
      // names is never filtered at all (findNodesThatFitPod: SetAbsentNodesStatus, below).
      const filtered = named === null || named.has(node.name);
      if (node.unschedulable && filtered && refusedAsUnschedulable(spec, node)) {
        cordoned++;
        continue;
      }
      // TaintToleration comes after NodeName, before NodeAffinity (getDefaultPlugins).
      if (node.unreachableNoScheduleMs >= 0 && filtered && refusedByUnreachableTaint(spec, node)) {
        tainted++;
        continue;
      }
      if (filtersAffinity && !matchesNodeAffinity(spec, node)) {
        if (!filtered) notPreFiltered++;
        else selectorMismatch++;
        continue;
      }
      let fits = true;
      const r = reserved?.get(node);
      if (node.podCount + 1 + (r?.pods ?? 0) > node.allocatablePods) {
        tooManyPods++;
        fits = false;
      }
      if (
        node.requestedMilliCpu + node.systemMilliCpu + req.milliCpu + (r?.milliCpu ?? 0) >
        node.allocatableMilliCpu
      ) {
        insufficientCpu++;
        fits = false;
      }
      if (node.requestedMemory + node.systemMemory + req.memory + (r?.memory ?? 0) > node.allocatableMemory) {
        insufficientMem++;
        fits = false;
      }
      if (scalars.length > 0) {
        insufficientScalar++;
        fits = false;
      }
      if (!fits) continue;
      let score = nodeScore(pod, node, req, this.store.nodes);
      if (maxPreferred > 0)
        score +=
          NODE_AFFINITY_SCORE_WEIGHT *
          normalizedAffinityScore(preferredAffinityWeight(spec, node), maxPreferred);
      if (score > bestScore) {
        best = node;
        bestScore = score;
        ties = 1;
      } else if (score === bestScore) {
        // selectHost: reservoir sampling among equal top scores.
        ties++;
        if (this.drawBelow(pod, ties) === 0) best = node;
      }
    }
    if (best === null) {
      this.markUnschedulable(pod, req, reserved, {
        total: nodes.length,
        cpu: insufficientCpu,
        memory: insufficientMem,
        pods: tooManyPods,
        selector: selectorMismatch,
        notPreFiltered,
        preFilterConflict: named !== null && named.size === 0,
        scalarNodes: insufficientScalar,
        unschedulable: cordoned,
        untoleratedTaint: tainted,
        scalars,
      });
      return;
    }
    this.bind(pod, best, req);
  }

  private preemptionContext(): PreemptionContext {
    this.preemption ??= {
      store: this.store,
      recorder: this.recorder,
      clock: this.sim,
      drawBelow: (pod: PodRecord, n: number) => this.drawBelow(pod, n, P_PREEMPT),
      podPriority,
      asyncPreemption: this.profile.schedulerAsyncPreemption,
    };
    return this.preemption;
  }

  private drawBelow(pod: PodRecord, n: number, use = P_SCHEDULE): number {
    this.random.reseed(this.rng, streamKey(pod.owner?.streamBase ?? pod.seq, use), pod.ordinal, n);
    return this.rng.nextBelow(n);
  }

  private bind(pod: PodRecord, node: NodeRecord, req: Requests): void {
    pod.nodeName = node.name;
    pod.node = node;
    pod.scheduledMs = apiTime(this.sim.now);
    pod.unschedulableMs = NONE;
    if (this.profile.clearNominatedOnBinding) pod.nominatedNodeName = null;
    node.requestedMilliCpu += req.milliCpu;
    node.requestedMemory += req.memory;
    node.podCount++;
    node.nonZeroMilliCpu += req.nonZeroMilliCpu;
    node.nonZeroMemory += req.nonZeroMemory;
    pod.heldBy = node;
    // The event regards the pod as the scheduler assumed it, before the binding's write
    // (schedule_one.go bindingCycle records it with assumedPodInfo.Pod).
    const regarding = this.recorder !== null ? podRef(pod) : null;
    this.store.updatePodStartup(pod);
    if (regarding !== null)
      this.recorder?.recordNew(
        regarding,
        "Normal",
        "Scheduled",
        `Successfully assigned ${pod.namespace}/${pod.name} to ${node.name}`,
        SCHEDULER_NAME,
        `${SCHEDULER_NAME}-${this.store.nodes[0]?.name ?? ""}`,
        "Binding",
      );
  }

  private release(pod: PodRecord, node: NodeRecord): void {
    const req = podRequests(pod.spec);
    node.requestedMilliCpu -= req.milliCpu;
    node.requestedMemory -= req.memory;
    node.podCount--;
    node.nonZeroMilliCpu -= req.nonZeroMilliCpu;
    node.nonZeroMemory -= req.nonZeroMemory;
    pod.heldBy = null;
  }

  private markUnschedulable(
    pod: PodRecord,
    req: Requests,
    reserved: Map<NodeRecord, Reserved> | null,
    counts: FilterCounts,
  ): void {
    // handleSchedulingFailure records the event about the pod it tried (its resourceVersion
    // before this failure's and the preemption's writes): the events broadcaster keys series on it.
    const regarding = this.recorder !== null ? podRef(pod) : null;
    // DefaultPreemption's PostFilter (preemptor.ts), only where a pod may have victims.
    let postFilter: string | null = null;
    const nominatedBefore = pod.nominatedNodeName;
    if (
      this.priorities.mixed &&
      mayPreempt(pod) &&
      counts.cpu + counts.memory + counts.pods + counts.scalarNodes > 0
    ) {
      const result = preempt(this.preemptionContext(), pod, req, counts.scalars, reserved);
      if ("node" in result) {
        postFilter = "";
        pod.nominatedNodeName = result.node.name;
        this.nominated.add(pod);
      } else {
        postFilter = result.message;
        if (result.clearNomination) pod.nominatedNodeName = null;
      }
    }
    const message = fitErrorMessage(counts, mayPreempt(pod), this.profile, postFilter);
    if (
      pod.unschedulableMs === NONE ||
      pod.unschedulableMessage !== message ||
      pod.nominatedNodeName !== nominatedBefore
    ) {
      // UpdatePodCondition (pkg/api/v1/pod/util.go) keeps lastTransitionTime while the status
      // stays False, whatever the message.
      if (pod.unschedulableMs === NONE) pod.unschedulableMs = apiTime(this.sim.now);
      pod.unschedulableMessage = message;
      this.store.updatePod(pod);
    }
    if (regarding !== null)
      this.recorder?.recordNew(
        regarding,
        "Warning",
        "FailedScheduling",
        message,
        SCHEDULER_NAME,
        `${SCHEDULER_NAME}-${this.store.nodes[0]?.name ?? ""}`,
        "Scheduling",
      );
    // AddUnschedulableIfNotPresent: "Refresh the timestamp since the pod is re-added."
    pod.unschedulableSinceMs = this.sim.now;
    pod.unschedulableByFit = counts.cpu + counts.memory + counts.pods + counts.scalarNodes > 0;
    pod.unschedulableByCordon = counts.unschedulable > 0;
    this.unschedulable.push(pod);
  }
}

const byFit = (pod: PodRecord) => pod.unschedulableByFit;
const byCordon = (pod: PodRecord) => pod.unschedulableByCordon;
