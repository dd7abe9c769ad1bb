import type { Simulation } from "../../engine/simulation.js";
import { podRef } from "../event-refs.js";
import type { EventRecorder } from "../events.js";
import {
  type ContainerRun,
  type ContainerStatus,
  isTerminal,
  NONE,
  PodPhase,
  type PodRecord,
} from "../objects.js";
import type { Store } from "../store.js";
import {
  Action,
  DEADLINE_EXCEEDED_MESSAGE,
  DEADLINE_EXCEEDED_REASON,
  KUBELET_COMPONENT,
  type KubeletHost,
  MINIMUM_KILL_GRACE_SECONDS,
  MINIMUM_POD_WORKER_GRACE_SECONDS,
} from "./actions.js";
import { enterTerminalPhase, markNotReady, updatePhase } from "./pod-phase.js";
import { showReasonCache } from "./pod-restarts.js";
import type { PodState } from "./pod-state.js";
import { hasCrashLoop, planKill, replanKill, showLastRuns, terminateContainers } from "./termination.js";

/** What the kill of a pod's containers needs of its kubelet (whose events it schedules). */
export interface KillHost extends KubeletHost {
  /** How long a run takes to stop after SIGTERM (its terminationSeconds draw). */
  terminationMs(pod: PodRecord, c: ContainerStatus, run: ContainerRun): number;
  /** The first PLEG relist at or after `t`. */
  relistAfter(t: number): number;
  /** Containers whose postStart hook is under way count as running from now on. */
  endPostStarts(pod: PodRecord, st: PodState): void;
}

/**
 * A kubelet's kills of pods: for a deletion (Killing, SIGTERM, exit after terminationSeconds or
 * SIGKILL at the grace period, then the terminal status and the confirming DELETE) and past a
 * pod's spec.activeDeadlineSeconds (active_deadline.go).
 */
export class PodKills {
  /** Pending end-of-kill events, by pod. */
  private readonly handles = new Map<PodRecord, number>();

  private readonly cancel = (handle: number) => {
    this.sim.cancel(handle);
  };

  constructor(
    private readonly host: KillHost,
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly recorder: EventRecorder | null,
    private readonly nodeName: string,
    /** The version writes status.observedGeneration (VersionProfile.podObservedGeneration). */
    private readonly writesObservedGeneration: boolean,
  ) {}

  /** A new run: no kills pending. */
  reset(): void {
    if (this.handles.size > 0) this.handles.clear();
  }

  /** The pod is gone: its pending end of kill goes with it. */
  forget(pod: PodRecord): void {
    const k = this.handles.get(pod);
    if (k !== undefined) this.sim.cancel(k);
    this.handles.delete(pod);
  }

  /** Stops the pod's containers within `graceSeconds`; nothing else of the pod happens meanwhile. */
  start(pod: PodRecord, st: PodState, graceSeconds = pod.deletionGraceSeconds, endAtRelist = false): void {
    st.killing = true;
    st.killGraceSeconds = Math.max(graceSeconds, MINIMUM_POD_WORKER_GRACE_SECONDS);
    this.host.endPostStarts(pod, st);
    st.cancelPending(this.cancel);
    // killContainer (kuberuntime_container.go) takes the pod worker's grace period (never below
    // 1 s: pod_workers.go calculateEffectiveGracePeriod) and then raises anything below
    // minimumGracePeriodInSeconds to it before StopContainer: a grace of 0 or 1 still gives 2 s.
    const graceMs = Math.max(graceSeconds, MINIMUM_KILL_GRACE_SECONDS) * 1000;
    // A preStop hook runs only with a grace period left (killContainer: `gracePeriod > 0`): the pod
    // worker's (at least 1 s) for a kill of SyncTerminatingPod, the pod's own for the runtime
    // SyncPod's kill of the sidecars after the run (`endAtRelist`; no override there).
    const hookGraceSeconds = endAtRelist ? graceSeconds : st.killGraceSeconds;
    const doneAt = planKill(pod, this.sim.now, hookGraceSeconds, graceMs, (c, run) => {
      if (this.recorder !== null)
        this.host.event(pod, c, "Normal", "Killing", `Stopping container ${c.name}`);
      return this.host.terminationMs(pod, c, run);
    });
    // SyncTerminatingPod writes a status before it kills (generateAPIPodStatus, SetPodStatus),
    // sent when it differs from the last one: a crash-looping container of a deleted pod shows
    // its last run, and the deletion's generation bump reaches observedGeneration. When the kill
    // ends at once, that write and the kill's own (terminateContainers) are one.
    if (doneAt > this.sim.now && pod.deletionMs !== NONE && this.terminatingStatusDiffers(pod))
      this.sim.schedule(0, this.host, Action.TerminatingStatus * 256, pod);
    const endAt = endAtRelist ? this.host.relistAfter(doneAt) : doneAt;
    this.handles.set(pod, this.sim.scheduleAt(endAt, this.host, Action.Killed * 256, pod));
  }

  private terminatingStatusDiffers(pod: PodRecord): boolean {
    return hasCrashLoop(pod) || (this.writesObservedGeneration && pod.observedGeneration !== pod.generation);
  }

