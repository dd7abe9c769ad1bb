import type { EventHandler, Simulation } from "../../engine/simulation.js";
import type { EventRecorder } from "../events.js";
import {
  apiTime,
  isTerminal,
  type JobRecord,
  NONE,
  PodPhase,
  type PodRecord,
  RestartPolicy,
} from "../objects.js";
import { Pool } from "../pool.js";
import { type Store, WatchType } from "../store.js";
import { type BackoffRecord, nextBackoffRecord, podFinishedMs } from "./backoff.js";
import {
  failJobCondition,
  isPodFailed,
  JOB_CONTROLLER_COMPONENT,
  newCondition,
  pastActiveDeadline,
  pastBackoffLimitOnFailure,
  updateSuspendCondition,
} from "./conditions.js";
import { hasValidIndex, intervalsTotal, succeededIndexes } from "./indexed.js";
import { deleteActivePods, manageJob, type PodCreator } from "./manage-job.js";
import { delayedDeletionPerIndex, failedIndexes } from "./per-index.js";
import { countsAsFailure, matchPodFailurePolicy } from "./pod-failure-policy.js";
import { matchSuccessPolicy, SUCCESS_POLICY_REASON } from "./success-policy.js";
import { settledBy } from "./sync-memo.js";
import { JobSyncState, SyncContext } from "./sync-state.js";
import { trackingHasWork, trackJobStatusAndRemoveFinalizers } from "./track-status.js";
import { queueAdd, queueDrop, queueTake } from "./work-queue.js";

export { isPodFailed, JOB_CONTROLLER_COMPONENT, JobSyncState, newCondition, SyncContext };

/**
 * The Job controller (pkg/controller/job/job_controller.go): a work queue of Jobs fed by
 * watch events, and `syncJob`, which counts pods, decides whether the Job has finished (its
 * conditions and limits: conditions.ts), makes or removes pods (manage-job.ts) and writes status
 * (track-status.ts).
 *
 * Work-queue semantics (client-go delaying queue): work-queue.ts; syncs of one Job never overlap.
 * Delays: Job added or spec changed → now; pod events and our own status writes → 1 s
 * (syncJobBatchPeriod); pod-failure back-off → max(remaining, 1 s); activeDeadlineSeconds →
 * the deadline.
 *
 * A sync that fails — here only when the API server refuses the pods the template makes
 * (PodCreator.createPod) — is retried through the work queue's rate limiter (syncFailed).
 * Not modelled because nothing in a simulator makes them happen: other API write errors,
 * informer lag and the expectations that cover it (every write is visible at once here),
 * managedBy handoffs beyond skipping the Job.
 */

/** syncJobBatchPeriod: pod events and status-only updates sync a Job after 1 s. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
/** DefaultJobApiBackOff and MaxJobApiBackOff: the work queue's rate limiter after a sync that
 * failed waits 1 s, doubling per failure in a row, at most 60 s. */
export const DEFAULT_JOB_API_BACKOFF_MS = 1000;
export const MAX_JOB_API_BACKOFF_MS = 60_000;
/** MaxUncountedPods: at most 500 UIDs in .status.uncountedTerminatedPods per sync. */
export const MAX_UNCOUNTED_PODS = 500;
/** MaxPodCreateDeletePerSync: at most 500 pods created or deleted per sync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** The sync memo (see syncJob) can be switched off, for tests that hold it to giving the
 * same histories as full syncs. */
export const syncMemo = { enabled: true };

export class JobController implements EventHandler {
  private readonly ctx = new SyncContext();
  /** States for reuse (a state is reached only through its Job's controllerState; a reset
   * drops every Job, so they are free again then). */
  private readonly states = new Pool<JobSyncState>();
  private readonly orphanWorker: EventHandler;

  constructor(
    readonly sim: Simulation,
    readonly store: Store,
    readonly recorder: EventRecorder | null,
    readonly pods: PodCreator,
  ) {
    // Watches: the cluster delivers this controller's job and pod events (see Cluster.onPod).
    // Orphan pods (their Job is gone or finished) lose the tracking finalizer at once.
    this.orphanWorker = { handleEvent: (_a, ref) => this.store.removeTrackingFinalizer(ref as PodRecord) };
  }

