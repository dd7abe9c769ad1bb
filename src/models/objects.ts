import type { Job, JobSpec, PodFailurePolicy, SuccessPolicy } from "kubernetes-types/batch/v1.js";
import type { PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import type { ImageBehaviour } from "./workload.js";

/**
 * The objects the simulated API server stores, in a lean form: integers and references, no
 * strings built on the hot path. The API's JSON shapes (kubernetes-types) are produced from
 * these on demand by materialize.ts — for kubectl, traces and `-o yaml`.
 *
 * Times: every `...Ms` field is simulated milliseconds since the start. Fields that the real
 * API stores as metav1.Time (whole seconds) hold a value already truncated to a whole second
 * (see `apiTime`); the rest (container finish instants inside the kubelet, queue times) keep
 * milliseconds.
 */

/** Truncates to the whole second, as metav1.Time serialises (the epoch is a whole second). */
export function apiTime(ms: number): number {
  return ms - (ms % 1000);
}

export const NONE = -1;

export enum PodPhase {
  Pending = 0,
  Running = 1,
  Succeeded = 2,
  Failed = 3,
}
export const POD_PHASE_NAMES = ["Pending", "Running", "Succeeded", "Failed"] as const;

export function isTerminal(phase: PodPhase): boolean {
  return phase === PodPhase.Succeeded || phase === PodPhase.Failed;
}

export enum RestartPolicy {
  Never = 0,
  OnFailure = 1,
  Always = 2,
}

export enum ContainerState {
  Waiting = 0,
  Running = 1,
  Terminated = 2,
}

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
  /** Random 64-hex container id, derived on demand. */
  containerId: string | null = null;

  constructor(
    readonly startedMs: number,
    /** Run number of this container in its pod (0 for the first start). */
    readonly restart: number,
  ) {}
}

export class ContainerStatus {
  state = ContainerState.Waiting;
  waitingReason = "ContainerCreating";
  waitingMessage = "";
  /** The latest execution (running, or ended — also while waiting to restart); null before the first start. */
  current: ContainerRun | null = null;
  /** The execution before `current` (what `logs --previous` reads). */
  last: ContainerRun | null = null;
  restartCount = 0;
  ready = false;
  started = false;
  /** The image has been resolved (pulled or found), so imageID is known. */
  imageResolved = false;
  /** The kubelet is pulling this container's image (requested, not yet done). */
  pulling = false;

  constructor(
    readonly name: string,
    readonly image: string,
    readonly specIndex: number,
    /** How the image behaves (resolved once per pod template). */
    readonly behaviour: ImageBehaviour,
  ) {}
}

export class PodRecord {
  resourceVersion = 0;
  deletionMs = NONE;
  /** metadata.deletionGracePeriodSeconds; NONE when not being deleted. */
  deletionGraceSeconds = NONE;
  trackingFinalizer = true;
  /** The foregroundDeletion finalizer is not used on pods. Owner link; null once orphaned. */
  owner: JobRecord | null;

  nodeName: string | null = null;
  /** The node bound to (spec.nodeName's record). */
  node: NodeRecord | null = null;
  /** The node whose resources the scheduler counts for this pod (null once it released them). */
  heldBy: NodeRecord | null = null;
  scheduledMs = NONE;
  /** PodScheduled=False (Unschedulable) since, and its message. */
  unschedulableMs = NONE;
  unschedulableMessage = "";

  phase = PodPhase.Pending;
  /** status.startTime: when the kubelet first saw the pod. */
  startTimeMs = NONE;
  /** Host part of the pod IP on its node's pod CIDR (10.42.<node>.<host>); NONE before the sandbox. */
  podIpHost = NONE;
  hostIP: string | null = null;
  readyToStartContainers = false;
  readyToStartContainersMs = NONE;
  initializedMs = NONE;
  ready = false;
  readyMs = NONE;
  /** Reason of Ready=False: "ContainersNotReady" or "PodCompleted". */
  notReadyReason = "ContainersNotReady";
  /** When the pod stopped holding node resources (terminal), for cost accounting. */
  terminalMs = NONE;
  readonly containers: ContainerStatus[];

  /** Which uncountedTerminatedPods list of its Job holds this pod: 0 none, 1 succeeded, 2 failed. */
  uncounted = 0;
  /** Per-index failure counts (annotations) for backoffLimitPerIndex. */
  indexFailureCount = 0;
  indexIgnoredFailureCount = 0;

