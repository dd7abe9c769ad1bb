import { NODE_AFFINITY_CONFLICT } from "./node-affinity.js";
import { UNTOLERATED_TAINTS, UNTOLERATED_UNREACHABLE } from "./taint-eviction.js";
import type { VersionProfile } from "./version-profile.js";

/**
 * The message of a FailedScheduling event and of the pod's PodScheduled=False condition: the
 * scheduler's FitError (framework/types.go FitError.Error) — the filters' reasons per node count,
 * then the PostFilter plugins' messages joined with ", ".
 */

/** Per filter reason, how many nodes it refused (each node counted once, by its first failure). */
export interface FilterCounts {
  total: number;
  cpu: number;
  memory: number;
  pods: number;
  /** Nodes the node selector or required node affinity refused (Filter). */
  selector: number;
  /** Nodes outside the set NodeAffinity's PreFilter named (matchFields metadata.name). */
  notPreFiltered: number;
  /** NodeAffinity's PreFilter named no node at all: its rejection is the whole message. */
  preFilterConflict: boolean;
  /** Cordoned nodes the pod does not tolerate (NodeUnschedulable, before the others). */
  unschedulable: number;
  /** Nodes whose unreachable taint the pod does not tolerate (TaintToleration). */
  untoleratedTaint: number;
  /** Nodes refused for extended resources, and the resources asked. */
  scalarNodes: number;
  scalars: readonly string[];
}

/**
 * `postFilter`, when given, is DefaultPreemption's own result in place of the no-victims one
 * (preemptor.ts): "" after a successful preemption — RunPostFilterPlugins returns the success
 * at once, so no PostFilter message at all, DynamicResources' included — or its message.
 */
export function fitErrorMessage(
  c: FilterCounts,
  mayPreempt: boolean,
  profile: Pick<VersionProfile, "schedulerDraPostFilter" | "taintFilterNamesTaint">,
  postFilter: string | null = null,
): string {
  const reasons: string[] = [];
  if (c.cpu > 0) reasons.push(`${c.cpu} Insufficient cpu`);
  if (c.memory > 0) reasons.push(`${c.memory} Insufficient memory`);
  if (c.selector > 0) reasons.push(`${c.selector} node(s) didn't match Pod's node affinity/selector`);
  if (c.pods > 0) reasons.push(`${c.pods} Too many pods`);
  if (c.scalarNodes > 0) for (const name of c.scalars) reasons.push(`${c.scalarNodes} Insufficient ${name}`);
  // node_unschedulable.go ErrReasonUnschedulable.
  if (c.unschedulable > 0) reasons.push(`${c.unschedulable} node(s) were unschedulable`);
  // taint_toleration.go Filter: UnschedulableAndUnresolvable too; the taint named only where the
  // version still does (VersionProfile taintFilterNamesTaint).
  if (c.untoleratedTaint > 0)
    reasons.push(
      `${c.untoleratedTaint} ${profile.taintFilterNamesTaint ? UNTOLERATED_UNREACHABLE : UNTOLERATED_TAINTS}`,
    );
  if (c.notPreFiltered > 0)
    reasons.push(`${c.notPreFiltered} node(s) didn't satisfy plugin(s) [NodeAffinity]`);
  reasons.sort();
  // DefaultPreemption's FitError (preemption.go Evaluator.Preempt) when it was not dry-run here
  // (`postFilter` null: every pod queued so far has one priority, so no node holds a victim): the
  // nodes a plugin found Unschedulable (NodeResourcesFit) have no victims; the
  // UnschedulableAndUnresolvable ones (NodeAffinity, Filter or
  // PreFilter; NodeUnschedulable) are absent from its statuses, so SetAbsentNodesStatus gives them "Preemption is
  // not helpful for scheduling". A PreFilter rejection gives every node its status.
  // NodeUnschedulable's status is UnschedulableAndUnresolvable too (node_unschedulable.go Filter).
  const unresolvable = c.preFilterConflict
    ? c.total
    : c.selector + c.notPreFiltered + c.unschedulable + c.untoleratedTaint;
  const noVictims = c.total - unresolvable;
  const preemptionReasons: string[] = [];
  if (noVictims > 0) preemptionReasons.push(`${noVictims} No preemption victims found for incoming pod`);
  if (unresolvable > 0) preemptionReasons.push(`${unresolvable} Preemption is not helpful for scheduling`);
  preemptionReasons.sort();
  // PodEligibleToPreemptOthers: a pod that may not preempt is not dry-run.
  const filterMessage = c.preFilterConflict ? NODE_AFFINITY_CONFLICT : reasons.join(", ");
  if (postFilter === "") return `0/${c.total} nodes are available: ${filterMessage}.`;
  const preemption =
    postFilter !== null
      ? `preemption: ${postFilter}`
      : mayPreempt
        ? `preemption: 0/${c.total} nodes are available: ${preemptionReasons.join(", ")}.`
        : "preemption: not eligible due to preemptionPolicy=Never.";
  // DynamicResources' PostFilter runs first where the profile has it (VersionProfile
  // schedulerDraPostFilter) — not after a PreFilter rejection, where it never ran (unsettled).
  const dra = profile.schedulerDraPostFilter && !c.preFilterConflict ? "no new claims to deallocate, " : "";
  return `0/${c.total} nodes are available: ${filterMessage}. ${dra}${preemption}`;
}
