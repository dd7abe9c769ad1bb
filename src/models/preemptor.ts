import { setDisruptionTarget } from "./disruption-target.js";
import { podRef } from "./event-refs.js";
import type { EventRecorder } from "./events.js";
import { matchesNodeAffinity, preFilterNodeNames } from "./node-affinity.js";
import { refusedByNodeState } from "./node-filters.js";
import type { Reserved } from "./nominated-pods.js";
import { apiTime, DisruptionBy, NONE, type NodeRecord, type PodRecord } from "./objects.js";
import {
  bestCandidates,
  type NodeRoom,
  type PreemptionCandidate,
  selectVictimsOnNode,
  type VictimCandidate,
} from "./preemption.js";
import { podRequests, type Requests } from "./scheduler-score.js";
import type { Store } from "./store.js";

/**
 * DefaultPreemption's PostFilter as the scheduler runs it for a pod that fit nowhere
 * (pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go PostFilter →
 * pkg/scheduler/framework/preemption/preemption.go Evaluator.Preempt; executor.go PreemptPod in
 * 1.35): eligibility, the dry run on each node a filter found Unschedulable, the choice of node,
 * then the victims' DisruptionTarget, DELETE and `Preempted` event. The pure policy is in
 * preemption.ts.
 *
 * Timing: 1.32 preempts synchronously (prepareCandidate, before PostFilter returns: the victims,
 * then the nominations cleared); 1.33–1.35 (SchedulerAsyncPreemption beta, on) in a goroutine
 * (prepareCandidateAsync: the nominations cleared, then the victims) that races the preemptor's
 * FailedScheduling event and nominatedNodeName patch. In simulated time all of it is one
 * instant; jobsim writes the goroutine's part before the preemptor's failure in every version,
 * as the synchronous path does (a capture could settle the race).
 */

/** The victim as the dry run sees it, with its record. */
interface Victim extends VictimCandidate {
  readonly pod: PodRecord;
}

/** What Preempt answered: a node nominated, or the PostFilter message after `preemption: ` and
 * whether the pod's nomination is cleared (NewPostFilterResultWithNominatedNode(""): only when
 * no node had candidates, not when the pod was not eligible). */
export type PreemptionResult = { node: NodeRecord } | { message: string; clearNomination: boolean };

export interface PreemptionContext {
  readonly store: Store;
  readonly recorder: EventRecorder | null;
  readonly clock: { readonly now: number };
  /** A seeded draw in [0, n) for the final tie (the scheduler's stream for this pod). */
  drawBelow(pod: PodRecord, n: number): number;
  podPriority(pod: PodRecord): number;
  /** VersionProfile.schedulerAsyncPreemption: the order of the nominations' clearing. */
  readonly asyncPreemption: boolean;
}

/** The message when the nominated node still holds a victim being deleted
 * (default_preemption.go PodEligibleToPreemptOthers). */
export const TERMINATING_ON_NOMINATED = "not eligible due to a terminating pod on the nominated node.";

/**
 * Evaluator.Preempt for `pod`, which the Filter phase refused everywhere. Nodes refused by
 * NodeAffinity (UnschedulableAndUnresolvable) are never candidates; those refused by
 * NodeResourcesFit (Unschedulable) are dry-run.
 */