  /** Opaque per-pod state of the node's kubelet. */
  kubeletState: unknown = null;
  /** The pod was removed from the store. */
  removed = false;
  private nameValue: string | null = null;
  private uidValue: string | null = null;

  constructor(
    /** Store-wide creation number. */
    readonly seq: number,
    readonly namespace: string,
    readonly generateName: string,
    owner: JobRecord | null,
    /** k-th pod created for its Job incarnation (0-based): the pod attempt of random streams. */
    readonly ordinal: number,
    /** Completion index (Indexed Jobs), else NONE. */
    readonly completionIndex: number,
    readonly template: PodTemplateSpec,
    readonly restartPolicy: RestartPolicy,
    readonly creationMs: number,
    private readonly identity: PodIdentitySource,
  ) {
    this.owner = owner;
    const spec = template.spec as PodSpec;
    const behaviours = identity.behaviours(spec);
    this.containers = [];
    for (let i = 0; i < spec.containers.length; i++) {
      const c = spec.containers[i];
      this.containers.push(new ContainerStatus(c.name, c.image ?? "", i, behaviours[i]));
    }
  }

  get spec(): PodSpec {
    return this.template.spec as PodSpec;
  }

  /** metadata.name; generated on first use from its own random stream (same value whenever asked). */
  get name(): string {
    if (this.nameValue === null) this.nameValue = this.identity.podName(this);
    return this.nameValue;
  }

  set name(value: string) {
    this.nameValue = value;
  }

  get uid(): string {
    if (this.uidValue === null) this.uidValue = this.identity.podUid(this);
    return this.uidValue;
  }

  get isDeleting(): boolean {
    return this.deletionMs !== NONE;
  }
}

/** Produces random identities (names, UIDs) from keyed streams, only when asked; and resolves
 * a template's container behaviours (once per template). */
export interface PodIdentitySource {
  podName(pod: PodRecord): string;
  podUid(pod: PodRecord): string;
  behaviours(spec: PodSpec): readonly ImageBehaviour[];
}

export interface JobConditionRecord {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastProbeMs: number;
  lastTransitionMs: number;
}

export class JobStatusRecord {
  active = 0;
  ready = 0;
  terminating = 0;
  succeeded = 0;
  failed = 0;
  startMs = NONE;
  completionMs = NONE;
  conditions: JobConditionRecord[] = [];
  uncountedSucceeded: PodRecord[] = [];
  uncountedFailed: PodRecord[] = [];
  completedIndexes = "";
  failedIndexes: string | null = null;
  /** The controller has written status at least once (status fields become non-nil). */
  written = false;
}

/** Spec values the controller reads on every sync, decoded once per spec version. */
export class JobSpecView {
  readonly parallelism: number;
  readonly completions: number;
  readonly backoffLimit: number;
  readonly backoffLimitPerIndex: number;
  readonly maxFailedIndexes: number;
  readonly activeDeadlineMs: number;
  readonly suspend: boolean;
  readonly indexed: boolean;
  readonly restartPolicy: RestartPolicy;
  readonly replaceOnlyFailed: boolean;
  readonly ttlSeconds: number;
  readonly podFailurePolicy: PodFailurePolicy | null;
  readonly successPolicy: SuccessPolicy | null;
  readonly managedByOther: boolean;

  constructor(spec: JobSpec) {
    this.parallelism = spec.parallelism ?? 1;
    this.completions = spec.completions ?? NONE;
    this.backoffLimit = spec.backoffLimit ?? 6;
    this.backoffLimitPerIndex = spec.backoffLimitPerIndex ?? NONE;
    this.maxFailedIndexes = spec.maxFailedIndexes ?? NONE;
    this.activeDeadlineMs =
      spec.activeDeadlineSeconds === undefined ? NONE : spec.activeDeadlineSeconds * 1000;
    this.suspend = spec.suspend === true;
    this.indexed = spec.completionMode === "Indexed";
    const rp = spec.template.spec?.restartPolicy;
    this.restartPolicy =
      rp === "OnFailure"
        ? RestartPolicy.OnFailure
        : rp === "Always"
          ? RestartPolicy.Always
          : RestartPolicy.Never;
    this.replaceOnlyFailed = spec.podReplacementPolicy === "Failed";
    this.ttlSeconds = spec.ttlSecondsAfterFinished ?? NONE;
    this.podFailurePolicy = spec.podFailurePolicy ?? null;
    this.successPolicy = spec.successPolicy ?? null;
    this.managedByOther = spec.managedBy !== undefined && spec.managedBy !== "kubernetes.io/job-controller";
  }
}

