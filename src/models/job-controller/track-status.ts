import { jobRef } from "../event-refs.js";
import { type JobConditionRecord, NONE, PodPhase, type PodRecord } from "../objects.js";
import { isPodFailed, JOB_CONTROLLER_COMPONENT, newCondition } from "./conditions.js";
import {
  byCompletionIndex,
  hasValidIndex,
  intervalsHave,
  intervalsText,
  intervalsTotal,
  withOrderedIndexes,
} from "./indexed.js";
import { type JobController, MAX_UNCOUNTED_PODS, type SyncContext } from "./job-controller.js";
import { countsAsFailure, matchPodFailurePolicy } from "./pod-failure-policy.js";

/**
 * trackJobStatusAndRemoveFinalizers and flushUncountedAndRemoveFinalizers: the two-phase
 * protocol by which finished pods are counted exactly once.
 *  1. newly finished pods' UIDs go into .status.uncountedTerminatedPods, with an interim
 *     FailureTarget or SuccessCriteriaMet condition — status write #1 (and the back-off record
 *     is saved);
 *  2. their batch.kubernetes.io/job-tracking finalizers are removed;
 *  3. UIDs whose finalizer is gone move into the succeeded/failed counters; when nothing is
 *     uncounted and no pod is terminating, the final Complete/Failed condition is added —
 *     status write #2, then the Completed/Failed event.
 */

const scratchRemove: PodRecord[] = [];
const scratchIndexes: number[] = [];

/**
 * Whether trackJobStatusAndRemoveFinalizers has anything to do; syncJob skips the call when
 * not (most syncs). Nothing to count, flush or finish: with no end decided and the Job not
 * being deleted, its loop picks only tracked pods that succeeded or failed; syncJob's scan
 * found none among those not yet uncounted (the uncounted ones would be in the empty lists),
 * and manageJob since then only added pending pods or removed finalizers before deleting.
 * So no pod would be picked, no list would move, nothing would be written.
 */
export function trackingHasWork(ctx: SyncContext, needsStatusUpdate: boolean): boolean {
  const status = ctx.job.status;
  return (
    needsStatusUpdate ||
    // An Indexed Job's completed and failed indexes may change with completions alone (a
    // scale-down drops those past it): upstream always tracks, and writes such a change.
    ctx.job.view.indexed ||
    ctx.finished !== null ||
    ctx.job.deletionMs !== NONE ||
    ctx.newSucceededTimes.length > 0 ||
    ctx.newFailedTimes.length > 0 ||
    status.uncountedSucceeded.length > 0 ||
    status.uncountedFailed.length > 0
  );
}

