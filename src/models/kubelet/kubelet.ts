import type { Distribution } from "../../engine/random/distributions.js";
import type { RandomSource } from "../../engine/random/keyed-streams.js";
import { Xor128 } from "../../engine/random/xor128.js";
import type { EventHandler, Simulation } from "../../engine/simulation.js";
import { podRef } from "../event-refs.js";
import type { EventRecorder } from "../events.js";
import { streamKey } from "../identity.js";
import {
  apiTime,
  ContainerRun,
  type ContainerStatus,
  containerAt,
  isTerminal,
  NONE,
  type NodeRecord,
  PodPhase,
  type PodRecord,
} from "../objects.js";
import { Pool } from "../pool.js";
import type { Store } from "../store.js";
import { fillMessage, type VersionProfile } from "../version-profile.js";
import { ImageBehaviour } from "../workload.js";
import {
  Action,
  KUBELET_COMPONENT,
  P_INIT_OUTCOME,
  P_INIT_RUN,
  P_INIT_START,
  P_INIT_TERMINATION,
  P_OUTCOME,
  P_PLEG,
  P_RUN,
  P_START,
  P_TERMINATION,
  PLEG_RELIST_PERIOD_MS,
} from "./actions.js";
import { enterTerminated } from "./container-transitions.js";
import { ImageStep } from "./image-step.js";
import { withIndex, withNewline } from "./log-text.js";
import { PodKills } from "./pod-kills.js";
import { initContainerSucceeded, setFirstStatus, updatePhase } from "./pod-phase.js";
import { PodRestarts, showReasonCache } from "./pod-restarts.js";
import { PodState } from "./pod-state.js";
import { endPostStarts, heldByPostStart, showStarted } from "./post-start.js";
import { showLastRuns, sidecarsLeftStopped } from "./termination.js";

/**
 * The kubelet of one node: what happens to a pod once it is bound here.
 *
 * first sync (at binding) → status: Pending, ContainerCreating, IP, startTime
 * per container, in order: image (Pulled "already present" | Pulling … Pulled, pulls on a node
 *   serialised) → create + start after startSeconds (Created, Started; Running) → the process
 *   ends after runSeconds with the drawn outcome → seen at the next PLEG relist (1 s period),
 *   which is when the status (and finishedAt, the true exit instant) reaches the API
 * restartPolicy OnFailure: a failed container restarts — at once the first time, then after the
 *   crash back-off (the status shows the ended run, then CrashLoopBackOff from the pod worker's
 *   retry: every 10–15 s up to 1.34, at the back-off's expiry from 1.35); every restart goes
 *   through the image step again, as startContainer calls EnsureImageExists on each start
 *   (pkg/kubelet/kuberuntime/kuberuntime_container.go): Pulled "already present" each time for
 *   IfNotPresent/Never, a real (re-)pull for Always
 * deletion: Killing, SIGTERM; the process exits after terminationSeconds (as its image's
 *   onSigterm says: 143 by default) or is killed at the grace period (137); then the status goes
 *   terminal and the kubelet confirms the delete.
 * spec.activeDeadlineSeconds: once that long past startTime (seen at the sync loop's next 1 s
 *   tick, taken in the PLEG's phase), event DeadlineExceeded, Ready False, and its containers
 *   are killed with the pod's grace period; once they are stopped the pod goes Failed with
 *   reason DeadlineExceeded (active_deadline.go, generateAPIPodStatus, syncPod's killPod,
 *   status_manager.go mergePodStatus).
 *
 * Random draws: stream (Job incarnation, pod attempt k, restart·64 + container) per purpose,
 * so attempt k behaves the same whatever happens elsewhere.
 *
 * Beside this file: image-step.ts (present, pulled, or never pulled, before each start),
 * pod-restarts.ts (which containers a sync restarts, the crash back-off, the reason cache, the
 * pod worker's retries), pod-kills.ts (deletion and activeDeadlineSeconds; a preStop sleep
 * before SIGTERM: termination.ts) and post-start.ts (a postStart sleep holds the start).
 */

export interface KubeletOptions {
  /** Keep each run's log text (sessions do; Monte Carlo does not). */
  keepLogs: boolean;
  /** Reuse container runs after a reset (the cluster recycles its pods: Monte Carlo). */
  recycle: boolean;
}

