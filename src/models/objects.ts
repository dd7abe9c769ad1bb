import type { Job, JobSpec, PodFailurePolicy, SuccessPolicy } from "kubernetes-types/batch/v1.js";
import type { PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { podTemplateFrom } from "./api/pod-defaults.js";
import { ContainerStatus, type Writable } from "./containers.js";
import { indexedPodTemplate } from "./indexed-template.js";
import type { NodeRecord } from "./node-record.js";
import { NONE, objectList, PodPhase, RestartPolicy } from "./object-basics.js";
import type { ImageBehaviour } from "./workload.js";

export {
  ContainerRun,
  ContainerStatus,
  EXIT_CODE_STATUS_UNKNOWN,
  previousRun,
  STATUS_UNKNOWN_MESSAGE,
  STATUS_UNKNOWN_REASON,
  terminatedExitCode,
} from "./containers.js";
export { NodeRecord } from "./node-record.js";
export {
  apiTime,
  ContainerState,
  isTerminal,
  NONE,
  objectList,
  POD_PHASE_NAMES,
  PodPhase,
  RestartPolicy,
} from "./object-basics.js";

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
  /** The kubelet has written a status since the sandbox got its IP (podIP shown from then on). */
  ipReported = false;
  hostIP: string | null = null;
  readyToStartContainers = false;
  readyToStartContainersMs = NONE;
  initializedMs = NONE;
  ready = false;
  readyMs = NONE;
  /** Reason of Ready=False: "ContainersNotReady", "ReadinessGatesNotReady", "PodCompleted" or "PodFailed". */
  notReadyReason = "ContainersNotReady";
  /** The ContainersReady condition (Ready also needs the readiness gates: `ready`). */
  containersReady = false;
  containersReadyMs = NONE;
  /** status.reason / status.message the kubelet set for the whole pod (DeadlineExceeded), or "". */
  statusReason = "";
  statusMessage = "";
  /** When the pod stopped holding node resources (terminal), for cost accounting. */
  terminalMs = NONE;
  readonly containers: ContainerStatus[];
  private byName: ContainerStatus[] | null = null;

  /** Which uncountedTerminatedPods list of its Job holds this pod: 0 none, 1 succeeded, 2 failed. */
  uncounted = 0;
  /** Its Job counted it in .status.failed (it left uncountedTerminatedPods.failed). */
  countedFailed = false;
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
    readonly identity: PodIdentitySource,
  ) {
    this.owner = owner;
    this.containers = objectList();
    this.setContainers(template);
  }

  /**
   * The container statuses in the order the kubelet reports them: sorted by name
   * (kubelet_pods.go convertToAPIContainerStatuses, `sort.Sort(SortedContainerStatuses)`), which
   * is what clients that walk `status.containerStatuses` see — kubectl's STATUS column, the Job
   * controller's pod failure policy. `containers` stays in spec order (index i is spec container
   * i). Made on first use; a pod of one container answers with `containers` itself.
   */
  get containersByName(): readonly ContainerStatus[] {
    if (this.containers.length < 2) return this.containers;
    this.byName ??= [...this.containers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.byName;
  }

  private setContainers(template: PodTemplateSpec): void {
    this.byName = null;
    const spec = template.spec as PodSpec;
    const behaviours = this.identity.behaviours(spec);
    const list = this.containers;
    while (list.length > spec.containers.length) list.pop();
    for (let i = 0; i < spec.containers.length; i++) {
      const c = spec.containers[i];
      if (i < list.length) list[i].reuse(c.name, c.image ?? "", i, behaviours[i]);
      else list.push(new ContainerStatus(c.name, c.image ?? "", i, behaviours[i]));
    }
  }

  /**
   * Makes this object what `new PodRecord(...)` with these arguments would be, reusing its
   * container statuses: Monte Carlo recycles the pods of a finished run (cluster.ts) rather
   * than allocating ~2.5 per run. Every field is assigned; test/models/reuse.test.ts compares
   * a reused pod with a new one, field by field.
   */
  reuse(
    seq: number,
    namespace: string,
    generateName: string,
    owner: JobRecord | null,
    ordinal: number,
    completionIndex: number,
    template: PodTemplateSpec,
    restartPolicy: RestartPolicy,
    creationMs: number,
    identity: PodIdentitySource,
  ): this {
    const w = this as Writable<PodRecord>;
    w.seq = seq;
    w.namespace = namespace;
    w.generateName = generateName;
    w.ordinal = ordinal;
    w.completionIndex = completionIndex;
    w.template = template;
    w.restartPolicy = restartPolicy;
    w.creationMs = creationMs;
    w.identity = identity;
    this.owner = owner;
    this.resourceVersion = 0;
    this.deletionMs = NONE;
    this.deletionGraceSeconds = NONE;
    this.trackingFinalizer = true;
    this.nodeName = null;
    this.node = null;
    this.heldBy = null;
    this.scheduledMs = NONE;
    this.unschedulableMs = NONE;
    this.unschedulableMessage = "";
    this.phase = PodPhase.Pending;
    this.startTimeMs = NONE;
    this.podIpHost = NONE;
    this.ipReported = false;
    this.hostIP = null;
    this.readyToStartContainers = false;
    this.readyToStartContainersMs = NONE;
    this.initializedMs = NONE;
    this.ready = false;
    this.readyMs = NONE;
    this.notReadyReason = "ContainersNotReady";
    this.containersReady = false;
    this.containersReadyMs = NONE;
    this.statusReason = "";
    this.statusMessage = "";
    this.terminalMs = NONE;
    this.uncounted = 0;
    this.countedFailed = false;
    this.indexFailureCount = 0;
    this.indexIgnoredFailureCount = 0;
    this.kubeletState = null;
    this.removed = false;
    this.nameValue = null;
    this.uidValue = null;
    this.setContainers(template);
    return this;
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
  conditions: JobConditionRecord[] = objectList();
  uncountedSucceeded: PodRecord[] = objectList();
  uncountedFailed: PodRecord[] = objectList();
  completedIndexes = "";
  failedIndexes: string | null = null;
  /** The controller has written status at least once (status fields become non-nil). */
  written = false;

  /** Back to a new record's state, keeping the arrays (see JobRecord.reuse). */
  reuse(): void {
    this.active = 0;
    this.ready = 0;
    this.terminating = 0;
    this.succeeded = 0;
    this.failed = 0;
    this.startMs = NONE;
    this.completionMs = NONE;
    // pop() rather than `length = 0`: truncating through the length setter is a slow runtime call.
    while (this.conditions.length > 0) this.conditions.pop();
    while (this.uncountedSucceeded.length > 0) this.uncountedSucceeded.pop();
    while (this.uncountedFailed.length > 0) this.uncountedFailed.pop();
    this.completedIndexes = "";
    this.failedIndexes = null;
    this.written = false;
  }
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
  readonly pods: PodRecord[] = objectList();
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
  /** `${name}-`, the generateName of its pods, made once per name (a string concatenation per
   * pod otherwise); `podPrefixName` is the name it was made from. */
  private podPrefix: string | null = null;
  private podPrefixName: string | null = null;
  private podTemplateOf: PodTemplateSpec | null = null;
  private podTemplateCache: PodTemplateSpec | null = null;
  /** Indexed Jobs: each completion index's template, made once from `podTemplate` and the name. */
  private indexTemplates: PodTemplateSpec[] = [];
  private indexTemplatesKey: PodTemplateSpec | null = null;
  private indexTemplatesName = "";

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

  /** The template as this Job's pods are stored (podTemplateFrom), made once per template. */
  get podTemplate(): PodTemplateSpec {
    const template = this.object.spec!.template;
    if (this.podTemplateOf !== template) {
      this.podTemplateOf = template;
      this.podTemplateCache = podTemplateFrom(template);
    }
    return this.podTemplateCache!;
  }

  /** The template of the pods of completion index `index` (indexed-template.ts). */
  indexedPodTemplate(index: number): PodTemplateSpec {
    const base = this.podTemplate;
    if (this.indexTemplatesKey !== base || this.indexTemplatesName !== this.name) {
      this.indexTemplates = [];
      this.indexTemplatesKey = base;
      this.indexTemplatesName = this.name;
    }
    this.indexTemplates[index] ??= indexedPodTemplate(base, this.name, index);
    return this.indexTemplates[index];
  }

  /** generateName of the pods this Job creates. */
  get podNamePrefix(): string {
    const name = this.name;
    if (this.podPrefixName !== name) {
      this.podPrefixName = name;
      this.podPrefix = `${name}-`;
    }
    return this.podPrefix!;
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

  /**
   * Makes this object what `new JobRecord(seq, incarnation, object, creationMs, view)` would be,
   * keeping its arrays: Monte Carlo recycles the Jobs of a finished run (cluster.ts), as it
   * does pods. Every field is assigned; test/models/reuse.test.ts compares with a new one.
   */
  reuse(seq: number, incarnation: number, object: Job, creationMs: number, view: JobSpecView): this {
    const w = this as Writable<JobRecord>;
    w.seq = seq;
    w.incarnation = incarnation;
    w.creationMs = creationMs;
    this.object = object;
    this.view = view;
    this.resourceVersion = 0;
    this.generation = 1;
    this.deletionMs = NONE;
    while (this.finalizers.length > 0) this.finalizers.pop();
    while (this.pods.length > 0) this.pods.pop();
    this.podsCreated = 0;
    this.podsVersion = 0;
    this.status.reuse();
    this.controllerState = null;
    this.removed = false;
    this.observerIndex = NONE;
    this.streamBase = 0;
    this.scriptAttempts = null;
    // podPrefix, podTemplateCache and indexTemplates stay: their getters remake them when the name or the
    // template object differs (a recycled Job of the same manifest keeps both).
    this.finished = false;
    return this;
  }

  condition(type: string): JobConditionRecord | undefined {
    for (const c of this.status.conditions) if (c.type === type) return c;
    return undefined;
  }
}
