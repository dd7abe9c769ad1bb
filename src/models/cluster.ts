import { RandomSource } from "../engine/random/keyed-streams.js";
import { Simulation } from "../engine/simulation.js";
import { apiServerInvalidMessage } from "./api/field-errors.js";
import { withJobName, withJobUid } from "./api/job-defaults.js";
import { type ClusterConfig, type NodeSpec, SYSTEM_NAMESPACES } from "./cluster-setup.js";
import { EventNameGenerator } from "./event-names.js";
import { EVENT_TTL_MS, EventRecorder, KINE_EVENT_TTL_MS } from "./events.js";
import { GarbageCollector } from "./garbage-collector.js";
import { Identities, jobNameHash, jobStreamBase } from "./identity.js";
import { indexedPodGenerateName } from "./job-controller/indexed.js";
import { JobController } from "./job-controller/job-controller.js";
import type { PodCreator } from "./job-controller/manage-job.js";
import { Kubelet } from "./kubelet/kubelet.js";
import { NodeLifecycleController } from "./node-lifecycle.js";
import { apiTime, JobRecord, NONE, NodeRecord, PodRecord } from "./objects.js";
import { PodGarbageCollector } from "./pod-gc.js";
import { Pool } from "./pool.js";
import { canonicalImage, type PreparedJob, prepareJob } from "./prepared-job.js";
import { type PriorityAdmission, PriorityClasses, podForbiddenMessage } from "./priority-classes.js";
import { Scheduler } from "./scheduler.js";
import { type JobListener, type PodListener, type Propagation, Store, WatchType } from "./store.js";
import { TaintEvictionController } from "./taint-eviction.js";
import { TtlAfterFinishedController } from "./ttl-controller.js";

/**
 * A simulated cluster: the API server (store), the Job controller, the scheduler, one kubelet
 * per node, the garbage collector and the TTL controller, on one simulation clock.
 *
 * The same cluster serves a session (`detailed`: events recorded, logs kept) and Monte Carlo
 * (not detailed: no event text, no logs, names only when asked). `reset(run)` readies it for
 * run `run` of the seed without building it again.
 */

export type { PreparedJob } from "./prepared-job.js";

/**
 * How long the cluster's store keeps an Event after its last write. k3d starts a lone server
 * (a scenario that lists only agents leaves it out) on k3s's default datastore, SQLite through
 * kine; several servers get --cluster-init, embedded etcd, where a reused lease expires 3600
 * to 3660 s after a write (kept at the lower bound: which API server, so which lease, takes
 * each write is not modelled).
 */
function eventTtlMs(nodes: readonly NodeSpec[]): number {
  return nodes.filter((n) => n.role === "server").length <= 1 ? KINE_EVENT_TTL_MS : EVENT_TTL_MS;
}

export class Cluster implements PodCreator, PodListener, JobListener {
  readonly sim = new Simulation(256);
  readonly random: RandomSource;
  readonly store: Store;
  readonly identities: Identities;
  readonly priorityClasses: PriorityClasses;
  readonly recorder: EventRecorder | null;
  readonly jobController: JobController;
  readonly scheduler: Scheduler;
  readonly kubelets: Kubelet[] = [];
  private readonly ttl: TtlAfterFinishedController;
  private readonly gc: GarbageCollector;
  private readonly podGc: PodGarbageCollector;
  private readonly taintEviction: TaintEvictionController;
  private readonly nodeLifecycle: NodeLifecycleController;
  /** Lean clusters only: pods and Jobs for reuse. A Monte Carlo run drops every object of the
   * previous one (reset), so its pods are recycled there (PodRecord.reuse) instead of being
   * garbage: less allocation, and pods that stay in the old generation make the many stores
   * of pod references cheaper. */
  private readonly podPool = new Pool<PodRecord>();
  private readonly jobPool = new Pool<JobRecord>();
  /** The generateName of the last pod creation refused (refusedPodMessage). */
  private refusedPrefix = "";
  /** Each node's preloaded images (canonical instances). */
  private readonly nodeImages: string[][];