  /** A new run of the cluster: no Jobs, so no Job state is in use. */
  reset(): void {
    this.states.releaseAll();
  }

  // ---- watch handlers ------------------------------------------------------------------------

  onJob(type: WatchType, job: JobRecord, generationChanged: boolean): void {
    if (type === WatchType.Added) {
      this.enqueue(job, 0);
      return;
    }
    if (type === WatchType.Deleted) {
      const st = job.controllerState as JobSyncState | null;
      if (st !== null) queueDrop(this.sim, st);
      job.controllerState = null;
      for (const p of job.pods) if (p.trackingFinalizer) this.sim.schedule(0, this.orphanWorker, 0, p);
      return;
    }
    if (job.finished) return;
    this.enqueue(job, generationChanged ? 0 : SYNC_JOB_BATCH_PERIOD_MS);
    const st = this.state(job);
    const ads = job.view.activeDeadlineMs;
    if (ads !== st.activeDeadlineMs) {
      st.activeDeadlineMs = ads;
      if (ads !== NONE && job.status.startMs !== NONE)
        this.enqueue(job, Math.max(0, ads - (this.sim.now - job.status.startMs)));
    }
  }

  onPod(type: WatchType, pod: PodRecord): void {
    const job = pod.owner;
    if (job === null || job.removed || job.finished) {
      if (pod.trackingFinalizer && type !== WatchType.Deleted)
        this.sim.schedule(0, this.orphanWorker, 0, pod);
      return;
    }
    this.enqueue(job, SYNC_JOB_BATCH_PERIOD_MS);
  }

  // ---- work queue ----------------------------------------------------------------------------

  state(job: JobRecord): JobSyncState {
    const st = job.controllerState as JobSyncState | null;
    return st !== null ? st : this.newState(job);
  }

  private newState(job: JobRecord): JobSyncState {
    const free = this.states.take();
    const st = free === undefined ? this.states.add(new JobSyncState()) : free.reuse();
    st.activeDeadlineMs = job.view.activeDeadlineMs;
    job.controllerState = st;
    return st;
  }

  /** AddAfter (an Add when the delay is not positive): work-queue.ts. */
  enqueue(job: JobRecord, delayMs: number): void {
    queueAdd(this.sim, this, this.state(job), job, delayMs);
  }

  handleEvent(arg: number, ref: unknown): void {
    const job = ref as JobRecord;
    const st = job.controllerState as JobSyncState | null;
    if (st !== null) queueTake(this.sim, st, arg);
    this.syncJob(job);
  }

  // ---- syncJob -----------------------------------------------------------------------------

