import { jobRef } from "../event-refs.js";
import { isTerminal, type JobRecord, NONE, type PodRecord } from "../objects.js";
import { podsForRemoval } from "./active-pods.js";
import { remainingBackoffMs } from "./backoff.js";
import { JOB_CONTROLLER_COMPONENT } from "./conditions.js";
import { duplicatedIndexPodsForRemoval, firstPendingIndexes, podIndexes } from "./indexed.js";
import {
  type JobController,
  MAX_POD_CREATE_DELETE_PER_SYNC,
  SYNC_JOB_BATCH_PERIOD_MS,
  type SyncContext,
} from "./job-controller.js";
import { indexesDueNow, newIndexFailureCounts } from "./per-index.js";

/**
 * manageJob (pkg/controller/job/job_controller.go): keep the number of active pods at what the
 * spec wants, respecting the pod-failure back-off. Returns the new `active` count (created
 * pods count as active at once). Deletions and creations never happen in the same sync.
 */

/** Creates a pod of `job` (the API server's create with generateName), of completion index
 * `index` (NONE when the Job is not Indexed), carrying its index's failure counts
 * (backoffLimitPerIndex). */
export interface PodCreator {
  /** null when the API server refused the pod (the Job's template holds what a pod may not). */
  createPod(
    job: JobRecord,
    index: number,
    indexFailures: number,
    indexIgnoredFailures: number,
  ): PodRecord | null;
  /** The API server's error for the creation just refused (`Pod "<name>" is invalid: ...`). */
  refusedPodMessage(job: JobRecord): string;
}

/** Nothing to delete (most syncs: no list made). */
const NO_PODS: readonly PodRecord[] = Object.freeze([]);

/** controller.SlowStartInitialBatchSize: creates go out in batches of 1, 2, 4, ... */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

export function manageJob(jc: JobController, ctx: SyncContext, activeIn: number): number {
  const job = ctx.job;
  const view = job.view;
  let active = activeIn;

  if (view.suspend) {
    const { removed, removedReady } = deleteJobPods(jc, job, ctx.activePods);
    ctx.terminating += removed;
    ctx.ready -= removedReady;
    return active - removed;
  }

  let wantActive: number;
  if (view.completions === -1) wantActive = ctx.succeeded > 0 ? active : view.parallelism;
  else wantActive = Math.max(0, Math.min(view.completions - ctx.succeeded, view.parallelism));

  const rmAtLeast = Math.max(0, active - wantActive);
  const toDelete = view.indexed
    ? indexedPodsForRemoval(ctx.activePods, rmAtLeast, view.completions)
    : rmAtLeast > 0
      ? podsForRemoval(ctx.activePods, Math.min(rmAtLeast, MAX_POD_CREATE_DELETE_PER_SYNC))
      : NO_PODS;
  if (toDelete.length > 0) {
    const { removed, removedReady } = deleteJobPods(jc, job, toDelete);
    ctx.terminating += removed;
    ctx.ready -= removedReady;
    return active - removed;
  }

  const terminating = view.replaceOnlyFailed ? ctx.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;

  // The Job's back-off; with backoffLimitPerIndex each index has its own instead (below).
  const perIndex = ctx.failedIndexes !== null;
  const b = ctx.newBackoff;
  const remaining = perIndex ? 0 : remainingBackoffMs(b.failuresAfterLastSuccess, b.lastFailureMs, ctx.now);
  if (remaining > 0) return waitForBackoff(jc, ctx, remaining, active);
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: number[] | null = null;
  if (view.indexed) {
    indexes = firstPendingIndexes(
      ctx.succeededIndexes,
      heldIndexes(ctx),
      diff,
      view.completions,
      ctx.failedIndexes,
    );
    if (perIndex) {
      const { due, waitMs } = indexesDueNow(ctx, indexes);
      if (waitMs !== NONE) return waitForBackoff(jc, ctx, waitMs, active);
      indexes = due;
    }
    diff = indexes.length;
  }
  active += diff;
  let next = 0;
  // Slow start: batches of 1, 2, 4, ...; after a batch with a refused creation the rest are
  // not attempted ("Slow-start failure"), and the sync ends in error (ctx.createRefused).
  for (
    let batch = Math.min(diff, SLOW_START_INITIAL_BATCH_SIZE);
    diff > 0;
    batch = Math.min(2 * batch, diff)
  ) {
    for (let i = 0; i < batch; i++) {
      const index = indexes === null ? NONE : indexes[next++];
      const [failures, ignored] = perIndex
        ? newIndexFailureCounts(ctx, ctx.delayedByIndex.get(index))
        : NO_FAILURES;
      const pod = jc.pods.createPod(job, index, failures, ignored);
      if (pod === null) {
        active--;
        ctx.createRefused = true;
        // pod_control.go CreatePods: FailedCreatePodReason, "Error creating: %v".
        jc.recorder?.record(
          jobRef(job),
          "Warning",
          "FailedCreate",
          `Error creating: ${jc.pods.refusedPodMessage(job)}`,
          JOB_CONTROLLER_COMPONENT,
        );
        continue;
      }
      jc.recorder?.record(
        jobRef(job),
        "Normal",
        "SuccessfulCreate",
        `Created pod: ${pod.name}`,
        JOB_CONTROLLER_COMPONENT,
      );
    }
    diff -= batch;
    if (ctx.createRefused) {
      active -= diff;
      break;
    }
  }
  return active;
}