  constructor(readonly config: ClusterConfig) {
    this.nodeImages = config.nodes.map((n) => n.images.map(canonicalImage));
    this.random = new RandomSource(config.seed);
    this.store = new Store(this.sim);
    this.identities = new Identities(this.random, config.workload);
    this.priorityClasses = new PriorityClasses(config.priorityClasses);
    this.recorder = config.detailed
      ? new EventRecorder(
          this.sim,
          () => this.store.nextResourceVersion(),
          new EventNameGenerator(config.epochMs, config.seed).name,
          eventTtlMs(config.nodes),
        )
      : null;
    this.jobController = new JobController(this.sim, this.store, this.recorder, this);
    this.scheduler = new Scheduler(
      this.sim,
      this.store,
      this.random,
      this.recorder,
      config.workload,
      config.profile,
    );
    this.gc = new GarbageCollector(this.sim, this.store);
    this.ttl = new TtlAfterFinishedController(this.sim, this.store);
    this.podGc = new PodGarbageCollector(this.sim, this.store);
    this.taintEviction = new TaintEvictionController(this.sim, this.store, this.recorder);
    this.nodeLifecycle = new NodeLifecycleController(this.sim, this.store, this.recorder, this.taintEviction);
    this.store.watchJobs(this);
    this.store.watchPods(this);
    // The API server's system namespaces exist before any node registers.
    for (const ns of [...SYSTEM_NAMESPACES, ...(config.namespaces ?? [])]) this.store.addNamespace(ns);
    this.store.sealInitialNamespaces();
    this.addNodes();
  }

  /** Whether objects may be created in `ns` (the NamespaceLifecycle admission plugin's check). */
  hasNamespace(ns: string): boolean {
    return this.store.findNamespace(ns) !== undefined;
  }

  /** Creates a namespace (`lastApplied`: kubectl apply's record of it); false if it exists. */
  createNamespace(ns: string, lastApplied: string | null = null): boolean {
    if (this.hasNamespace(ns)) return false;
    this.store.addNamespace(ns).lastApplied = lastApplied;
    return true;
  }

  /**
   * `kubectl apply` of an existing namespace: false when apply made it before (nothing to
   * change); else it records `lastApplied` (an update: a new resourceVersion) and returns true.
   */
  /** Whether `kubectl apply` made or last applied the namespace (its annotation is there). */
  appliedNamespace(ns: string): boolean {
    const record = this.store.findNamespace(ns);
    return record !== undefined && record.lastApplied !== null;
  }

  applyNamespace(ns: string, lastApplied: string): boolean {
    const record = this.store.findNamespace(ns)!;
    if (record.lastApplied !== null) return false;
    record.lastApplied = lastApplied;
    record.resourceVersion = this.store.nextResourceVersion();
    return true;
  }

  get detailed(): boolean {
    return this.config.detailed;
  }

  /** Unix milliseconds of a simulated instant. */
  wallMs(simMs: number): number {
    return this.config.epochMs + simMs;
  }

  /** Back to time 0 for run `run`: no objects, fresh nodes, the run's random streams. */
  reset(run: number): void {
    this.sim.reset();
    this.store.clear();
    this.ttl.clear();
    this.gc.clear();
    this.podGc.clear();
    this.taintEviction.clear();
    this.nodeLifecycle.clear();
    this.random.setRun(run);
    this.scheduler.clear();
    this.jobController.reset();
    const nodes = this.config.nodes;
    for (let i = 0; i < nodes.length; i++) {
      this.store.nodes[i].resetState(nodes[i].firstPodIp, this.nodeImages[i]);
      this.kubelets[i].reset();
    }
    this.podPool.releaseAll();
    this.jobPool.releaseAll();
  }