export function preempt(
  ctx: PreemptionContext,
  pod: PodRecord,
  req: Requests,
  scalars: readonly string[],
  reserved: ReadonlyMap<NodeRecord, Reserved> | null,
): PreemptionResult {
  const priority = ctx.podPriority(pod);
  const nodes = ctx.store.nodes;
  const spec = pod.spec;
  const filtersAffinity = spec.nodeSelector !== undefined || spec.affinity !== undefined;
  const named = filtersAffinity ? preFilterNodeNames(spec) : null;
  // nodesWherePreemptionMightHelp: a node an UnschedulableAndUnresolvable filter refused
  // (NodeAffinity, NodeUnschedulable, TaintToleration) is no candidate.
  const potential = (node: NodeRecord) =>
    !(named !== null && named.size === 0) &&
    (!filtersAffinity || matchesNodeAffinity(spec, node)) &&
    !refusedByNodeState(spec, node);
  // PodEligibleToPreemptOthers: a pod nominated to a node (not unresolvable there) waits while a
  // lower-priority pod there is terminating by preemption (podTerminatingByPreemption:
  // deletionTimestamp and DisruptionTarget/PreemptionByScheduler; kubernetes#114623, 1.27).
  if (pod.nominatedNodeName !== null) {
    const nominated = nodes.find((n) => n.name === pod.nominatedNodeName);
    if (nominated !== undefined && potential(nominated))
      for (const p of ctx.store.pods)
        if (
          p.heldBy === nominated &&
          ctx.podPriority(p) < priority &&
          p.deletionMs !== NONE &&
          p.disruptionMs !== NONE &&
          // An evicted pod (reason EvictionByEvictionAPI or DeletionByTaintManager) is not
          // terminating by preemption.
          p.disruptionBy === DisruptionBy.Scheduler
        )
          return { message: TERMINATING_ON_NOMINATED, clearNomination: false };
  }
  const statuses: string[] = [];
  const candidates: (PreemptionCandidate<Victim> & { node: NodeRecord })[] = [];
  for (const node of nodes) {
    if (!potential(node)) {
      // SetAbsentNodesStatus: the nodes never tried.
      statuses.push("Preemption is not helpful for scheduling");
      continue;
    }
    const pods: Victim[] = [];
    for (const p of ctx.store.pods) {
      if (p.heldBy !== node) continue;
      const r = podRequests(p.spec);
      // status.startTime as the API stores it (whole seconds: the kubelet's JSON patch), so pods
      // started in the same second tie; none yet → metav1.Now() (GetPodStartTime).
      const startMs = p.startTimeMs !== NONE ? apiTime(p.startTimeMs) : ctx.clock.now;
      pods.push({ pod: p, priority: ctx.podPriority(p), startMs, milliCpu: r.milliCpu, memory: r.memory });
    }
    // The dry run filters with the nominated pods too (SelectVictimsOnNode →
    // RunFilterPluginsWithNominatedPods).
    const r = reserved?.get(node);
    const room: NodeRoom = {
      milliCpu: node.allocatableMilliCpu - node.systemMilliCpu - node.requestedMilliCpu - (r?.milliCpu ?? 0),
      memory: node.allocatableMemory - node.systemMemory - node.requestedMemory - (r?.memory ?? 0),
      pods: node.allocatablePods - node.podCount - (r?.pods ?? 0),
    };
    const result = selectVictimsOnNode(pods, room, { priority, milliCpu: req.milliCpu, memory: req.memory });
    if (result.kind === "none") statuses.push("No preemption victims found for incoming pod");
    else if (result.kind === "unfit" || scalars.length > 0) {
      // The node's Filter status with every lower pod gone (fit.go insufficientResources
      // reasons); an extended resource jobsim's nodes never offer stays insufficient.
      const reasons = result.kind === "unfit" ? result.reasons : { cpu: false, memory: false, pods: false };
      if (reasons.cpu) statuses.push("Insufficient cpu");
      if (reasons.memory) statuses.push("Insufficient memory");
      if (reasons.pods) statuses.push("Too many pods");
      for (const name of scalars) statuses.push(`Insufficient ${name}`);
    } else candidates.push({ node, victims: result.victims });
  }
  if (candidates.length === 0) return { message: fitError(nodes.length, statuses), clearNomination: true };
  const best = bestCandidates(candidates);
  // A tie left after every criterion: upstream takes the first of a list built by ranging over a
  // Go map (random order); a seeded draw is that.
  const chosen = candidates[best.length === 1 ? best[0] : best[ctx.drawBelow(pod, best.length)]];
  execute(ctx, pod, chosen.node, chosen.victims, priority);
  return { node: chosen.node };
}

/** The FitError of the dry run: per reason the count of nodes, sorted (framework/types.go). */
function fitError(total: number, statuses: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort();
  return `0/${total} nodes are available: ${parts.join(", ")}.`;
}

/**
 * prepareCandidate(Async) + PreemptPod: first the nominations of lower-priority pods to the node
 * are cleared (clearNominatedNodeName), then per victim not already being deleted: the
 * DisruptionTarget status patch, the DELETE with no options (util.DeletePod: the pod's own
 * terminationGracePeriodSeconds) and the `Preempted` event on the victim (message since
 * kubernetes#119971, 1.29: "Preempted by pod <uid> on node <node>"; action Preempting).
 */
function execute(
  ctx: PreemptionContext,
  preemptor: PodRecord,
  node: NodeRecord,
  victims: readonly Victim[],
  priority: number,
): void {
  const store = ctx.store;
  if (ctx.asyncPreemption) clearLowerNominations(ctx, preemptor, node, priority);
  // PreemptPod's Eventf(victim, pod, …): the preemptor as the scheduler holds it, before its
  // own failure's status write.
  const preemptorRef = ctx.recorder !== null ? podRef(preemptor) : null;
  for (const { pod: victim } of victims) {
    if (victim.deletionMs !== NONE) continue;
    // The event regards the victim as the scheduler listed it, before its own writes.
    const regarding = ctx.recorder !== null ? podRef(victim) : null;
    setDisruptionTarget(store, ctx.clock.now, victim, DisruptionBy.Scheduler);
    store.deletePod(victim, victim.spec.terminationGracePeriodSeconds ?? 30);
    if (regarding !== null)
      ctx.recorder?.recordNew(
        regarding,
        "Normal",
        "Preempted",
        `Preempted by pod ${preemptor.uid} on node ${node.name}`,
        "default-scheduler",
        `default-scheduler-${store.nodes[0]?.name ?? ""}`,
        "Preempting",
        preemptorRef,
      );
  }
  if (!ctx.asyncPreemption) clearLowerNominations(ctx, preemptor, node, priority);
}

/** clearNominatedNodeName for getLowerPriorityNominatedPods: a status patch to "" each. */
function clearLowerNominations(
  ctx: PreemptionContext,
  preemptor: PodRecord,
  node: NodeRecord,
  priority: number,
): void {
  for (const p of ctx.store.pods)
    if (p !== preemptor && p.nominatedNodeName === node.name && ctx.podPriority(p) < priority) {
      p.nominatedNodeName = null;
      ctx.store.updatePod(p);
    }
}
