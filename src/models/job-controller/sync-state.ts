import { type JobConditionRecord, type JobRecord, NONE, objectList, type PodRecord } from "../objects.js";
import { type BackoffRecord, emptyBackoff } from "./backoff.js";
import type { Intervals } from "./indexed.js";

/**
 * The Job controller's state (job-controller.ts): what it remembers of each Job between syncs,
 * and the scratch space of one sync.
 */

/** The controller's memory of one Job. Lost when the Job finishes or is deleted. */
export class JobSyncState {
  /** Work queue (work-queue.ts): the waiting-heap entry (its ready time) and the ready-queue one. */
  queuedAt = NONE;
  queueHandle = NONE;
  readyHandle = NONE;
  backoff: BackoffRecord = emptyBackoff();
  activeDeadlineMs = NONE;
  // What the last full sync saw and did, to answer a sync whose inputs have not changed since
  // (see syncJob): the Job's and its pods' versions, the timers it set, and until when the
  // same inputs give the same decisions (the back-off expiry, the deadline).
  memoJobVersion = NONE;
  memoPodsVersion = NONE;
  memoUntil = NONE;
  memoDeadlineAt = NONE;
  memoBackoffAt = NONE;
  /** Syncs in a row that ended in error (a pod creation refused): the work queue's rate limiter
   * (ItemExponentialFailureRateLimiter) requeues after 1 s · 2^failures, at most 60 s. */
  apiFailures = 0;

  /** Back to a new state's values (the controller recycles states at a reset: Monte Carlo). */
  reuse(): this {
    this.queuedAt = NONE;
    this.queueHandle = NONE;
    this.readyHandle = NONE;
    this.backoff.failuresAfterLastSuccess = 0;
    this.backoff.lastFailureMs = NONE;
    this.activeDeadlineMs = NONE;
    this.memoJobVersion = NONE;
    this.memoPodsVersion = NONE;
    this.memoUntil = NONE;
    this.memoDeadlineAt = NONE;
    this.memoBackoffAt = NONE;
    this.apiFailures = 0;
    return this;
  }
}

/** Per-sync working set (reused between syncs: no allocation per sync). */
export class SyncContext {
  job!: JobRecord;
  now = 0;
  active = 0;
  ready = 0;
  terminating = 0;
  succeeded = 0;
  failed = 0;
  readonly activePods: PodRecord[] = objectList();
  readonly newSucceededTimes: number[] = [];
  readonly newFailedTimes: number[] = [];
  readonly newBackoff: BackoffRecord = emptyBackoff();
  /** Indexed Jobs: the completed indexes of .status.completedIndexes, and with the pods that
   * succeeded since (calculateSucceededIndexes). */
  prevSucceededIndexes: Intervals = [];
  succeededIndexes: Intervals = [];
  /** backoffLimitPerIndex: the failed indexes (calculateFailedIndexes), else null; and per index
   * the failed pod whose finalizer waits for its replacement (per-index.ts). */
  failedIndexes: Intervals | null = null;
  readonly delayedByIndex = new Map<number, PodRecord>();
  /** The decided end: FailureTarget/Failed or SuccessCriteriaMet/Complete, or null. */
  finished: JobConditionRecord | null = null;
  startTimeSetNow = false;
  /** deleteActivePods deleted `activePods` in this sync (see trackJobStatusAndRemoveFinalizers). */
  deletedActive = false;
  /** manageJob had a pod creation refused: the sync returns an error. */
  createRefused = false;

  reset(job: JobRecord, now: number): void {
    this.job = job;
    this.now = now;
    this.active = 0;
    this.ready = 0;
    this.terminating = 0;
    // pop() rather than `length = 0`: truncating through the length setter is a slow runtime call.
    while (this.activePods.length > 0) this.activePods.pop();
    while (this.newSucceededTimes.length > 0) this.newSucceededTimes.pop();
    while (this.newFailedTimes.length > 0) this.newFailedTimes.pop();
    this.finished = null;
    this.startTimeSetNow = false;
    this.deletedActive = false;
    this.createRefused = false;
    this.failedIndexes = null;
  }
}