  private addNodes(): void {
    this.config.nodes.forEach((n, i) => {
      const node = new NodeRecord(
        i,
        n.name,
        n.role,
        n.milliCpu,
        n.memory,
        n.pods,
        n.systemMilliCpu,
        n.systemMemory,
        n.internalIP,
        i,
        n.labels,
        0,
      );
      node.nextPodIp = n.firstPodIp;
      node.firstPodIp = n.firstPodIp;
      for (const img of this.nodeImages[i]) node.images.add(img);
      this.kubelets.push(
        new Kubelet(node, this.sim, this.store, this.random, this.recorder, this.config.profile, {
          keepLogs: this.detailed,
          recycle: !this.detailed,
        }),
      );
      this.store.addNode(node);
    });
  }

  // ---- watch fan-out -----------------------------------------------------------------------
  // The cluster's own components watch through one listener each for Jobs and pods, which
  // calls them in the order they would have registered one by one (Job controller, then
  // scheduler, then the pod's kubelet; Job controller, GC, TTL). Same deliveries, same order —
  // so the same events scheduled in the same order — but direct calls the compiler can inline
  // instead of one indirect call per component per write (every write is on the hot path).

  onJob(type: WatchType, job: JobRecord, generationChanged: boolean): void {
    this.jobController.onJob(type, job, generationChanged);
    this.gc.onJob(type, job);
    this.ttl.onJob(type, job);
  }

  onPod(type: WatchType, pod: PodRecord): void {
    this.jobController.onPod(type, pod);
    this.scheduler.onPod(type, pod);
    const node = pod.node;
    if (node === null) {
      // A pod deleted before it was bound: no kubelet will end it, the pod GC will.
      if (pod.deletionMs !== NONE && type === WatchType.Modified) this.podGc.unboundTerminating(pod);
      return;
    }
    const kubelet = node.kubelet as Kubelet;
    if (type === WatchType.Deleted) kubelet.podRemoved(pod);
    else kubelet.podChanged(pod);
    // The taint eviction controller's pod informer matters only on a NoExecute-tainted node.
    if (node.unreachableNoExecuteMs >= 0) {
      if (type === WatchType.Deleted) this.taintEviction.podRemoved(pod);
      else this.taintEviction.podOnTaintedNode(pod);
    }
  }

  /** `docker stop` of a node's container: its kubelet stops (kubelet.ts stop), and with it the
   * Lease renewals the node lifecycle controller watches (node-lifecycle.ts). Idempotent. */
  stopNode(node: NodeRecord): void {
    if (node.kubeletStoppedMs >= 0) return;
    (node.kubelet as Kubelet).stop(this.store.pods);
    this.nodeLifecycle.kubeletStopped(node);
  }

  // ---- the API: jobs -----------------------------------------------------------------------

  /** Defaults and validates a manifest (prepared-job.ts). */
  static readonly prepareJob = prepareJob;

  /**
   * The name the API server generates for a Job created with generateName only: the n-th such
   * create of that prefix in this run draws the n-th name of the prefix's own stream.
   */
  generateJobName(namespace: string, generateName: string, dryRun = false): string {
    const key = `generate:${namespace}/${generateName}`;
    // A server dry run shows the name a create would get, and stores nothing: not even the draw.
    const ordinal = dryRun ? this.store.peekIncarnation(key) : this.store.takeIncarnation(key);
    return this.identities.generatedJobName(namespace, generateName, ordinal);
  }

  /**
   * The UID the next create of this Job would get. The registry sets a new object's UID before
   * it validates it (rest.BeforeCreate → FillObjectMetaSystemFields), so an invalid Job's
   * generated-selector errors name it (batch validation.go validateGeneratedSelector).
   */
  nextJobUid(namespace: string, name: string): string {
    const incarnation = this.store.peekIncarnation(`${namespace}/${name}`);
    return this.identities.jobUid(jobStreamBase(jobNameHash(namespace, name), incarnation));
  }

