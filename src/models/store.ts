import { InertStore } from "./inert-store.js";
import { NamespaceRecord } from "./namespace-record.js";
import {
  apiTime,
  isTerminal,
  type JobRecord,
  NONE,
  type NodeRecord,
  objectList,
  type PodRecord,
} from "./objects.js";
import { shortenDeletionGrace } from "./pod-deletion.js";
import { type JobListener, type NodeListener, type PodListener, WatchType } from "./store-watch.js";

export {
  type JobListener,
  type NodeListener,
  type PodListener,
  WATCH_TYPE_NAMES,
  WatchType,
} from "./store-watch.js";

/**
 * The simulated API server: the objects, their resourceVersions, and the watch events that
 * are the only way controllers learn about each other's work (as through a real API server).
 *
 * Watches are delivered synchronously, in listener registration order, as part of the write.
 * Listeners react by scheduling simulation events (work queues, kubelet actions), never by
 * writing back inside the notification — except for bookkeeping the API server itself does
 * (removal of an object whose last finalizer went).
 */

/** How a deleted Job's dependents are treated (metav1.DeletionPropagation). */
export type Propagation = "Background" | "Foreground" | "Orphan";

export class Store {
  private rv = 0;
  private nextJobSeq = 0;
  private nextPodSeq = 0;
  readonly jobs: JobRecord[] = objectList();
  readonly pods: PodRecord[] = objectList();
  readonly nodes: NodeRecord[] = [];
  readonly namespaces: NamespaceRecord[] = [];
  /** Objects kept, not simulated (Monte Carlo never makes any: plan.ts leaves them out). */
  readonly inert = new InertStore();
  /** Namespaces every run starts with (the first ones added; created before the nodes). */
  private initialNamespaces = 0;
  // Listeners are kept with their bound handler functions: the notify loops then call through
  // one monomorphic site instead of a megamorphic method lookup per listener (a hot path).
  private readonly jobListeners: { l: JobListener; f: JobListener["onJob"] }[] = [];
  private readonly podListeners: { l: PodListener; f: PodListener["onPod"] }[] = [];
  private readonly nodeListeners: { l: NodeListener; f: NodeListener["onNode"] }[] = [];
  private readonly podDetailListeners: ((pod: PodRecord) => void)[] = [];
  /** Jobs ever created per "namespace/name", for incarnation numbers (a short list: a run has few). */
  private readonly incarnationKeys: string[] = objectList();
  private readonly incarnationCounts: number[] = [];

  constructor(private readonly clock: { readonly now: number }) {}

  get now(): number {
    return this.clock.now;
  }

  /** Next etcd revision; every write takes one. */
  nextResourceVersion(): number {
    return ++this.rv;
  }

  watchJobs(l: JobListener): void {
    this.jobListeners.push({ l, f: l.onJob.bind(l) });
  }

  watchPods(l: PodListener): void {
    this.podListeners.push({ l, f: l.onPod.bind(l) });
  }

  watchNodes(l: NodeListener): void {
    this.nodeListeners.push({ l, f: l.onNode.bind(l) });
  }

  /**
   * Observes kubelet-side pod detail that no API write shows (an image pull starting or
   * ending): for the run timeline, which draws pulls apart from container creation. Nothing is
   * written and no watch event is sent.
   */
  observePodDetail(f: (pod: PodRecord) => void): void {
    this.podDetailListeners.push(f);
  }

  /** Called by the kubelet when such detail changes. */
  podDetailChanged(pod: PodRecord): void {
    for (const f of this.podDetailListeners) f(pod);
  }

  /** Stops every watch of `l` (job, pod and node). */
  unwatch(l: object): void {
    for (const list of [this.jobListeners, this.podListeners, this.nodeListeners] as { l: object }[][]) {
      const i = list.findIndex((e) => e.l === l);
      if (i >= 0) list.splice(i, 1);
    }
  }

  /** Stops the pod watch of `l` only. */
  unwatchPods(l: PodListener): void {
    const i = this.podListeners.findIndex((e) => e.l === l);
    if (i >= 0) this.podListeners.splice(i, 1);
  }