  syncJob(job: JobRecord): void {
    if (job.removed || job.view.managedByOther) return;
    if (job.finished) {
      job.controllerState = null; // the back-off record goes with a finished Job
      return;
    }
    const now = this.sim.now;
    const st = this.state(job);
    // Nothing read by syncJob has changed since the last full sync, and no time-dependent
    // decision (back-off expiry, deadline) is due: the full sync would decide the same and
    // write nothing, so only its timer requeues are repeated. A memo, not a shortcut model —
    // identical outcomes (the fingerprint tests hold it to that).
    if (
      syncMemo.enabled &&
      st.memoJobVersion === job.resourceVersion &&
      st.memoPodsVersion === job.podsVersion &&
      now < st.memoUntil
    ) {
      if (st.memoDeadlineAt !== NONE) this.enqueue(job, st.memoDeadlineAt - now);
      if (st.memoBackoffAt !== NONE)
        this.enqueue(job, Math.max(st.memoBackoffAt - now, SYNC_JOB_BATCH_PERIOD_MS));
      return;
    }
    st.memoDeadlineAt = NONE;
    st.memoBackoffAt = NONE;
    const seenJobVersion = job.resourceVersion;
    const seenPodsVersion = job.podsVersion;
    const ctx = this.ctx;
    ctx.reset(job, now);
    const view = job.view;
    const status = job.status;
    const uncountedBefore = status.uncountedSucceeded.length + status.uncountedFailed.length;

    let newFailedCounted = 0;
    for (const pod of job.pods) {
      const terminal = isTerminal(pod.phase);
      if (!terminal && pod.deletionMs === NONE) {
        ctx.activePods.push(pod);
        if (pod.ready) ctx.ready++;
      }
      if (pod.deletionMs !== NONE && !terminal) ctx.terminating++;
      // (getValidPodsWithFilter: an Indexed Job's pod without a valid index below completions —
      // one a scale-down left past it — is neither a new success nor a new failure.)
      if (
        pod.trackingFinalizer &&
        pod.uncounted === 0 &&
        (!view.indexed || hasValidIndex(pod, view.completions))
      ) {
        if (pod.phase === PodPhase.Succeeded) ctx.newSucceededTimes.push(podFinishedMs(pod));
        else if (isPodFailed(pod, job)) {
          ctx.newFailedTimes.push(podFinishedMs(pod));
          if (
            view.podFailurePolicy === null ||
            countsAsFailure(matchPodFailurePolicy(view.podFailurePolicy, pod))
          )
            newFailedCounted++;
        }
      }
    }
    let active = ctx.activePods.length;
    ctx.succeeded = status.succeeded + ctx.newSucceededTimes.length + status.uncountedSucceeded.length;
    ctx.failed = status.failed + newFailedCounted + status.uncountedFailed.length;

    if (status.startMs === NONE && !view.suspend) {
      status.startMs = apiTime(now);
      ctx.startTimeSetNow = true;
    }
    nextBackoffRecord(st.backoff, ctx.newSucceededTimes, ctx.newFailedTimes, ctx.newBackoff);

    // The end state, in upstream's order: an existing SuccessCriteriaMet or FailureTarget,
    // a FailJob rule, backoffLimit, activeDeadlineSeconds.
    // (A Job without conditions — most syncs — has neither interim condition to look up.)
    if (status.conditions.length > 0) {
      const scm = job.condition("SuccessCriteriaMet");
      if (scm !== undefined && scm.status === "True") ctx.finished = scm;
      if (ctx.finished === null) {
        const ft = job.condition("FailureTarget");
        if (ft !== undefined && ft.status === "True")
          ctx.finished = newCondition("Failed", "True", ft.reason, ft.message, now);
      }
    }
    if (ctx.finished === null && view.podFailurePolicy !== null)
      ctx.finished = failJobCondition(job, now, this.recorder !== null);
    if (ctx.finished === null) {
      if (
        ctx.failed > view.backoffLimit ||
        (view.restartPolicy === RestartPolicy.OnFailure && pastBackoffLimitOnFailure(job))
      ) {
        ctx.finished = newCondition(
          "FailureTarget",
          "True",
          "BackoffLimitExceeded",
          "Job has reached the specified backoff limit",
          now,
        );
      } else if (view.activeDeadlineMs !== NONE && pastActiveDeadline(job, now)) {
        ctx.finished = newCondition(
          "FailureTarget",
          "True",
          "DeadlineExceeded",
          "Job was active longer than specified deadline",
          now,
        );
      } else if (view.activeDeadlineMs !== NONE && !view.suspend) {
        const start = ctx.startTimeSetNow ? now : status.startMs;
        this.enqueue(job, view.activeDeadlineMs - (now - start));
        st.memoDeadlineAt = start + view.activeDeadlineMs;
      }
    }

    if (view.indexed) {
      succeededIndexes(ctx);
      ctx.succeeded = intervalsTotal(ctx.succeededIndexes);
      if (view.backoffLimitPerIndex !== NONE) this.perIndexDecision(ctx, now);
      if (ctx.finished === null && view.successPolicy !== null) {
        const met = matchSuccessPolicy(view.successPolicy, view.completions, ctx.succeededIndexes);
        if (met !== null)
          ctx.finished = newCondition("SuccessCriteriaMet", "True", SUCCESS_POLICY_REASON, met, now);
      }
    }

    let suspendCondChanged = false;
    if (ctx.finished !== null) {
      const { deleted, deletedReady } = deleteActivePods(this, ctx);
      active -= deleted;
      ctx.terminating += deleted;
      ctx.ready -= deletedReady;
    } else {
      let manageJobCalled = false;
      if (job.deletionMs === NONE) {
        active = manageJob(this, ctx, active);
        manageJobCalled = true;
      }
      const complete =
        view.completions === NONE
          ? ctx.succeeded > 0 && active === 0
          : ctx.succeeded >= view.completions && active === 0;
      if (complete) {
        ctx.finished = newCondition(
          "SuccessCriteriaMet",
          "True",
          "CompletionsReached",
          "Reached expected number of succeeded pods",
          now,
        );
      } else if (manageJobCalled && (view.suspend || status.conditions.length > 0)) {
        // (Neither suspended nor any condition: updateSuspendCondition would find nothing to do.)
        suspendCondChanged = updateSuspendCondition(job, now, this.recorder);
      }
    }

    const needsStatusUpdate =
      !status.written ||
      suspendCondChanged ||
      active !== status.active ||
      ctx.ready !== status.ready ||
      ctx.terminating !== status.terminating;
    status.active = active;
    status.ready = ctx.ready;
    status.terminating = ctx.terminating;
    if (trackingHasWork(ctx, needsStatusUpdate))
      trackJobStatusAndRemoveFinalizers(this, ctx, needsStatusUpdate);
    // A sync that changed nothing saw what the next one will see; so did one whose own writes
    // leave nothing for the next to do (settledBy), once they are done.
    if (job.resourceVersion === seenJobVersion && job.podsVersion === seenPodsVersion) {
      st.memoJobVersion = seenJobVersion;
      st.memoPodsVersion = seenPodsVersion;
    } else if (settledBy(ctx, uncountedBefore)) {
      st.memoJobVersion = job.resourceVersion;
      st.memoPodsVersion = job.podsVersion;
    } else {
      st.memoJobVersion = NONE;
      st.memoPodsVersion = seenPodsVersion;
    }
    st.memoUntil = Math.min(
      st.memoDeadlineAt === NONE ? Number.POSITIVE_INFINITY : st.memoDeadlineAt,
      st.memoBackoffAt === NONE ? Number.POSITIVE_INFINITY : st.memoBackoffAt,
    );
    if (ctx.createRefused) this.syncFailed(job, st);
    else st.apiFailures = 0; // the work queue's Forget
  }

