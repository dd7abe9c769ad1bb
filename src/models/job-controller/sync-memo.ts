import { NONE } from "../objects.js";
import { MAX_UNCOUNTED_PODS } from "./job-controller.js";
import type { SyncContext } from "./sync-state.js";

/**
 * Whether a sync that wrote left the Job settled: a sync run right after it, on the state its
 * writes made (nothing else changed), would write nothing and set the same timers — so the
 * memo may answer it as for a sync that wrote nothing. True when this sync decided no end
 * (no FailureTarget/SuccessCriteriaMet, nothing to enact), set no startTime, and the Job has
 * no conditions, no podFailurePolicy, is not Indexed (not worked through for completed indexes),
 * is neither suspended nor being deleted, and nothing is
 * left uncounted (every finished pod it saw was counted and lost its finalizer: fewer than
 * MAX_UNCOUNTED_PODS of them, so the loop never stopped early). The next sync then scans
 * the same pods, minus finalizers, and finds: the same active/ready/terminating it just
 * wrote; no newly finished pod; succeeded/failed equal to what this sync counted, so the
 * same backoffLimit decision (none) and manageJob decision (its pods are counted active;
 * only the back-off delay moves with time); no condition to add. Time-dependent decisions
 * (back-off expiry, deadline) stay bounded by memoUntil as for any memo. (A first sync,
 * which sets startTime, is excluded if the Job has a deadline: its deadline timer counts
 * from `now`, the next sync's from startTime.)
 */
export function settledBy(ctx: SyncContext, uncountedBefore: number): boolean {
  const job = ctx.job;
  const status = job.status;
  const view = job.view;
  return (
    ctx.finished === null &&
    (!ctx.startTimeSetNow || view.activeDeadlineMs === NONE) &&
    job.deletionMs === NONE &&
    !view.indexed &&
    status.conditions.length === 0 &&
    view.podFailurePolicy === null &&
    !view.suspend &&
    status.uncountedSucceeded.length === 0 &&
    status.uncountedFailed.length === 0 &&
    uncountedBefore + ctx.newSucceededTimes.length + ctx.newFailedTimes.length < MAX_UNCOUNTED_PODS
  );
}
