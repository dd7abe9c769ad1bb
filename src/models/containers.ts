import { ContainerState, NONE } from "./object-basics.js";
import type { ImageBehaviour } from "./workload.js";

// A pod's containers as the kubelet reports them (objects.ts re-exports these).

/** One execution of a container: what `lastState.terminated` and `kubectl logs` show. */
export class ContainerRun {
  finishedMs = NONE;
  /** When the process ends by itself (the kubelet learns it at the next relist). */
  exitAtMs = NONE;
  exitCode = 0;
  /** "Completed", "Error", "OOMKilled", "ContainerStatusUnknown", ... */
  reason = "";
  signal = 0;
  /** What the run writes when it starts, and when it ends by itself (its outcome's log).
   * Kept only when the cluster records logs (sessions, not Monte Carlo). */
  startLog: string | null = null;
  exitLog: string | null = null;
  /** What it writes when SIGTERM stops it (its image's onSigterm log), kept as the logs are. */
  sigtermLog: string | null = null;
  /** Random 64-hex container id, derived on demand. */
  containerId: string | null = null;

  constructor(
    readonly startedMs: number,
    /** Run number of this container in its pod (0 for the first start). */
    readonly restart: number,
  ) {}

  /** Makes this object what `new ContainerRun(startedMs, restart)` would be (Monte Carlo reuses
   * the runs of a finished run; test/models/reuse.test.ts). */
  reuse(startedMs: number, restart: number): this {
    const w = this as Writable<ContainerRun>;
    w.startedMs = startedMs;
    w.restart = restart;
    this.finishedMs = NONE;
    this.exitAtMs = NONE;
    this.exitCode = 0;
    this.reason = "";
    this.signal = 0;
    this.startLog = null;
    this.exitLog = null;
    this.sigtermLog = null;
    this.containerId = null;
    return this;
  }
}

/**
 * The waiting reason of a container the runtime has not created yet (kubelet_pods.go
 * convertToAPIContainerStatuses: the default waiting state): ContainerCreating, or PodInitializing
 * for every container — init and regular — of a pod that has init containers.
 */
export const DEFAULT_WAITING_REASON = "ContainerCreating";
export const INITIALIZING_WAITING_REASON = "PodInitializing";

export class ContainerStatus {
  state = ContainerState.Waiting;
  waitingReason = "ContainerCreating";
  waitingMessage = "";
  /** The latest execution (running, or ended — also while waiting to restart); null before the first start. */
  current: ContainerRun | null = null;
  /** The execution before `current` (the runtime's second most recent container). */
  last: ContainerRun | null = null;
  /** Terminated with no container to show (the kubelet's TerminatePod): reason
   * ContainerStatusUnknown, exit code 137, no start or finish time. `current` stays what it was. */
  statusUnknown = false;
  restartCount = 0;
  ready = false;
  started = false;
  /** The image has been resolved (pulled or found), so imageID is known. */
  imageResolved = false;
  /** The kubelet is pulling this container's image (requested, not yet done). */
  pulling = false;
  /** The container's lifecycle.postStart / lifecycle.preStop `sleep` in ms, or NONE when it has no
   * sleep hook (lifecycle-hooks.ts sleepHookMs; set with the pod's containers). */
  postStartSleepMs = NONE;
  preStopSleepMs = NONE;

  constructor(
    readonly name: string,
    readonly image: string,
    /** Index in spec.containers, or in spec.initContainers for an init container. */
    readonly specIndex: number,
    /** How the image behaves (resolved once per pod template). */
    readonly behaviour: ImageBehaviour,
    /** An init container (spec.initContainers[specIndex]). */
    readonly init = false,
    /** The kubelet's default waiting reason: PodInitializing in a pod with init containers. */
    defaultWaitingReason = DEFAULT_WAITING_REASON,
    /** A sidecar: an init container with restartPolicy Always (podutil.IsRestartableInitContainer). */
    readonly sidecar = false,
  ) {
    this.waitingReason = defaultWaitingReason;
  }

  /** Makes this object what `new ContainerStatus(...)` would be (Monte Carlo reuses pods; see
   * PodRecord.reuse). Every field is assigned; test/models/reuse.test.ts holds it to that. */
  reuse(
    name: string,
    image: string,
    specIndex: number,
    behaviour: ImageBehaviour,
    init = false,
    defaultWaitingReason = DEFAULT_WAITING_REASON,
    sidecar = false,
  ): void {
    const w = this as Writable<ContainerStatus>;
    w.name = name;
    w.image = image;
    w.specIndex = specIndex;
    w.behaviour = behaviour;
    w.init = init;
    w.sidecar = sidecar;
    this.state = ContainerState.Waiting;
    this.waitingReason = defaultWaitingReason;
    this.waitingMessage = "";
    this.current = null;
    this.last = null;
    this.statusUnknown = false;
    this.restartCount = 0;
    this.ready = false;
    this.started = false;
    this.imageResolved = false;
    this.pulling = false;
    this.postStartSleepMs = NONE;
    this.preStopSleepMs = NONE;
  }
}

/**
 * The run `lastState.terminated` shows, which is also what `logs --previous` reads
 * (kubelet_pods.go convertToAPIContainerStatuses, validateContainerLogStatus): while the
 * container waits to restart — or its state is unknown after that — the latest run, which the
 * Waiting (or unknown) state replaced; otherwise the run before the latest.
 */
export function previousRun(c: ContainerStatus): ContainerRun | null {
  if (c.current !== null && (c.state === ContainerState.Waiting || c.statusUnknown)) return c.current;
  return c.last;
}

/** The exit code `state.terminated` shows, or null when the container is not terminated. */
export function terminatedExitCode(c: ContainerStatus): number | null {
  if (c.state !== ContainerState.Terminated) return null;
  return c.statusUnknown ? EXIT_CODE_STATUS_UNKNOWN : c.current!.exitCode;
}

/** TerminatePod's exit code for a container it could not locate ("always report an error"). */
export const EXIT_CODE_STATUS_UNKNOWN = 137;
export const STATUS_UNKNOWN_REASON = "ContainerStatusUnknown";
export const STATUS_UNKNOWN_MESSAGE = "The container could not be located when the pod was terminated";

/** The type with its readonly fields writable: for the `reuse` methods only. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