/** The back-off is not over: requeue when it is (at least syncJobBatchPeriod on), create nothing. */
function waitForBackoff(jc: JobController, ctx: SyncContext, remainingMs: number, active: number): number {
  jc.enqueue(ctx.job, Math.max(remainingMs, SYNC_JOB_BATCH_PERIOD_MS));
  jc.state(ctx.job).memoBackoffAt = ctx.now + remainingMs;
  return active;
}

const NO_FAILURES: readonly [number, number] = [0, 0];

/**
 * activePodsForRemoval of an Indexed Job: pods without a valid index, past `completions` or
 * duplicating another's index, then the first of the others in ActivePods order until
 * `rmAtLeast`; at most MaxPodCreateDeletePerSync.
 */
function indexedPodsForRemoval(
  active: readonly PodRecord[],
  rmAtLeast: number,
  completions: number,
): PodRecord[] {
  const { rm, left } = duplicatedIndexPodsForRemoval(active, completions);
  if (rm.length < rmAtLeast) rm.push(...podsForRemoval(left, rmAtLeast - rm.length));
  return rm.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
}

/** Indexes not to give a new pod: the active pods', and with podReplacementPolicy Failed the
 * terminating pods' too (firstPendingIndexes). */
function heldIndexes(ctx: SyncContext): number[] {
  const job = ctx.job;
  if (!job.view.replaceOnlyFailed) return podIndexes(ctx.activePods);
  const held = [...ctx.activePods];
  for (const p of job.pods) if (p.deletionMs !== NONE && !isTerminal(p.phase)) held.push(p);
  return podIndexes(held);
}

/** deleteJobPods: finalizer removed first (the pod is not counted), then DELETE. */
function deleteJobPods(
  jc: JobController,
  job: JobRecord,
  pods: readonly PodRecord[],
): { removed: number; removedReady: number } {
  let removedReady = 0;
  for (const pod of [...pods]) {
    if (pod.ready) removedReady++;
    jc.store.removeTrackingFinalizer(pod);
    deletePod(jc, job, pod);
  }
  return { removed: pods.length, removedReady };
}

/** deleteActivePods: DELETE keeping finalizers — the Job has reached its end. */
export function deleteActivePods(
  jc: JobController,
  ctx: SyncContext,
): { deleted: number; deletedReady: number } {
  let deletedReady = 0;
  for (const pod of ctx.activePods) {
    if (pod.ready) deletedReady++;
    deletePod(jc, ctx.job, pod);
  }
  ctx.deletedActive = ctx.activePods.length > 0;
  return { deleted: ctx.activePods.length, deletedReady };
}

function deletePod(jc: JobController, job: JobRecord, pod: PodRecord): void {
  const grace = pod.spec.terminationGracePeriodSeconds ?? 30;
  jc.store.deletePod(pod, grace);
  jc.recorder?.record(
    jobRef(job),
    "Normal",
    "SuccessfulDelete",
    `Deleted pod: ${pod.name}`,
    JOB_CONTROLLER_COMPONENT,
  );
}
