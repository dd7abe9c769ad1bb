import type { Container, PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import {
  ContainerStatus,
  DEFAULT_WAITING_REASON,
  INITIALIZING_WAITING_REASON,
  type Writable,
} from "./containers.js";
import type { JobRecord } from "./job-record.js";
import { setHookSleeps } from "./lifecycle-hooks.js";
import type { NodeRecord } from "./node-record.js";
import { NONE, objectList, PodPhase, type RestartPolicy } from "./object-basics.js";
import type { ImageBehaviour } from "./workload.js";

export {
  ContainerRun,
  ContainerStatus,
  EXIT_CODE_STATUS_UNKNOWN,
  INITIALIZING_WAITING_REASON,
  previousRun,
  STATUS_UNKNOWN_MESSAGE,
  STATUS_UNKNOWN_REASON,
  terminatedExitCode,
} from "./containers.js";
export { type JobConditionRecord, JobRecord, JobSpecView, JobStatusRecord } from "./job-record.js";
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

/** Who set a pod's DisruptionTarget condition: the reason it carries. */
export enum DisruptionBy {
  /** PreemptionByScheduler (preemptor.ts). */
  Scheduler = 0,
  /** EvictionByEvictionAPI (eviction.ts). */
  EvictionApi = 1,
  /** DeletionByTaintManager (taint-eviction.ts). */
  TaintManager = 2,
}

export class PodRecord {
  resourceVersion = 0;
  /** metadata.generation: 1 from creation (pkg/registry/core/pod/strategy.go PrepareForCreate),
   * raised once by the first DELETE (registry rest/delete.go BeforeDelete: "bump object's
   * Generation" as the deletionTimestamp is set); jobsim never updates a pod's spec. Shown only
   * by versions that set it (VersionProfile.podGeneration). */
  generation = 1;
  /** The generation the kubelet's last status write reflected (status.observedGeneration and its
   * conditions'; KEP-5067: the kubelet writes the generation of the pod it is syncing); 0 before
   * its first write. */
  observedGeneration = 0;
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
  /** The scheduling queue's Timestamp: when the pod last went into unschedulablePods. */
  unschedulableSinceMs = NONE;
  /** NodeResourcesFit was among the plugins that rejected its last attempt. */
  unschedulableByFit = false;
  /** NodeUnschedulable (a cordoned node) was among its last attempt's rejectors. */
  unschedulableByCordon = false;
  /** status.nominatedNodeName: the node the scheduler preempted on for this pod (preemptor.ts). */
  nominatedNodeName: string | null = null;
  /** The DisruptionTarget=True condition's lastTransitionTime (NONE: none), and the pod's
   * generation when it was written (before the DELETE that follows bumped it). */
  disruptionMs = NONE;
  disruptionGeneration = 0;
  /** Who wrote the DisruptionTarget condition last (its reason and message: UpdatePodCondition
   * replaces them and keeps lastTransitionTime when the status stays True). */
  disruptionBy = DisruptionBy.Scheduler;

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
  /** The Initialized condition: True from the kubelet's first status for a pod without init
   * containers, else once the last one succeeded (or, a sidecar, started); with sidecars it can
   * turn False again (pod-phase.ts refreshInitialized). */
  initialized = false;
  initializedMs = NONE;
  /** The kubelet's own podHasInitialized (kuberuntime_manager.go computePodActions): set once the
   * last init container is done and never cleared — what decides that the regular containers
   * start and the phase leaves initialization; the condition above is what the status shows. */
  initDone = false;
  ready = false;
  readyMs = NONE;
  /** Reason of Ready=False: "ContainersNotReady", "ReadinessGatesNotReady", "PodCompleted" or
   * "PodFailed"; "" when the node lifecycle controller turned a ready pod's condition False
   * (MarkPodsNotReady changes only the status: node-lifecycle.ts). */
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
  /** The init containers, in spec order (sidecars among them). */
  readonly initContainers: ContainerStatus[];
  /** How many of them are sidecars (restartPolicy Always). */
  sidecarCount = 0;
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
    this.initContainers = objectList();
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
    const n = spec.containers.length;
    const inits = spec.initContainers ?? NO_CONTAINERS;
    const waiting = inits.length > 0 ? INITIALIZING_WAITING_REASON : DEFAULT_WAITING_REASON;
    const list = this.containers;
    while (list.length > n) list.pop();
    for (let i = 0; i < n; i++) {
      const c = spec.containers[i];
      if (i < list.length) list[i].reuse(c.name, c.image ?? "", i, behaviours[i], false, waiting);
      else list.push(new ContainerStatus(c.name, c.image ?? "", i, behaviours[i], false, waiting));
      setHookSleeps(list[i], c);
    }
    const initList = this.initContainers;
    this.sidecarCount = 0;
    while (initList.length > inits.length) initList.pop();
    for (let j = 0; j < inits.length; j++) {
      const c = inits[j];
      const b = behaviours[n + j];
      const sidecar = c.restartPolicy === "Always";
      if (sidecar) this.sidecarCount++;
      if (j < initList.length) initList[j].reuse(c.name, c.image ?? "", j, b, true, waiting, sidecar);
      else initList.push(new ContainerStatus(c.name, c.image ?? "", j, b, true, waiting, sidecar));
      setHookSleeps(initList[j], c);
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
    this.generation = 1;
    this.observedGeneration = 0;
    this.deletionMs = NONE;
    this.deletionGraceSeconds = NONE;
    this.trackingFinalizer = true;
    this.nodeName = null;
    this.node = null;
    this.heldBy = null;
    this.scheduledMs = NONE;
    this.unschedulableMs = NONE;
    this.unschedulableMessage = "";
    this.unschedulableSinceMs = NONE;
    this.unschedulableByFit = false;
    this.unschedulableByCordon = false;
    this.nominatedNodeName = null;
    this.disruptionMs = NONE;
    this.disruptionGeneration = 0;
    this.disruptionBy = DisruptionBy.Scheduler;
    this.phase = PodPhase.Pending;
    this.startTimeMs = NONE;
    this.podIpHost = NONE;
    this.ipReported = false;
    this.hostIP = null;
    this.readyToStartContainers = false;
    this.readyToStartContainersMs = NONE;
    this.initialized = false;
    this.initializedMs = NONE;
    this.initDone = false;
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

const NO_CONTAINERS: readonly Container[] = [];

/** A container of the pod by the kubelet's index: the init containers first, then the rest. */
export function containerAt(pod: PodRecord, k: number): ContainerStatus {
  const inits = pod.initContainers;
  return k < inits.length ? inits[k] : pod.containers[k - inits.length];
}

/** The spec of the kubelet's container k (see containerAt). */
export function containerSpecAt(pod: PodRecord, k: number): Container {
  const n = pod.initContainers.length;
  return k < n ? pod.spec.initContainers![k] : pod.spec.containers[k - n];
}

/** Produces random identities (names, UIDs) from keyed streams, only when asked; and resolves
 * a template's container behaviours (once per template). */
export interface PodIdentitySource {
  podName(pod: PodRecord): string;
  podUid(pod: PodRecord): string;
  behaviours(spec: PodSpec): readonly ImageBehaviour[];
}
