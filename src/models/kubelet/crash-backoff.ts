import { goDuration } from "../api/go-duration.js";

/**
 * The kubelet's container restart back-off (pkg/kubelet/kubelet.go newCrashLoopBackOff over
 * client-go util/flowcontrol/backoff.go; kuberuntime_manager.go doBackOff), per container:
 * - a container is "in back-off" while now − finishedAt < current back-off;
 * - when it restarts, Next(finishedAt) sets the back-off — 10 s the first time or after a
 *   reset, else doubled, at most 300 s — and remembers the restart instant (lastUpdate);
 * - the entry has expired (reset) when an exit comes more than 600 s after the last restart,
 *   i.e. the container ran longer than 10 minutes;
 * - the kubelet's housekeeping (every 2 s, kubelet_pods.go HandlePodCleanups →
 *   crashLoopBackOff.GC()) deletes every entry whose last restart is more than 600 s past, so a
 *   run and its wait that together pass 600 s (a run longer than 300 s at the cap) lose the
 *   entry during the wait: the next sync restarts the container and starts again at 10 s. The
 *   housekeeping ticks are not modelled: the entry counts as gone from the first millisecond
 *   past 600 s (a real one lasts until the next tick, up to 2 s later).
 * So the waits before restarts are 0, 10 s, 20 s, 40 s, 80 s, 160 s, 300 s, 300 s, ...
 */

export const INITIAL_CONTAINER_BACKOFF_MS = 10_000;
export const MAX_CONTAINER_BACKOFF_MS = 300_000;
/** Hard-coded in the kubelet: a run longer than this resets the back-off. */
export const CONTAINER_BACKOFF_RESET_MS = 600_000;

export class CrashBackoff {
  backoffMs = 0;
  lastUpdateMs = -1;

  /** No entry at `nowMs` (never restarted, or garbage-collected), or one expired for an exit at
   * `finishedMs` (HasExpiredFunc: eventTime − lastUpdate > 600 s; GC asks it with eventTime = now). */
  private expired(finishedMs: number, nowMs: number): boolean {
    if (this.lastUpdateMs < 0) return true;
    return Math.max(finishedMs, nowMs) - this.lastUpdateMs > CONTAINER_BACKOFF_RESET_MS;
  }

  /** IsInBackOffSince(key, finishedAt), at `nowMs`. */
  inBackoff(finishedMs: number, nowMs: number): boolean {
    if (this.expired(finishedMs, nowMs)) return false;
    return nowMs - finishedMs < this.backoffMs;
  }

  /** When the back-off of a run that ended at `finishedMs` expires: the BackoffError's time
   * (doBackOff: finishedAt + the entry's current back-off). */
  expiresAtMs(finishedMs: number): number {
    return finishedMs + this.backoffMs;
  }

  /** Next(key, finishedAt), at restart time `nowMs` (client-go records lastUpdate = now). */
  next(finishedMs: number, nowMs: number): void {
    if (this.expired(finishedMs, nowMs)) this.backoffMs = INITIAL_CONTAINER_BACKOFF_MS;
    else this.backoffMs = Math.min(2 * this.backoffMs, MAX_CONTAINER_BACKOFF_MS);
    this.lastUpdateMs = nowMs;
  }
}

/** Pod-worker retry after a sync error: 10 s with up to 50% jitter (wait.Jitter(10s, 0.5)). */
export const POD_WORKER_BACKOFF_MS = 10_000;
export const POD_WORKER_JITTER = 0.5;

/** KubeletConfiguration syncFrequency (default 1 min): the pod worker's steady-state resync, and
 * from 1.35 the longest it waits before retrying a pod whose container is in crash back-off. */
export const POD_RESYNC_INTERVAL_MS = 60_000;

/** The pod worker's next try after a failed sync, for a uniform draw `u` in [0, 1). */
export function podWorkerRetryDelayMs(u: number): number {
  return Math.round(POD_WORKER_BACKOFF_MS * (1 + POD_WORKER_JITTER * u));
}

/**
 * 1.35: the next try after a sync that stopped at crash back-off (pod_workers.go completeWork):
 * the time left until the back-off expires, clamped to [0, resync interval], then
 * wait.Jitter(·, 0.5) — so never before the expiry while it is at most a minute away.
 */
export function crashLoopRetryDelayMs(remainingMs: number, u: number): number {
  const d = Math.min(Math.max(remainingMs, 0), POD_RESYNC_INTERVAL_MS);
  return Math.round(d * (1 + POD_WORKER_JITTER * u));
}

interface PodName {
  name: string;
  namespace: string;
  uid: string;
}

/** The BackOff event (kuberuntime_manager.go doBackOff). */
export function backOffEventMessage(container: string, pod: PodName): string {
  return `Back-off restarting failed container ${container} in pod ${pod.name}_${pod.namespace}(${pod.uid})`;
}

/** The container's waiting message in CrashLoopBackOff (kuberuntime_manager.go doBackOff). */
export function crashLoopWaitingMessage(backoffMs: number, container: string, pod: PodName): string {
  return `back-off ${goDuration(backoffMs)} restarting failed container=${container} pod=${pod.name}_${pod.namespace}(${pod.uid})`;
}