  /** POST of a prepared Job (one with generateName only is named here, as the registry does). */
  createJob(prepared: PreparedJob, annotations?: Record<string, string>): JobRecord {
    const now = this.sim.now;
    let object = prepared.object;
    let key = prepared.key;
    let nameHash = prepared.nameHash;
    // A row of Monte Carlo's results follows the first Job of its name; Jobs named by the API
    // server are known by their prefix, so only the first Job made from it is that row's.
    let observed = true;
    if (prepared.name === "") {
      const generateName = object.metadata?.generateName ?? "";
      observed = this.store.peekIncarnation(`generate:${prepared.namespace}/${generateName}`) === 0;
      const name = this.generateJobName(prepared.namespace, generateName);
      object = withJobName(object, name);
      key = `${prepared.namespace}/${name}`;
      nameHash = jobNameHash(prepared.namespace, name);
    }
    const incarnation = this.store.takeIncarnation(key);
    const base = jobStreamBase(nameHash, incarnation);
    if (this.detailed) {
      object = withJobUid(object, this.identities.jobUid(base));
      if (annotations) object.metadata!.annotations = { ...annotations };
    }
    const seq = this.store.takeJobSeq();
    const free = this.detailed ? undefined : this.jobPool.take();
    const job =
      free === undefined
        ? new JobRecord(seq, incarnation, object, apiTime(now), prepared.view)
        : free.reuse(seq, incarnation, object, apiTime(now), prepared.view);
    if (free === undefined && !this.detailed) this.jobPool.add(job);
    job.streamBase = base;
    job.observerIndex = observed ? prepared.tag : NONE;
    this.store.addJob(job);
    return job;
  }

  /** The Priority plugin's answer for the pods of the Job's current template (memoized on its view). */
  podPriority(job: JobRecord): PriorityAdmission {
    const view = job.view;
    if (view.priorityOf !== this.priorityClasses || view.priority === null) {
      view.priority = this.priorityClasses.admit(job.object.spec?.template.spec);
      view.priorityOf = this.priorityClasses;
    }
    return view.priority;
  }

  deleteJob(job: JobRecord, propagation: Propagation = "Background"): void {
    this.store.deleteJob(job, propagation);
  }

  deletePod(pod: PodRecord, graceSeconds?: number): void {
    this.store.deletePod(pod, graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
  }

  /** PodCreator: the controller's create with generateName `<job>-` (`<job>-<index>-` for a
   * completion index). */
  createPod(job: JobRecord, index: number, indexFailures = 0, indexIgnoredFailures = 0): PodRecord | null {
    const indexed = index !== NONE;
    const prefix = indexed ? indexedPodGenerateName(job.name, index) : job.podNamePrefix;
    // The Priority plugin (mutating admission) answers before validation does.
    if (this.podPriority(job).forbidden !== null || job.view.podCreateErrors !== null) {
      this.refusedPrefix = prefix;
      job.refusedCreates++;
      return null;
    }
    const seq = this.store.takePodSeq();
    const ordinal = job.podsCreated++;
    const template = indexed ? job.indexedPodTemplate(index) : job.podTemplate;
    const policy = job.view.restartPolicy;
    const now = apiTime(this.sim.now);
    const ids = this.identities;
    const free = this.detailed ? undefined : this.podPool.take();
    const pod =
      free === undefined
        ? new PodRecord(seq, job.namespace, prefix, job, ordinal, index, template, policy, now, ids)
        : free.reuse(seq, job.namespace, prefix, job, ordinal, index, template, policy, now, ids);
    if (free === undefined && !this.detailed) this.podPool.add(pod);
    pod.indexFailureCount = indexFailures;
    pod.indexIgnoredFailureCount = indexIgnoredFailures;
    this.store.addPod(pod);
    return pod;
  }

  /** PodCreator: the API server's answer to the create createPod just refused. */
  refusedPodMessage(job: JobRecord): string {
    const forbidden = this.podPriority(job).forbidden;
    if (forbidden !== null) return podForbiddenMessage(this.refusedPrefix, forbidden);
    const name = this.identities.refusedPodName(job.streamBase, this.refusedPrefix, job.refusedCreates - 1);
    return apiServerInvalidMessage("Pod", "", name, job.view.podCreateErrors ?? []);
  }
}