export class JobRecord {
  resourceVersion = 0;
  generation = 1;
  deletionMs = NONE;
  /** Finalizers on the Job object itself (foregroundDeletion / orphan while the GC works). */
  finalizers: string[] = [];
  /** Pods owned by this Job that exist in the store, in creation order (the informer's index). */
  readonly pods: PodRecord[] = [];
  /** Pods ever created for this Job (next pod ordinal). */
  podsCreated = 0;
  /** Bumped by the store on every write to a pod this Job owns (pods' collective version). */
  podsVersion = 0;
  readonly status = new JobStatusRecord();
  view: JobSpecView;
  /** In-memory state of the Job controller for this Job (work queue entry, back-off record). */
  controllerState: unknown = null;
  /** The Job was removed from the store. */
  removed = false;
  /** A slot for an observer's index of this Job (Monte Carlo's result table); NONE when unset. */
  observerIndex = NONE;
  /** Base of this incarnation's random streams (identity.ts jobStreamBase). */
  streamBase = 0;
  /** Container starts per image so far (the position in an image's scripted outcomes). */
  private scriptAttempts: Map<string, number> | null = null;

  constructor(
    readonly seq: number,
    /** n-th Job of this namespace/name in the session (0-based), for stable random stream keys. */
    readonly incarnation: number,
    /** The stored object (defaulted): metadata and spec; status lives in `status`. */
    public object: Job,
    readonly creationMs: number,
    view?: JobSpecView,
  ) {
    this.view = view ?? new JobSpecView(object.spec!);
  }

  get name(): string {
    return this.object.metadata!.name!;
  }

  get namespace(): string {
    return this.object.metadata!.namespace ?? "default";
  }

  get uid(): string {
    return this.object.metadata!.uid!;
  }

  get spec(): JobSpec {
    return this.object.spec!;
  }

  /** Complete or Failed is True: set by the Job controller when it adds that condition. */
  finished = false;

  /** The next scripted-outcome position for `image` in this Job (0, 1, 2, ...). */
  nextScriptAttempt(image: string): number {
    this.scriptAttempts ??= new Map();
    const n = this.scriptAttempts.get(image) ?? 0;
    this.scriptAttempts.set(image, n + 1);
    return n;
  }

  condition(type: string): JobConditionRecord | undefined {
    for (const c of this.status.conditions) if (c.type === type) return c;
    return undefined;
  }
}

export class NodeRecord {
  resourceVersion = 0;
  /** Images present on the node (pulled or preloaded). */
  readonly images = new Set<string>();
  /** An image was pulled since the last reset (the set differs from the preloaded one). */
  pulled = false;
  /** Sum of requests of pods bound here and not terminal (milli-CPU, bytes, count). */
  requestedMilliCpu = 0;
  requestedMemory = 0;
  podCount = 0;
  /** Requests as the scheduler scores them (unset requests count as 100m / 200Mi). */
  nonZeroMilliCpu = 0;
  nonZeroMemory = 0;
  /** Next host-local IPAM address on this node's pod CIDR. */
  nextPodIp = 2;
  /** Opaque state of this node's kubelet. */
  kubelet: unknown = null;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly role: "server" | "agent",
    readonly allocatableMilliCpu: number,
    readonly allocatableMemory: number,
    readonly allocatablePods: number,
    /** Requests already placed by system pods (coredns, metrics-server, ...). */
    readonly systemMilliCpu: number,
    readonly systemMemory: number,
    readonly internalIP: string,
    readonly podCidrIndex: number,
    readonly labels: Readonly<Record<string, string>>,
    readonly creationMs: number,
  ) {}

  /** Empties the node for a new run: no pods, only the preloaded images. */
  resetState(firstPodIp: number, images: readonly string[]): void {
    this.resourceVersion = 0;
    if (this.pulled || this.images.size !== images.length) {
      this.images.clear();
      for (const i of images) this.images.add(i);
      this.pulled = false;
    }
    this.requestedMilliCpu = 0;
    this.requestedMemory = 0;
    this.nonZeroMilliCpu = 0;
    this.nonZeroMemory = 0;
    this.podCount = 0;
    this.nextPodIp = firstPodIp;
  }
}
