import type { RandomSource } from "../../engine/random/keyed-streams.js";
import type { Xor128 } from "../../engine/random/xor128.js";
import type { Simulation } from "../../engine/simulation.js";
import type { EventRecorder } from "../events.js";
import { streamKey } from "../identity.js";
import { containerAt, NONE, type PodRecord, RestartPolicy } from "../objects.js";
import type { Store } from "../store.js";
import type { VersionProfile } from "../version-profile.js";
import { Action, type KubeletHost, P_POD_WORKER } from "./actions.js";
import { enterCrashLoop } from "./container-transitions.js";
import {
  backOffEventMessage,
  crashLoopRetryDelayMs,
  crashLoopWaitingMessage,
  podWorkerRetryDelayMs,
} from "./crash-backoff.js";
import type { PodState } from "./pod-state.js";

/** What restarts need of their kubelet (whose events they schedule). */
export interface RestartHost extends KubeletHost {
  /** The image step of a container's (re)start, then its create and start. */
  ensureImage(pod: PodRecord, i: number): void;
  /** The random-stream base of a pod (its Job's incarnation). */
  base(pod: PodRecord): number;
  /** The first PLEG relist (or sync-loop tick) at or after `t`. */
  relistAfter(t: number): number;
}

/**
 * A kubelet's pod workers as far as restarts go: which containers a sync restarts, the crash
 * back-off that holds the others, the reason cache that shows it, and the pod worker's retries.
 */
export class PodRestarts {
  constructor(
    private readonly host: RestartHost,
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly random: RandomSource,
    private readonly rng: Xor128,
    private readonly recorder: EventRecorder | null,
    private readonly profile: VersionProfile,
  ) {}

  /**
   * SyncPod's restarts (kuberuntime_manager.go computePodActions, then its start of each container
   * to start), over every container of the pod: one whose run ended, whose restart policy restarts
   * it and that is not being started already restarts now — at once the first time — unless its
   * crash back-off holds it (doBackOff: the BackOff event, and the waiting message into the reason
   * cache; the status this sync wrote still shows the ended run). A sync that stopped at a back-off
   * requeues the pod: one work-queue entry per pod, replaced by each sync (queue.go Enqueue); from
   * 1.35 at the earliest expiry (kubecontainer.MinBackoffExpiration over the sync's errors).
   */
  sync(pod: PodRecord, st: PodState): void {
    // (A sidecar restarts whatever the pod's restartPolicy: its own is Always.)
    if (st.killing || (pod.restartPolicy === RestartPolicy.Never && pod.sidecarCount === 0)) return;
    const now = this.sim.now;
    let first = -1;
    let expiry = Number.POSITIVE_INFINITY;
    // (Over every container, init containers first: containerAt's numbering.)
    const n = pod.initContainers.length + pod.containers.length;
    for (let i = 0; i < n; i++) {
      const c = containerAt(pod, i);
      const run = c.current;
      if (run === null || run.finishedMs === NONE || st.handles[i] !== NONE) continue;
      if (!c.sidecar) {
        if (pod.restartPolicy === RestartPolicy.Never) continue;
        if (run.exitCode === 0 && pod.restartPolicy !== RestartPolicy.Always) continue;
      }
      const crash = st.crashBackoff(i);
      if (!crash.inBackoff(run.finishedMs, now)) {
        crash.next(run.finishedMs, now);
        this.host.ensureImage(pod, i);
        continue;
      }
      if (this.recorder !== null)
        this.host.event(pod, c, "Warning", "BackOff", backOffEventMessage(c.name, pod));
      st.crashLoopMessage[i] =
        this.recorder !== null ? crashLoopWaitingMessage(crash.backoffMs, c.name, pod) : "";
      if (first < 0) first = i;
      expiry = Math.min(expiry, crash.expiresAtMs(run.finishedMs));
    }
    if (first < 0) return;
    if (st.retryHandle !== NONE) this.sim.cancel(st.retryHandle);
    const at = this.profile.crashLoopRetryAtExpiry ? expiry : NONE;
    st.retryHandle = this.podWorkerRetry(pod, st, first, Action.Retry, at);
  }

  /**
   * The pod worker's next sync after a failed one; returns its handle. The delay is
   * wait.Jitter(10 s, 0.5), or from 1.35, for a crash back-off, the time until `backoffExpiryMs`
   * (crashLoopRetryDelayMs); one draw per try, keyed by the container it is for (the first one in
   * back-off). The kubelet's sync loop hands the pod to its worker at the first 1 s tick after that
   * (syncLoopIteration → getPodsToSync: work-queue items due strictly before the tick), ticks
   * taken in the PLEG's phase as for the active-deadline check.
   */
  podWorkerRetry(pod: PodRecord, st: PodState, i: number, action: Action, backoffExpiryMs = NONE): number {
    this.random.reseed(
      this.rng,
      streamKey(this.host.base(pod), P_POD_WORKER),
      pod.ordinal,
      st.retries[i]++ * 64 + i,
    );
    const now = this.sim.now;
    const u = this.rng.next();
    const delay =
      backoffExpiryMs === NONE ? podWorkerRetryDelayMs(u) : crashLoopRetryDelayMs(backoffExpiryMs - now, u);
    return this.sim.scheduleAt(this.host.relistAfter(now + delay + 1), this.host, action * 256 + i, pod);
  }

  /** The pod worker's retry: its status shows what the last SyncPod left in the reason cache;
   * then SyncPod restarts what it may. */
  retry(pod: PodRecord, st: PodState): void {
    if (showReasonCache(pod, st)) this.store.updatePod(pod);
    this.sync(pod, st);
  }
}

/** Puts the reason cache's CrashLoopBackOff into the containers' status; whether any changed. */
export function showReasonCache(pod: PodRecord, st: PodState): boolean {
  let changed = false;
  for (let i = 0; i < st.crashLoopMessage.length; i++) {
    const message = st.crashLoopMessage[i];
    if (message !== null && enterCrashLoop(containerAt(pod, i), message)) changed = true;
  }
  return changed;
}
