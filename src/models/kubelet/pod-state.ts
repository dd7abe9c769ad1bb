import { type ContainerRun, NONE, objectList } from "../objects.js";
import { CrashBackoff } from "./crash-backoff.js";

/**
 * The kubelet's memory of one pod: per container, the pending event, pull and restart state.
 * Reused across Monte Carlo runs (see Kubelet.reset): `init` returns it to the state a new
 * one has, so a reused state is indistinguishable from a fresh one.
 */
export class PodState {
  readonly handles: number[] = [];
  /** Restart back-off per container, made on the first restart (most pods never restart). */
  readonly crash: (CrashBackoff | null)[] = objectList();
  readonly retries: number[] = [];
  readonly pullRequestedMs: number[] = [];
  readonly pullTookMs: number[] = [];
  /**
   * The reason cache (pkg/kubelet/reason_cache.go): the CrashLoopBackOff message the last
   * SyncPod left for a container, or null. kubelet.go SyncPod writes the status before it calls
   * the runtime and updates this cache after, so the message shows from the next status on.
   */
  readonly crashLoopMessage: (string | null)[] = objectList();
  /** A run whose postStart sleep hook is under way (kuberuntime_container.go startContainer runs
   * the hook after StartContainer and before it returns): the process runs, the status does not
   * show it yet. Null otherwise. */
  readonly postStartRun: (ContainerRun | null)[] = objectList();
  /** When the postStart hook under way ends (the pod worker runs one SyncPod at a time, so one
   * at most), or NONE. */
  postStartEndMs = NONE;
  killing = false;
  /** The kill under way stops the sidecars of a pod whose regular containers are done. */
  stoppingSidecars = false;
  /** The grace period of the kill under way (the pod worker's: at least 1 s). */
  killGraceSeconds = 0;
  done = false;
  /** The pending active-deadline check (spec.activeDeadlineSeconds), or NONE. */
  deadlineHandle = NONE;
  /** The pod worker's pending retry after a sync that stopped at a crash back-off, or NONE: one
   * work-queue entry per pod (pod_workers.go), whichever container it is for. */
  retryHandle = NONE;
  /** Past its activeDeadlineSeconds: the kill ends in phase Failed, reason DeadlineExceeded. */
  deadlineExceeded = false;

  init(n: number): this {
    // pop()/push() rather than the length setter: truncating through it is a slow runtime call.
    while (this.handles.length > n) {
      this.handles.pop();
      this.crash.pop();
      this.retries.pop();
      this.pullRequestedMs.pop();
      this.pullTookMs.pop();
      this.crashLoopMessage.pop();
      this.postStartRun.pop();
    }
    for (let i = 0; i < this.handles.length; i++) {
      this.handles[i] = NONE;
      this.crash[i] = null;
      this.retries[i] = 0;
      this.pullRequestedMs[i] = NONE;
      this.pullTookMs[i] = 0;
      this.crashLoopMessage[i] = null;
      this.postStartRun[i] = null;
    }
    while (this.handles.length < n) {
      this.handles.push(NONE);
      this.crash.push(null);
      this.retries.push(0);
      this.pullRequestedMs.push(NONE);
      this.pullTookMs.push(0);
      this.crashLoopMessage.push(null);
      this.postStartRun.push(null);
    }
    this.postStartEndMs = NONE;
    this.killing = false;
    this.stoppingSidecars = false;
    this.killGraceSeconds = 0;
    this.done = false;
    this.deadlineHandle = NONE;
    this.retryHandle = NONE;
    this.deadlineExceeded = false;
    return this;
  }

  /** Cancels every pending event of the pod (`cancel`: the simulation's) and forgets them. */
  cancelPending(cancel: (handle: number) => void): void {
    for (let i = 0; i < this.handles.length; i++) {
      if (this.handles[i] !== NONE) cancel(this.handles[i]);
      this.handles[i] = NONE;
    }
    if (this.deadlineHandle !== NONE) cancel(this.deadlineHandle);
    this.deadlineHandle = NONE;
    if (this.retryHandle !== NONE) cancel(this.retryHandle);
    this.retryHandle = NONE;
  }

  crashBackoff(i: number): CrashBackoff {
    let c = this.crash[i];
    if (c === null) {
      c = new CrashBackoff();
      this.crash[i] = c;
    }
    return c;
  }
}