  /**
   * A sync that returned an error (processNextWorkItem): the Job goes back into the work queue
   * through its rate limiter, and the next sync tries again in full (its own creations are what
   * failed: no memo answers it).
   */
  private syncFailed(job: JobRecord, st: JobSyncState): void {
    const delay = Math.min(DEFAULT_JOB_API_BACKOFF_MS * 2 ** st.apiFailures, MAX_JOB_API_BACKOFF_MS);
    st.apiFailures++;
    this.enqueue(job, delay);
    st.memoJobVersion = NONE;
    st.memoPodsVersion = NONE;
  }

  /** backoffLimitPerIndex: the failed indexes, the end they decide (maxFailedIndexes exceeded, or
   * every index succeeded or failed with some failed), and the pods whose deletion waits. */
  private perIndexDecision(ctx: SyncContext, now: number): void {
    const view = ctx.job.view;
    failedIndexes(ctx);
    if (ctx.finished === null) {
      const failed = intervalsTotal(ctx.failedIndexes!);
      if (view.maxFailedIndexes !== NONE && failed > view.maxFailedIndexes)
        ctx.finished = newCondition(
          "FailureTarget",
          "True",
          "MaxFailedIndexesExceeded",
          "Job has exceeded the specified maximal number of failed indexes",
          now,
        );
      else if (failed > 0 && failed + intervalsTotal(ctx.succeededIndexes) >= view.completions)
        ctx.finished = newCondition("FailureTarget", "True", "FailedIndexes", "Job has failed indexes", now);
    }
    delayedDeletionPerIndex(ctx);
  }

  /** Saves the back-off record computed by this sync (done when status is flushed). */
  saveBackoff(job: JobRecord, rec: BackoffRecord): void {
    const st = this.state(job);
    st.backoff.failuresAfterLastSuccess = rec.failuresAfterLastSuccess;
    st.backoff.lastFailureMs = rec.lastFailureMs;
  }
}