export function trackJobStatusAndRemoveFinalizers(
  jc: JobController,
  ctx: SyncContext,
  needsStatusUpdate: boolean,
): void {
  const job = ctx.job;
  const status = job.status;
  const policy = job.view.podFailurePolicy;
  let needsFlush = needsStatusUpdate;
  if (moveCountedPods(job.status)) needsFlush = true;
  let reachedMax = false;
  const toRemove = scratchRemove;
  while (toRemove.length > 0) toRemove.pop();

  const finishedFailing =
    ctx.finished !== null && ctx.finished.type !== "SuccessCriteriaMet" && ctx.finished.type !== "Complete";
  const indexed = job.view.indexed;
  const completions = job.view.completions;
  const newIndexes = scratchIndexes;
  while (newIndexes.length > 0) newIndexes.pop();
  // An Indexed Job's pods are taken in completion-index order, so completed indexes come in order.
  for (const pod of indexed ? byCompletionIndex(job.pods) : job.pods) {
    if (!pod.trackingFinalizer) continue;
    // The pods this sync deleted are judged as the sync saw them — upstream's pod objects are the
    // informer's, without the deletionTimestamp its own DELETE just set: not failed for being
    // deleted (a Job that met its successPolicy does not count the pods it stops as failures).
    const failed =
      ctx.deletedActive && ctx.activePods.includes(pod)
        ? pod.phase === PodPhase.Failed
        : isPodFailed(pod, job);
    if (!(job.deletionMs !== -1 || ctx.finished !== null || pod.phase === PodPhase.Succeeded || failed))
      continue;
    const ix = pod.completionIndex;
    // canRemoveFinalizer: a failed pod whose replacement will take its index's failure count from
    // it keeps the finalizer until that replacement exists.
    if (
      job.deletionMs === -1 &&
      ctx.finished === null &&
      pod.phase !== PodPhase.Succeeded &&
      ctx.failedIndexes !== null &&
      ctx.delayedByIndex.get(ix) === pod
    )
      continue;
    toRemove.push(pod);
    if (pod.phase === PodPhase.Succeeded && pod.uncounted !== 2) {
      if (indexed) {
        // The completion index is enough to count a success once: no UID is kept.
        if (hasValidIndex(pod, completions) && !intervalsHave(ctx.prevSucceededIndexes, ix)) {
          newIndexes.push(ix);
          needsFlush = true;
        }
      } else if (pod.uncounted !== 1) {
        needsFlush = true;
        pod.uncounted = 1;
        status.uncountedSucceeded.push(pod);
      }
    } else if (
      (failed || finishedFailing) &&
      pod.uncounted !== 2 &&
      (!indexed || hasValidIndex(pod, completions))
    ) {
      if (policy === null || countsAsFailure(matchPodFailurePolicy(policy, pod))) {
        needsFlush = true;
        pod.uncounted = 2;
        status.uncountedFailed.push(pod);
      }
    }
    if (
      newIndexes.length + status.uncountedSucceeded.length + status.uncountedFailed.length >=
      MAX_UNCOUNTED_PODS
    ) {
      reachedMax = true;
      break;
    }
  }
  if (indexed) {
    ctx.succeededIndexes = withOrderedIndexes(ctx.succeededIndexes, newIndexes);
    const text = intervalsText(ctx.succeededIndexes);
    if (text !== status.completedIndexes) needsFlush = true;
    status.succeeded = intervalsTotal(ctx.succeededIndexes);
    status.completedIndexes = text;
    const failedText = ctx.failedIndexes === null ? null : intervalsText(ctx.failedIndexes);
    if (failedText !== status.failedIndexes) {
      status.failedIndexes = failedText;
      needsFlush = true;
    }
  }

  let finished: JobConditionRecord | null = ctx.finished;
  if (finished !== null && finished.type === "FailureTarget") {
    status.conditions.push(finished);
    needsFlush = true;
    finished = newCondition("Failed", "True", finished.reason, finished.message, ctx.now);
  }
  if (finished !== null && finished.type === "SuccessCriteriaMet") {
    if (job.condition("SuccessCriteriaMet") === undefined) {
      status.conditions.push(finished);
      needsFlush = true;
    }
    finished = newCondition("Complete", "True", finished.reason, finished.message, ctx.now);
  }

  // flushUncountedAndRemoveFinalizers
  if (needsFlush) {
    jc.store.updateJobStatus(job);
    jc.saveBackoff(job, ctx.newBackoff);
    needsFlush = false;
  }
  for (const pod of toRemove) jc.store.removeTrackingFinalizer(pod);
  if (moveCountedPods(status)) needsFlush = true;

  const jobFinished = !reachedMax && finished !== null && enactJobFinished(ctx, finished);
  if (jobFinished) needsFlush = true;
  if (needsFlush) {
    jc.store.updateJobStatus(job);
    if (jobFinished) recordJobFinished(jc, ctx, finished!);
  }
}

/** cleanUncountedPodsWithoutFinalizers: UIDs whose finalizer is gone are now counted. */
function moveCountedPods(status: SyncContext["job"]["status"]): boolean {
  const s = dropCounted(status.uncountedSucceeded);
  const f = dropCounted(status.uncountedFailed);
  status.succeeded += s;
  status.failed += f;
  return s + f > 0;
}

/** Removes pods whose finalizer is gone from an uncounted list; returns how many. */
function dropCounted(list: PodRecord[]): number {
  if (list.length === 0) return 0;
  let w = 0;
  for (let r = 0; r < list.length; r++) {
    const pod = list[r];
    if (pod.trackingFinalizer) list[w++] = pod;
    else {
      if (pod.uncounted === 2) pod.countedFailed = true;
      pod.uncounted = 0;
    }
  }
  const moved = list.length - w;
  while (list.length > w) list.pop();
  return moved;
}

/** enactJobFinished: the final condition, once nothing is uncounted or terminating. */
function enactJobFinished(ctx: SyncContext, finished: JobConditionRecord): boolean {
  const status = ctx.job.status;
  if (status.uncountedSucceeded.length + status.uncountedFailed.length > 0) return false;
  if (ctx.terminating > 0) return false;
  const existing = ctx.job.condition(finished.type);
  if (existing === undefined) status.conditions.push(finished);
  else if (
    existing.status !== finished.status ||
    existing.reason !== finished.reason ||
    existing.message !== finished.message
  ) {
    Object.assign(existing, finished);
  }
  if (finished.type === "Complete") status.completionMs = finished.lastTransitionMs;
  ctx.job.finished = true;
  return true;
}

function recordJobFinished(jc: JobController, ctx: SyncContext, finished: JobConditionRecord): void {
  const rec = jc.recorder;
  if (rec === null) return;
  const job = ctx.job;
  if (finished.type === "Complete") {
    if (job.view.completions !== -1 && job.status.succeeded > job.view.completions) {
      rec.record(
        jobRef(job),
        "Warning",
        "TooManySucceededPods",
        "Too many succeeded pods running after completion count reached",
        JOB_CONTROLLER_COMPONENT,
      );
    }
    rec.record(jobRef(job), "Normal", "Completed", "Job completed", JOB_CONTROLLER_COMPONENT);
  } else {
    rec.record(jobRef(job), "Warning", finished.reason, finished.message, JOB_CONTROLLER_COMPONENT);
  }
}
