import type { PodSpec, Toleration } from "kubernetes-types/core/v1.js";
import type { EventHandler, Simulation } from "../engine/simulation.js";
import { setDisruptionTarget } from "./disruption-target.js";
import { podRef } from "./event-refs.js";
import type { EventRecorder, InvolvedObject } from "./events.js";
import { DisruptionBy, type NodeRecord, type PodRecord } from "./objects.js";
import type { Store } from "./store.js";
import { NOT_READY_TAINT_KEY, toleratesTaint, UNREACHABLE_TAINT_KEY } from "./taints.js";

/**
 * The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go; its own
 * controller, "taint-eviction-controller", since SeparateTaintEvictionController) for the one
 * NoExecute taint jobsim's nodes get: `node.kubernetes.io/unreachable` (node-lifecycle.ts).
 *
 *  - handleNodeUpdate: when a node's NoExecute taints change, every pod assigned to it (any
 *    phase: the spec.nodeName index holds terminal pods too) goes through processPodOnNode:
 *    a pod that does not tolerate the taint is deleted now; one that tolerates it for ever is
 *    left; else a timed worker fires `now + the smallest tolerationSeconds` of the tolerations
 *    used (getMinTolerationTime). A pod bound to the node later is processed when the pod
 *    informer sees its nodeName (PodUpdated), from that instant.
 *  - The worker (deletePodHandler): the Normal event TaintManagerEviction "Marking for deletion
 *    Pod <ns>/<name>" (its involvedObject carries no uid, so `kubectl describe pod`, which
 *    searches by uid, does not list it), then addConditionAndDeletePod: the DisruptionTarget
 *    condition (True, DeletionByTaintManager, "Taint manager: deleting due to NoExecute taint")
 *    by a status PATCH, then a DELETE with no options (the pod's terminationGracePeriodSeconds).
 *  - A pod deleted while its worker waits: CancelWork and the event "Cancelling deletion of Pod
 *    <ns>/<name>" (handlePodUpdate on NotFound → cancelWorkWithEvent).
 *
 * With no kubelet to answer, the deleted pod stays Terminating, phase unchanged: nothing else
 * ends it (PodGC's gcTerminating needs the node.kubernetes.io/out-of-service taint, and its
 * gcOrphaned a node that is gone).
 */

/** The event source (kube-controller-manager names.TaintEvictionController). */
export const TAINT_EVICTION_COMPONENT = "taint-eviction-controller";
export const DELETION_BY_TAINT_MANAGER = "DeletionByTaintManager";
export const TAINT_MANAGER_MESSAGE = "Taint manager: deleting due to NoExecute taint";
/** The DefaultTolerationSeconds admission plugin's default (--default-unreachable-toleration-seconds
 * and --default-not-ready-toleration-seconds: 300). */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * The tolerations a pod has once admitted: its own, then the DefaultTolerationSeconds plugin's
 * (plugin/pkg/admission/defaulttolerationseconds/admission.go): `not-ready` and `unreachable`
 * NoExecute for 300 s, each added only when no toleration of the pod already covers that key
 * with effect NoExecute (a toleration with an empty key or an empty effect counts).
 */
export function admittedTolerations(own: readonly Toleration[] | undefined): Toleration[] {
  const list = [...(own ?? [])];
  const covers = (key: string) =>
    list.some(
      (t) =>
        ((t.key ?? "") === key || (t.key ?? "") === "") &&
        ((t.effect ?? "") === "NoExecute" || (t.effect ?? "") === ""),
    );
  const addNotReady = !covers(NOT_READY_TAINT_KEY);
  const addUnreachable = !covers(UNREACHABLE_TAINT_KEY);
  if (addNotReady)
    list.push({
      key: NOT_READY_TAINT_KEY,
      operator: "Exists",
      effect: "NoExecute",
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    });
  if (addUnreachable)
    list.push({
      key: UNREACHABLE_TAINT_KEY,
      operator: "Exists",
      effect: "NoExecute",
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    });
  return list;
}

/** Evict at once (the taint is not tolerated, or tolerated for at most 0 s). */
export const EVICT_NOW = 0;
/** Tolerated for ever (no tolerationSeconds on the toleration used). */
export const NEVER_EVICT = -1;

/**
 * How long after the `unreachable:NoExecute` taint reaches the controller the pod is deleted, in
 * ms: GetMatchingTolerations takes, for the taint, the first toleration that tolerates it (none:
 * EVICT_NOW); getMinTolerationTime reads its tolerationSeconds (unset: NEVER_EVICT; ≤ 0:
 * EVICT_NOW). The tolerations are the admitted ones (admittedTolerations).
 */