export class Kubelet implements EventHandler {
  private readonly rng = new Xor128();
  private plegPhaseMs = 0;
  private readonly kills: PodKills;
  private readonly restarts: PodRestarts;
  private readonly images: ImageStep;
  private readonly cancel = (handle: number) => {
    this.sim.cancel(handle);
  };
  /** Pod states for reuse: a run allocates none once warm. A state is only ever reached
   * through its pod's kubeletState, and the pods of a run are gone from the store when the
   * next run starts, so reusing it at reset is invisible. */
  private readonly states = new Pool<PodState>();
  /** The same for container runs, when the cluster recycles its pods (Monte Carlo): a run is
   * reached only through its pod's container statuses, reset with the pod. */
  private readonly runs = new Pool<ContainerRun>();

  constructor(
    readonly node: NodeRecord,
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly random: RandomSource,
    private readonly recorder: EventRecorder | null,
    private readonly profile: VersionProfile,
    private readonly options: KubeletOptions,
  ) {
    node.kubelet = this;
    this.kills = new PodKills(this, sim, store, recorder, node.name, profile.podObservedGeneration);
    this.restarts = new PodRestarts(this, sim, store, random, this.rng, recorder, profile);
    this.images = new ImageStep(this, node, sim, store, recorder, profile, this.restarts);
    this.reset();
  }

  /** A new run: no pods, no pulls; this run's relist phase (when in each second the PLEG looks). */
  reset(): void {
    this.images.reset();
    this.kills.reset();
    this.states.releaseAll();
    this.runs.releaseAll();
    this.random.reseed(this.rng, P_PLEG, this.node.index, 0);
    this.plegPhaseMs = Math.floor(this.rng.next() * PLEG_RELIST_PERIOD_MS);
  }

  /** A pod bound to this node changed (routed here by the cluster). */
  podChanged(pod: PodRecord): void {
    // Most writes are to pods the kubelet already runs and that are not being deleted: nothing
    // to do (answered in a function small enough to be inlined into the store's notify loop).
    if (pod.kubeletState !== null && pod.deletionMs === NONE) return;
    this.podChangedSlow(pod);
  }

  private podChangedSlow(pod: PodRecord): void {
    // A stopped kubelet (its node container stopped) sees nothing more.
    if (this.node.kubeletStoppedMs >= 0) return;
    let st = pod.kubeletState as PodState | null;
    if (st === null) {
      if (pod.deletionMs !== NONE && pod.phase !== PodPhase.Pending) return;
      st = (this.states.take() ?? this.states.add(new PodState())).init(
        pod.initContainers.length + pod.containers.length,
      );
      pod.kubeletState = st;
      st.handles[0] = this.sim.schedule(0, this, Action.FirstSync * 256, pod);
      return;
    }
    if (pod.deletionMs !== NONE && !st.done) this.kills.deleted(pod, st);
  }

  /**
   * `docker stop` of the node's container: the kubelet and the containers it runs die with it,
   * writing nothing more (no graceful node shutdown: k3s configures no shutdownGracePeriod).
   * The API keeps the pods' last status; every pending step of every pod here is dropped.
   */
  stop(pods: readonly PodRecord[]): void {
    for (const pod of pods) {
      const st = pod.kubeletState as PodState | null;
      if (pod.node === this.node && st !== null && !st.done) this.podRemoved(pod);
    }
  }

  /** The pod is gone from the API (or the kubelet with it: stop): its pending steps dropped. */
  podRemoved(pod: PodRecord): void {
    const st = pod.kubeletState as PodState | null;
    if (st === null) return;
    st.cancelPending(this.cancel);
    this.kills.forget(pod);
    st.done = true;
  }

  handleEvent(arg: number, ref: unknown): void {
    const pod = ref as PodRecord;
    const st = pod.kubeletState as PodState;
    const i = arg & 255;
    const action = arg >> 8;
    if (action === Action.Deadline) st.deadlineHandle = NONE;
    else if (action === Action.Retry) st.retryHandle = NONE;
    else if (action !== Action.Killed && action !== Action.TerminatingStatus) st.handles[i] = NONE;
    if (st.done || pod.removed) return;
    if (st.postStartEndMs !== NONE && heldByPostStart(this.sim, this, pod, st, action, i)) return;
    switch (action) {
      case Action.FirstSync:
        this.firstSync(pod);
        return;
      case Action.PullDone:
        this.images.pullDone(pod, i);
        return;
      case Action.Start:
        this.start(pod, st, i);
        return;
      case Action.ObserveExit:
        this.observeExit(pod, st, i);
        return;
      case Action.Retry:
        this.restarts.retry(pod, st);
        return;
      case Action.Deadline:
        this.kills.deadlineExceeded(pod, st);
        return;
      case Action.TerminatingStatus:
        showLastRuns(pod);
        pod.observedGeneration = pod.generation;
        this.store.updatePod(pod);
        return;
      case Action.ImageRetry:
        this.images.imageRetry(pod, i);
        return;
      case Action.PostStartDone:
        this.postStartDone(pod, st, i);
        return;
      default:
        this.kills.killed(pod, st);
    }
  }

