import { NONE, type PodRecord } from "../objects.js";
import { podFinishedMs, remainingBackoffMs } from "./backoff.js";
import { isPodFailed } from "./conditions.js";
import {
  ascendingOnce,
  hasValidIndex,
  intervalsHave,
  parseIndexIntervals,
  podIndexes,
  withOrderedIndexes,
} from "./indexed.js";
import { countsAsFailure, matchPodFailurePolicy } from "./pod-failure-policy.js";
import type { SyncContext } from "./sync-state.js";

/**
 * backoffLimitPerIndex (pkg/controller/job/indexed_job_utils.go, backoff_utils.go; reference
 * §2.4, §3.8): each index of an Indexed Job has its own failure count, carried from a failed pod
 * to its replacement in the `job-index-failure-count` annotation (and Ignored failures in
 * `job-index-ignored-failure-count`); an index fails when a counted failure finds the count at
 * the limit, or a FailIndex rule matches; failed indexes are not retried. The last failed pod of
 * an index keeps its tracking finalizer until its replacement exists (it carries the count), and
 * the replacement waits the back-off of that index alone.
 */

/** isIndexFailed: this failed pod ends its index. */
export function isIndexFailed(ctx: SyncContext, pod: PodRecord): boolean {
  const job = ctx.job;
  if (!isPodFailed(pod, job)) return false;
  let counted = true;
  const policy = job.view.podFailurePolicy;
  if (policy !== null) {
    const m = matchPodFailurePolicy(policy, pod);
    if (m.action === "FailIndex") return true;
    counted = countsAsFailure(m);
  }
  return counted && pod.indexFailureCount >= job.view.backoffLimitPerIndex;
}

/** A valid index below completions, of a pod not yet counted (getValidPodsWithFilter). */
function uncountedWithIndex(pod: PodRecord, completions: number): boolean {
  return pod.trackingFinalizer && pod.uncounted === 0 && hasValidIndex(pod, completions);
}

/** calculateFailedIndexes, into the sync context: .status.failedIndexes with the indexes failed since. */
export function failedIndexes(ctx: SyncContext): void {
  const job = ctx.job;
  const completions = job.view.completions;
  const prev = parseIndexIntervals(job.status.failedIndexes ?? "", completions);
  const fresh: number[] = [];
  for (const p of job.pods)
    if (uncountedWithIndex(p, completions) && isIndexFailed(ctx, p)) fresh.push(p.completionIndex);
  ctx.failedIndexes = withOrderedIndexes(prev, ascendingOnce(fresh));
}

/**
 * getPodsWithDelayedDeletionPerIndex, into the sync context: per index neither succeeded, failed
 * nor active, its failed pod with the most failures (absolute: counted and ignored), the later
 * finished on a tie — the pod a replacement takes its count from, whose finalizer stays till then.
 */
export function delayedDeletionPerIndex(ctx: SyncContext): void {
  const job = ctx.job;
  const completions = job.view.completions;
  const delayed = ctx.delayedByIndex;
  delayed.clear();
  const active = new Set(podIndexes(ctx.activePods));
  const failed = ctx.failedIndexes ?? [];
  for (const p of job.pods) {
    if (!uncountedWithIndex(p, completions) || !isPodFailed(p, job)) continue;
    const ix = p.completionIndex;
    if (intervalsHave(ctx.succeededIndexes, ix) || intervalsHave(failed, ix) || active.has(ix)) continue;
    const last = delayed.get(ix);
    if (
      last === undefined ||
      (absoluteFailures(last) <= absoluteFailures(p) && podFinishedMs(p) >= podFinishedMs(last))
    )
      delayed.set(ix, p);
  }
}

function absoluteFailures(p: PodRecord): number {
  return p.indexFailureCount + p.indexIgnoredFailureCount;
}

/** getNewIndexFailureCounts: the counts a replacement of `replaced` carries ([0, 0] for a first pod). */
export function newIndexFailureCounts(ctx: SyncContext, replaced: PodRecord | undefined): [number, number] {
  if (replaced === undefined) return [0, 0];
  const policy = ctx.job.view.podFailurePolicy;
  if (policy !== null && !countsAsFailure(matchPodFailurePolicy(policy, replaced)))
    return [replaced.indexFailureCount, replaced.indexIgnoredFailureCount + 1];
  return [replaced.indexFailureCount + 1, replaced.indexIgnoredFailureCount];
}

/**
 * getPodCreationInfoForIndependentIndexes: of the pending `indexes`, those whose own back-off is
 * over (from the finish time of their delayed pod, with its absolute failures + 1). When none is,
 * `waitMs` is the shortest time left; when some are, the others wait for a later sync without a
 * requeue of their own, as upstream.
 */
export function indexesDueNow(
  ctx: SyncContext,
  indexes: readonly number[],
): { due: number[]; waitMs: number } {
  const due: number[] = [];
  let waitMs = NONE;
  for (const ix of indexes) {
    const last = ctx.delayedByIndex.get(ix);
    const remaining =
      last === undefined ? 0 : remainingBackoffMs(absoluteFailures(last) + 1, podFinishedMs(last), ctx.now);
    if (remaining === 0) due.push(ix);
    else if (waitMs === NONE || remaining < waitMs) waitMs = remaining;
  }
  return due.length > 0 ? { due, waitMs: NONE } : { due, waitMs };
}