export function unreachableEvictionDelayMs(own: readonly Toleration[] | undefined): number {
  const used = admittedTolerations(own).find((t) => toleratesTaint(t, UNREACHABLE_TAINT_KEY, "NoExecute"));
  if (used === undefined) return EVICT_NOW;
  const s = used.tolerationSeconds;
  if (s === undefined || s === null) return NEVER_EVICT;
  return s <= 0 ? EVICT_NOW : s * 1000;
}

/**
 * The TaintToleration filter (pkg/scheduler/framework/plugins/tainttoleration
 * taint_toleration.go `Filter`) on the node lifecycle controller's unreachable taints:
 * FindMatchingUntoleratedTaint over the NoSchedule and NoExecute taints in the node's order
 * (NoSchedule first: it is added a pass earlier), with the pod's admitted tolerations. Its
 * status is UnschedulableAndUnresolvable, "node(s) had untolerated taint(s)" (named, "…taint
 * {<key>: <value>}", before kubernetes #134740: VersionProfile taintFilterNamesTaint).
 */
export function refusedByUnreachableTaint(spec: PodSpec, node: NodeRecord): boolean {
  if (node.unreachableNoScheduleMs < 0) return false;
  const tolerations = admittedTolerations(spec.tolerations);
  const tolerated = (effect: string) =>
    tolerations.some((t) => toleratesTaint(t, UNREACHABLE_TAINT_KEY, effect));
  return !tolerated("NoSchedule") || (node.unreachableNoExecuteMs >= 0 && !tolerated("NoExecute"));
}

/** The filter's reason for the unreachable taint (empty value) up to kubernetes #134740. */
export const UNTOLERATED_UNREACHABLE = `node(s) had untolerated taint {${UNREACHABLE_TAINT_KEY}: }`;
/** Its reason since (1.35, and 1.34 by cherry-pick): the taint is left out of the pod's status. */
export const UNTOLERATED_TAINTS = "node(s) had untolerated taint(s)";

export class TaintEvictionController implements EventHandler {
  /** The timed workers waiting, by pod. */
  private readonly workers = new Map<PodRecord, number>();
  /** Pods of tainted nodes already processed (PodUpdated acts on a pod's add or new nodeName). */
  private readonly seen = new Set<PodRecord>();

  constructor(
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly recorder: EventRecorder | null,
  ) {}

  /** handleNodeUpdate for a node that got its NoExecute taint: each pod assigned to it. */
  noExecuteTainted(node: NodeRecord): void {
    for (const pod of this.store.pods) if (pod.node === node) this.process(pod);
  }

  /** A write to a pod bound to a tainted node: the informer's add or nodeName change the first time. */
  podOnTaintedNode(pod: PodRecord): void {
    if (!pod.removed && !this.seen.has(pod)) this.process(pod);
  }

  /** The pod is gone: a worker still waiting is cancelled, with its event. */
  podRemoved(pod: PodRecord): void {
    this.seen.delete(pod);
    const handle = this.workers.get(pod);
    if (handle === undefined) return;
    this.sim.cancel(handle);
    this.workers.delete(pod);
    this.event(pod, `Cancelling deletion of Pod ${pod.namespace}/${pod.name}`);
  }

  private process(pod: PodRecord): void {
    this.seen.add(pod);
    const delay = unreachableEvictionDelayMs(pod.spec.tolerations);
    if (delay === NEVER_EVICT) return;
    this.workers.set(pod, this.sim.schedule(delay, this, 0, pod));
  }

  handleEvent(_arg: number, ref: unknown): void {
    const pod = ref as PodRecord;
    this.workers.delete(pod);
    if (pod.removed) return;
    this.event(pod, `Marking for deletion Pod ${pod.namespace}/${pod.name}`);
    // addConditionAndDeletePod: the condition, then the DELETE.
    setDisruptionTarget(this.store, this.sim.now, pod, DisruptionBy.TaintManager);
    this.store.deletePod(pod, pod.spec.terminationGracePeriodSeconds ?? 30);
  }

  private event(pod: PodRecord, message: string): void {
    if (this.recorder === null) return;
    // An ObjectReference of APIVersion, Kind, Name and Namespace only (emitPodDeletionEvent).
    const ref: InvolvedObject = { ...podRef(pod), uid: "", resourceVersion: "" };
    this.recorder.record(ref, "Normal", "TaintManagerEviction", message, TAINT_EVICTION_COMPONENT);
  }

  /** A new run: no workers (the simulation's reset dropped their events). */
  clear(): void {
    if (this.workers.size > 0) this.workers.clear();
    if (this.seen.size > 0) this.seen.clear();
  }
}