  // ---- start-up ----------------------------------------------------------------------------

  private firstSync(pod: PodRecord): void {
    const now = this.sim.now;
    setFirstStatus(pod, apiTime(now), this.node.internalIP);
    // The sandbox and its IP are made now (IPs go out in this order); the status shows them from
    // the write after the first container started — the pod worker is busy pulling and starting
    // until then. A hostNetwork pod's sandbox gets no CNI ADD (kuberuntime_sandbox.go): no
    // address of the range.
    if (pod.spec.hostNetwork !== true) pod.podIpHost = this.node.allocatePodIp(this.store.pods);
    this.store.updatePodStartup(pod); // (a pod not yet started was never ready: `ready` is unchanged)
    const ads = pod.spec.activeDeadlineSeconds;
    if (typeof ads === "number") {
      const st = pod.kubeletState as PodState;
      st.deadlineHandle = this.sim.scheduleAt(
        this.relistAfter(now + ads * 1000),
        this,
        Action.Deadline * 256,
        pod,
      );
    }
    this.ensureImage(pod, 0);
  }

  /** The image step of container k (image-step.ts); every start and restart goes through it.
   * Containers are numbered as containerAt numbers them: the init containers first. */
  ensureImage(pod: PodRecord, k: number): void {
    this.images.ensureImage(pod, k);
  }

  /** Creates and (after startSeconds) starts container k, its image being there. */
  create(pod: PodRecord, k: number): void {
    const st = pod.kubeletState as PodState;
    const c = containerAt(pod, k);
    const restart = c.current === null ? 0 : c.restartCount + 1;
    const purpose = c.init ? P_INIT_START : P_START;
    const ms = this.drawMs(c.behaviour.spec.startSeconds, pod, purpose, restart * 64 + c.specIndex);
    st.handles[k] = this.sim.schedule(ms, this, Action.Start * 256 + k, pod);
  }

  private start(pod: PodRecord, st: PodState, k: number): void {
    const now = this.sim.now;
    const c = containerAt(pod, k);
    const restart = c.current === null ? 0 : c.restartCount + 1;
    let run: ContainerRun;
    if (this.options.recycle) {
      const free = this.runs.take();
      run = free === undefined ? this.runs.add(new ContainerRun(now, restart)) : free.reuse(now, restart);
    } else run = new ContainerRun(now, restart);
    const behaviour = c.behaviour;
    const b = restart * 64 + c.specIndex;
    const job = pod.owner;
    const attempt =
      behaviour.spec.script === null ? 0 : job !== null ? job.nextScriptAttempt(c.image) : restart;
    if (behaviour.drawsOutcome(attempt))
      this.random.reseed(
        this.rng,
        streamKey(this.base(pod), c.init ? P_INIT_OUTCOME : P_OUTCOME),
        pod.ordinal,
        b,
      );
    const outcome = behaviour.outcome(attempt, this.rng);
    const runMs = this.drawMs(
      outcome.runSeconds ?? behaviour.spec.runSeconds,
      pod,
      c.init ? P_INIT_RUN : P_RUN,
      b,
    );
    run.exitCode = outcome.exitCode;
    run.reason = outcome.reason ?? (outcome.exitCode === 0 ? "Completed" : "Error");
    run.exitAtMs = now + runMs;
    if (this.options.keepLogs) {
      run.startLog = withNewline(withIndex(behaviour.spec.startLog, pod));
      run.exitLog = withNewline(withIndex(outcome.log, pod));
      const sigtermLog = behaviour.spec.onSigterm.log;
      run.sigtermLog = sigtermLog === "" ? null : withNewline(withIndex(sigtermLog, pod));
    }
    if (this.recorder !== null) {
      const names = { container: c.name };
      this.event(pod, c, "Normal", "Created", fillMessage(this.profile.containerCreatedMessage, names));
      this.event(pod, c, "Normal", "Started", fillMessage(this.profile.containerStartedMessage, names));
    }
    // A postStart sleep: the process runs from now on (startedAt), but startContainer returns, and
    // the pod worker writes a status or starts the next container, only once the hook is over.
    if (c.postStartSleepMs > 0) {
      st.postStartRun[k] = run;
      st.postStartEndMs = now + c.postStartSleepMs;
      st.handles[k] = this.sim.scheduleAt(st.postStartEndMs, this, Action.PostStartDone * 256 + k, pod);
      return;
    }
    this.started(pod, st, k, run);
  }