  // ---- namespaces ------------------------------------------------------------------------------

  addNamespace(name: string): NamespaceRecord {
    const ns = new NamespaceRecord(name, this.clock.now, this.nextResourceVersion());
    this.namespaces.push(ns);
    return ns;
  }

  findNamespace(name: string): NamespaceRecord | undefined {
    for (const ns of this.namespaces) if (ns.name === name) return ns;
    return undefined;
  }

  /** The namespaces stored now are the ones every run starts with (clear keeps them). */
  sealInitialNamespaces(): void {
    this.initialNamespaces = this.namespaces.length;
  }

  /** Forgets every Job and Pod (a new Monte Carlo run); nodes, the initial namespaces and listeners stay. */
  clear(): void {
    this.rv = this.initialNamespaces + this.nodes.length;
    // Truncating through the length setter is a slow runtime call: pop what a run added (usually nothing).
    while (this.namespaces.length > this.initialNamespaces) this.namespaces.pop();
    for (const ns of this.namespaces) ns.lastApplied = null;
    this.inert.clear();
    this.nextJobSeq = 0;
    this.nextPodSeq = 0;
    while (this.jobs.length > 0) this.jobs.pop();
    while (this.pods.length > 0) this.pods.pop();
    while (this.incarnationKeys.length > 0) {
      this.incarnationKeys.pop();
      this.incarnationCounts.pop();
    }
  }

  // ---- sequence numbers -------------------------------------------------------------------

  takeJobSeq(): number {
    return this.nextJobSeq++;
  }

  takePodSeq(): number {
    return this.nextPodSeq++;
  }

  /** The next incarnation number of the Job `key` ("namespace/name"). */
  /** The ordinal takeIncarnation would give next, without taking it (a server dry run). */
  peekIncarnation(key: string): number {
    const i = this.incarnationKeys.indexOf(key);
    return i < 0 ? 0 : this.incarnationCounts[i];
  }

  takeIncarnation(key: string): number {
    const i = this.incarnationKeys.indexOf(key);
    if (i < 0) {
      this.incarnationKeys.push(key);
      this.incarnationCounts.push(1);
      return 0;
    }
    return this.incarnationCounts[i]++;
  }

  // ---- lookups ------------------------------------------------------------------------------

  findJob(namespace: string, name: string): JobRecord | undefined {
    for (const j of this.jobs) if (j.name === name && j.namespace === namespace) return j;
    return undefined;
  }

  findPod(namespace: string, name: string): PodRecord | undefined {
    for (const p of this.pods) if (p.namespace === namespace && p.name === name) return p;
    return undefined;
  }

  findNode(name: string): NodeRecord | undefined {
    for (const n of this.nodes) if (n.name === name) return n;
    return undefined;
  }

  // ---- nodes --------------------------------------------------------------------------------

  addNode(node: NodeRecord): void {
    node.resourceVersion = this.nextResourceVersion();
    this.nodes.push(node);
    for (const e of this.nodeListeners) e.f(WatchType.Added, node);
  }

  /** A write to a node (a cordon's PATCH, the node lifecycle controller's taint update). */
  updateNode(node: NodeRecord): void {
    node.resourceVersion = this.nextResourceVersion();
    for (const e of this.nodeListeners) e.f(WatchType.Modified, node);
  }

  // ---- jobs ---------------------------------------------------------------------------------

  addJob(job: JobRecord): void {
    job.resourceVersion = this.nextResourceVersion();
    this.jobs.push(job);
    this.notifyJob(WatchType.Added, job, true);
  }

  /** A spec or metadata update (generation bumped when the spec changed). */
  updateJob(job: JobRecord, specChanged: boolean): void {
    if (specChanged) job.generation++;
    job.resourceVersion = this.nextResourceVersion();
    this.notifyJob(WatchType.Modified, job, specChanged);
  }

  /** A status write (the /status subresource). */
  updateJobStatus(job: JobRecord): void {
    job.status.written = true;
    job.resourceVersion = this.nextResourceVersion();
    this.notifyJob(WatchType.Modified, job, false);
  }