  /** A write to a pod with a deletionTimestamp: the kill starts, or one under way may shorten. */
  deleted(pod: PodRecord, st: PodState): void {
    if (!st.killing) this.start(pod, st);
    else this.shorten(pod, st);
  }

  /**
   * The pod being killed was deleted (again) with a shorter grace period. pod_workers.go UpdatePod
   * takes it when calculateEffectiveGracePeriod gives less than the kill under way (the pod
   * worker's period, at least 1 s) and cancels that SyncTerminatingPod; the next one kills the
   * containers still running again — a Killing event each — with the shorter period (at least
   * 2 s from now, as in `start`). A container that would stop on the first SIGTERM before then
   * keeps its exit; any other is SIGKILLed (137) then.
   */
  private shorten(pod: PodRecord, st: PodState): void {
    const grace = Math.max(pod.deletionGraceSeconds, MINIMUM_POD_WORKER_GRACE_SECONDS);
    if (grace >= st.killGraceSeconds) return;
    st.killGraceSeconds = grace;
    const now = this.sim.now;
    const doneAt = replanKill(pod, now, now + Math.max(grace, MINIMUM_KILL_GRACE_SECONDS) * 1000, (c) => {
      if (this.recorder !== null)
        this.host.event(pod, c, "Normal", "Killing", `Stopping container ${c.name}`);
    });
    const k = this.handles.get(pod);
    if (k !== undefined) this.sim.cancel(k);
    this.handles.set(pod, this.sim.scheduleAt(doneAt, this.host, Action.Killed * 256, pod));
  }

  /**
   * Past spec.activeDeadlineSeconds (active_deadline.go ShouldEvict): generateAPIPodStatus says
   * Failed, DeadlineExceeded, and syncPod kills the containers with the pod's termination grace
   * period. While they may still run, status_manager.go mergePodStatus keeps the old phase,
   * reason and message: the pod stays Running (the Job controller does not count it failed
   * yet), with its Ready and ContainersReady conditions False, reason PodFailed (generated for
   * the Failed phase). The phase turns Failed, DeadlineExceeded, when the kill is over. A pod
   * already terminal, or being killed for its deletion, is left as it is.
   */
  deadlineExceeded(pod: PodRecord, st: PodState): void {
    if (isTerminal(pod.phase) || st.killing) return;
    // The status is generated by SyncPod, then at the start of SyncTerminatingPod: two events.
    this.recordDeadlineExceeded(pod, 2);
    st.deadlineExceeded = true;
    showReasonCache(pod, st);
    markNotReady(pod, PodPhase.Failed, this.sim.now);
    this.store.updatePod(pod);
    this.start(pod, st, pod.spec.terminationGracePeriodSeconds ?? 30);
  }

  /**
   * The regular containers are done and will not run again (or an init container failed under
   * restartPolicy Never): the kubelet kills the sidecars still up (computePodActions finds nothing
   * to keep: KillPod) with the pod's termination grace period, a Killing event each; the phase the
   * pod has reached is written once they are stopped (killed).
   *
   * When the regular containers ran (`afterRun`), that kill is the runtime SyncPod's
   * (kuberuntime_manager.go computePodActions KillPod, SyncPod → killPodWithSyncResult): the sync
   * ends with the sidecars stopped, and the one that sees them exited and writes the terminal
   * phase runs after the next PLEG relist. After a failed init container getPhase already said
   * Failed: the kill is SyncTerminatingPod's, which writes the status as soon as it is over.
   */
  stopSidecars(pod: PodRecord, st: PodState, afterRun: boolean): void {
    st.stoppingSidecars = true;
    this.start(pod, st, pod.spec.terminationGracePeriodSeconds ?? 30, afterRun);
  }

  /** The kill is over: the containers' last states, the terminal phase, the confirming DELETE. */
  killed(pod: PodRecord, st: PodState): void {
    this.handles.delete(pod);
    // A sidecar waiting to restart when its pod is done is not restarted: its last run shows.
    if (st.stoppingSidecars) showLastRuns(pod);
    terminateContainers(pod);
    pod.observedGeneration = pod.generation;
    st.done = true;
    if (st.deadlineExceeded) {
      // ...and after killPod, and by SyncTerminatedPod: two more.
      this.recordDeadlineExceeded(pod, 2);
      pod.statusReason = DEADLINE_EXCEEDED_REASON;
      pod.statusMessage = DEADLINE_EXCEEDED_MESSAGE;
      enterTerminalPhase(pod, PodPhase.Failed, this.sim.now);
    } else updatePhase(pod, this.sim.now, true);
    this.store.updatePod(pod);
    this.store.confirmPodTermination(pod);
  }

  /**
   * active_deadline.go ShouldEvict records DeadlineExceeded every time it is asked past the
   * deadline, and generateAPIPodStatus asks it each time it builds the pod's status (kubelet.go):
   * `times` status builds, folded into one event series by the recorder.
   */
  private recordDeadlineExceeded(pod: PodRecord, times: number): void {
    if (this.recorder === null) return;
    for (let k = 0; k < times; k++)
      this.recorder.record(
        podRef(pod),
        "Normal",
        DEADLINE_EXCEEDED_REASON,
        DEADLINE_EXCEEDED_MESSAGE,
        KUBELET_COMPONENT,
        this.nodeName,
      );
  }
}