  /** startContainer has returned for container k's `run`: the status shows it running. */
  private started(pod: PodRecord, st: PodState, k: number, run: ContainerRun): void {
    const now = this.sim.now;
    const c = containerAt(pod, k);
    showStarted(pod, st, c, k, run, now);
    updatePhase(pod, now);
    this.store.updatePod(pod);
    // (After a postStart hook the process may have ended meanwhile: seen at once.)
    st.handles[k] = this.sim.scheduleAt(
      Math.max(this.relistAfter(run.exitAtMs), now),
      this,
      Action.ObserveExit * 256 + k,
      pod,
    );
    // Regular containers start one after another, without waiting for each other to end; an init
    // container is waited for (observeExit), a sidecar only until it started: the next one starts
    // in the sync that sees it running (computeInitContainerActions).
    if (c.init && !c.sidecar) return;
    const next = k + 1;
    const n = pod.initContainers.length + pod.containers.length;
    if (next < n && containerAt(pod, next).current === null && st.handles[next] === NONE)
      this.ensureImage(pod, next);
  }

  private postStartDone(pod: PodRecord, st: PodState, k: number): void {
    const run = st.postStartRun[k]!;
    st.postStartRun[k] = null;
    st.postStartEndMs = NONE;
    this.started(pod, st, k, run);
  }

  /** A kill starts while postStart hooks are under way (post-start.ts). */
  endPostStarts(pod: PodRecord, st: PodState): void {
    endPostStarts(pod, st, this.sim.now);
  }

  // ---- exits and restarts ------------------------------------------------------------------

  private observeExit(pod: PodRecord, st: PodState, k: number): void {
    const c = containerAt(pod, k);
    enterTerminated(c);
    const initDone = c.init && !c.sidecar && c.current!.exitCode === 0;
    if (initDone) initContainerSucceeded(pod, c, this.sim.now);
    // This sync's status shows the reason cache for the pod's other containers (generateAPIPodStatus
    // reads it for every container; this one's entry was cleared when its run started).
    showReasonCache(pod, st);
    const stopSidecars = updatePhase(pod, this.sim.now);
    // Terminal with no sidecar running (one may wait to restart): nothing is killed or restarted.
    const ended = !stopSidecars && pod.sidecarCount > 0 && isTerminal(pod.phase);
    if (ended) sidecarsLeftStopped(pod, st, this.cancel);
    this.store.updatePod(pod);
    // The same SyncPod then starts what comes next (computePodActions): after an init container
    // that succeeded, the next init container, or the first regular container after the last;
    // or, the pod done but for its sidecars, stops them.
    if (initDone) this.ensureImage(pod, k + 1);
    else if (stopSidecars) this.kills.stopSidecars(pod, st, pod.initDone);
    else if (!ended) this.restarts.sync(pod, st);
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A duration in whole ms from stream (pod's base, purpose, attempt, b); a constant draws nothing. */
  drawMs(d: Distribution, pod: PodRecord, purposeHash: number, b: number): number {
    if (d.isConstant) return ImageBehaviour.ms(d.sample(this.rng));
    this.random.reseed(this.rng, streamKey(this.base(pod), purposeHash), pod.ordinal, b);
    return ImageBehaviour.ms(d.sample(this.rng));
  }

  base(pod: PodRecord): number {
    return pod.owner !== null ? pod.owner.streamBase : pod.seq;
  }

  /** The first relist at or after `t`. */
  relistAfter(t: number): number {
    const phase = this.plegPhaseMs;
    return phase + Math.ceil((t - phase) / PLEG_RELIST_PERIOD_MS) * PLEG_RELIST_PERIOD_MS;
  }

  /** How long a run takes to stop after SIGTERM: its terminationSeconds, drawn per run. */
  terminationMs(pod: PodRecord, c: ContainerStatus, run: ContainerRun): number {
    return this.drawMs(
      c.behaviour.spec.terminationSeconds,
      pod,
      c.init ? P_INIT_TERMINATION : P_TERMINATION,
      run.restart * 64 + c.specIndex,
    );
  }

  event(
    pod: PodRecord,
    c: ContainerStatus,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
  ): void {
    this.recorder?.record(
      podRef(pod, c.name, c.init),
      type,
      reason,
      message,
      KUBELET_COMPONENT,
      this.node.name,
    );
  }
}