  /**
   * DELETE of a Job. Background removes the object now (the garbage collector then deletes the
   * pods); Foreground and Orphan mark it with their finalizer (registry store.go
   * deletionFinalizersForGarbageCollection) and the GC removes it after its pods are gone or orphaned.
   */
  deleteJob(job: JobRecord, propagation: Propagation): void {
    if (job.deletionMs !== NONE) return;
    if (propagation !== "Background") {
      job.deletionMs = apiTime(this.now);
      job.finalizers.push(propagation === "Foreground" ? "foregroundDeletion" : "orphan");
      // markAsDeleting (apiserver registry store.go) bumps the generation of an object without
      // graceful deletion when it first gets a deletionTimestamp: the Job controller sees a
      // generation change and syncs at once (updateJob: enqueueSyncJobImmediately).
      job.generation++;
      job.resourceVersion = this.nextResourceVersion();
      this.notifyJob(WatchType.Modified, job, true);
      return;
    }
    this.removeJob(job);
  }

  /** Removes a Job whose deletion is complete. */
  removeJob(job: JobRecord): void {
    const i = this.jobs.indexOf(job);
    if (i < 0) return;
    this.jobs.splice(i, 1);
    job.removed = true;
    if (job.deletionMs === NONE) job.deletionMs = apiTime(this.now);
    job.resourceVersion = this.nextResourceVersion();
    this.notifyJob(WatchType.Deleted, job, false);
  }

  /** The GC is done with a Job's dependents (gone, or orphaned): drop `finalizer`, and the Job. */
  finishDeletion(job: JobRecord, finalizer: "foregroundDeletion" | "orphan"): void {
    job.finalizers = job.finalizers.filter((f) => f !== finalizer);
    if (job.finalizers.length === 0) this.removeJob(job);
  }

  // The notify loops call the first two listeners through call sites of their own: each then
  // sees one listener class (a cluster registers first, then Monte Carlo's collector or a
  // session's recorder), so the compiler inlines the call. The rest go through the bound
  // functions. Same listeners, same order, same list semantics as a plain loop.

  private notifyJob(type: WatchType, job: JobRecord, generationChanged: boolean): void {
    const ls = this.jobListeners;
    for (let i = 0; i < ls.length; i++) {
      if (i === 0) ls[0].l.onJob(type, job, generationChanged);
      else if (i === 1) ls[1].l.onJob(type, job, generationChanged);
      else ls[i].f(type, job, generationChanged);
    }
  }

  // ---- pods ---------------------------------------------------------------------------------

  addPod(pod: PodRecord): void {
    pod.resourceVersion = this.nextResourceVersion();
    this.pods.push(pod);
    if (pod.owner !== null) {
      pod.owner.pods.push(pod);
      pod.owner.podsVersion++;
    }
    this.notifyPod(WatchType.Added, pod);
  }

  /** Any write to a pod (binding, status, metadata). */
  updatePod(pod: PodRecord): void {
    pod.resourceVersion = this.nextResourceVersion();
    if (pod.owner !== null) pod.owner.podsVersion++;
    this.notifyPod(WatchType.Modified, pod);
  }

  /**
   * The scheduler's binding or the kubelet's first status of a pod: a write like updatePod
   * (new resourceVersion, same watch event) that leaves the owner's podsVersion alone when
   * the pod is neither terminal nor being deleted. podsVersion is the Job controller's memo
   * key ("something syncJob reads may have changed"); these writes set only the node, IPs,
   * startTime and condition times, which syncJob reads for finished, failed or deleted pods
   * (finish time, failure policy, removal order) and never for such a pod.
   */
  updatePodStartup(pod: PodRecord): void {
    pod.resourceVersion = this.nextResourceVersion();
    if (pod.owner !== null && (pod.deletionMs !== NONE || isTerminal(pod.phase))) pod.owner.podsVersion++;
    this.notifyPod(WatchType.Modified, pod);
  }

  /**
   * DELETE of a pod with a grace period (pkg/registry/core/pod/strategy.go CheckGracefulDelete):
   * an unscheduled or terminal pod is deleted with grace 0. With grace 0 and no finalizer the
   * object goes at once; otherwise it gets deletionTimestamp = now + grace and stays until the
   * kubelet confirms (`confirmPodTermination`) and its finalizers are gone. Either way the
   * deletionTimestamp is written first — a MODIFIED event even when the pod goes in the same
   * request (apiserver registry store.go Delete: updateForGracefulDeletionAndFinalizers stores
   * the graceful object, then Storage.Delete removes it).
   */
  deletePod(pod: PodRecord, requestedGrace: number): void {
    // CheckGracefulDelete (pkg/registry/core/pod/strategy.go): a negative period — a template's
    // terminationGracePeriodSeconds the API server admitted with a warning — becomes 1.
    const graceSeconds = requestedGrace < 0 ? 1 : requestedGrace;
    if (pod.deletionMs !== NONE) {
      // A second DELETE may only shorten the grace; with 0, no finalizer means deleted at once
      // (store.go updateForGracefulDeletionAndFinalizers: "intentionally delete gracelessly").
      if (graceSeconds < pod.deletionGraceSeconds) {
        shortenDeletionGrace(pod, graceSeconds, this.now);
        this.updatePod(pod);
        if (pod.deletionGraceSeconds === 0 && !pod.trackingFinalizer) this.removePod(pod);
      }
      return;
    }
    const grace = pod.nodeName === null || isTerminal(pod.phase) ? 0 : graceSeconds;
    pod.generation++; // the first DELETE bumps it (rest/delete.go BeforeDelete), grace 0 too
    if (grace === 0 && !pod.trackingFinalizer) {
      pod.deletionMs = apiTime(this.now);
      pod.deletionGraceSeconds = 0;
      this.updatePod(pod);
      this.removePod(pod);
      return;
    }
    pod.deletionMs = apiTime(this.now) + grace * 1000;
    pod.deletionGraceSeconds = grace;
    this.updatePod(pod);
  }

  /** The kubelet's final DELETE (grace 0) once the containers are gone: the shortened grace is
   * written (MODIFIED), then the pod goes unless a finalizer holds it. A grace already 0 changes
   * nothing (markAsDeleting leaves the object as it is: no write). */
  confirmPodTermination(pod: PodRecord): void {
    if (pod.deletionMs === NONE || !this.pods.includes(pod)) return;
    if (pod.deletionGraceSeconds > 0) {
      shortenDeletionGrace(pod, 0, this.now);
      this.updatePod(pod);
    }
    if (!pod.trackingFinalizer) this.removePod(pod);
  }

  /** PATCH removing batch.kubernetes.io/job-tracking. */
  removeTrackingFinalizer(pod: PodRecord): void {
    if (!pod.trackingFinalizer) return;
    pod.trackingFinalizer = false;
    if (pod.deletionMs !== NONE && pod.deletionGraceSeconds === 0) this.removePod(pod);
    else this.updatePod(pod);
  }

  /** The garbage collector's orphaning: drop the owner reference. */
  orphanPod(pod: PodRecord): void {
    const job = pod.owner;
    if (job === null) return;
    pod.owner = null;
    job.podsVersion++;
    const i = job.pods.indexOf(pod);
    if (i >= 0) job.pods.splice(i, 1);
    this.updatePod(pod);
  }

  private removePod(pod: PodRecord): void {
    const i = this.pods.indexOf(pod);
    if (i < 0) return;
    this.pods.splice(i, 1);
    pod.removed = true;
    const job = pod.owner;
    if (job !== null) {
      job.podsVersion++;
      const j = job.pods.indexOf(pod);
      if (j >= 0) job.pods.splice(j, 1);
    }
    pod.resourceVersion = this.nextResourceVersion();
    this.notifyPod(WatchType.Deleted, pod);
  }

  private notifyPod(type: WatchType, pod: PodRecord): void {
    const ls = this.podListeners;
    for (let i = 0; i < ls.length; i++) {
      if (i === 0) ls[0].l.onPod(type, pod);
      else if (i === 1) ls[1].l.onPod(type, pod);
      else ls[i].f(type, pod);
    }
  }
}
