import type {
  ContainerState as ApiContainerState,
  ContainerStatus as ApiContainerStatus,
  PodCondition as ApiPodCondition,
  VolumeMountStatus,
} from "kubernetes-types/core/v1.js";
import { parseImageReference } from "./api/pod-defaults.js";
import { computePodQOS } from "./api/qos.js";
import { EVICTION_BY_EVICTION_API, EVICTION_MESSAGE } from "./eviction.js";
import type { Identities } from "./identity.js";
import { terminationMessage } from "./kubelet/termination-message.js";
import {
  type ContainerRun,
  ContainerState,
  type ContainerStatus,
  DisruptionBy,
  EXIT_CODE_STATUS_UNKNOWN,
  NONE,
  POD_PHASE_NAMES,
  PodPhase,
  type PodRecord,
  previousRun,
  STATUS_UNKNOWN_MESSAGE,
  STATUS_UNKNOWN_REASON,
} from "./objects.js";
import { disruptionSeenByKubelet } from "./pod-status.js";
import { PREEMPTION_BY_SCHEDULER } from "./preemption.js";
import { SCHEDULER_NAME } from "./scheduler.js";
import { DELETION_BY_TAINT_MANAGER, TAINT_MANAGER_MESSAGE } from "./taint-eviction.js";
import type { VersionProfile } from "./version-profile.js";

/** metadata.generation of a pod at creation (pkg/registry/core/pod/strategy.go PrepareForCreate):
 * what the scheduler's conditions, written before any deletion, observed. */
export const POD_GENERATION = 1;

/** kubernetes-types 1.30 predates the field (core/v1 PodCondition.observedGeneration, 1.33+). */
type PodCondition = ApiPodCondition & { observedGeneration?: number };

/** A container of the materialized spec: what its status's volumeMounts are made from. */
export interface SpecContainer {
  volumeMounts?: unknown;
  resources?: unknown;
  terminationMessagePolicy?: unknown;
}

/**
 * A Pod's `status` as the API serialises it (conditions, IPs, container statuses, QoS class), for
 * the Materializer. Container IDs are drawn lazily from the identity streams and kept on the run.
 *
 * Fields a 1.35 cluster shows with its default feature gates (pkg/features/kube_features.go;
 * the version profile switches them off for the releases before each gate was on):
 * - PodObservedGenerationTracking (GA, locked on in 1.35): `observedGeneration` on every
 *   condition — the kubelet's (pkg/kubelet/status/generate.go, kubelet_pods.go
 *   generateAPIPodStatus, PodScheduled included) and the scheduler's PodScheduled=False
 *   (pkg/scheduler/schedule_one.go handleSchedulingFailure) — and `status.observedGeneration`,
 *   which only the kubelet's status manager sets (status_manager.go SetPodStatus), so a pod the
 *   kubelet has not yet written has none. Both are the generation of the pod the kubelet synced
 *   (pkg/api/v1/pod/util.go CalculatePodStatusObservedGeneration / …ConditionObservedGeneration):
 *   2 from its first write after the DELETE that bumped it (PodRecord.generation).
 * - RecursiveReadOnlyMounts (GA 1.33): containerStatuses[].volumeMounts, one per spec mount, with
 *   `recursiveReadOnly` on the read-only ones (kubelet_pods.go convertToAPIContainerStatuses).
 * - InPlacePodVerticalScaling (GA, locked on in 1.35): containerStatuses[].resources, set only
 *   while the container is running (same function: `if status.State.Running != nil`).
 */
export class PodStatusMaterializer {
  constructor(
    private readonly time: (simMs: number) => string,
    private readonly identities: Identities,
    private readonly profile: VersionProfile,
  ) {}

  /**
   * DisruptionTarget=True on a pod: the scheduler's on a victim (preemption.go / executor.go
   * PreemptPod, through util.PatchPodStatus): reason PreemptionByScheduler, "<preemptor's
   * schedulerName>: preempting to accommodate a higher priority pod" (kubernetes#114914 left the
   * preemptor's name out); or the eviction API's (eviction.go addConditionAndDeletePod):
   * EvictionByEvictionAPI, "Eviction API: evicting". Both with the pod's generation as
   * observedGeneration where the version writes it (CalculatePodConditionObservedGeneration,
   * PodObservedGenerationTracking; for the eviction API's, assumed alike: docs/fidelity.md).
   */
  private disruptionCondition(pod: PodRecord): PodCondition {
    // Keys in PodCondition's field order, as the other conditions here.
    const gen = this.profile.podObservedGeneration ? { observedGeneration: pod.disruptionGeneration } : {};
    return {
      type: "DisruptionTarget",
      ...gen,
      status: "True",
      lastProbeTime: null as unknown as string,
      lastTransitionTime: this.time(pod.disruptionMs),
      ...(pod.disruptionBy === DisruptionBy.EvictionApi
        ? { reason: EVICTION_BY_EVICTION_API, message: EVICTION_MESSAGE }
        : pod.disruptionBy === DisruptionBy.TaintManager
          ? // taint_eviction.go addConditionAndDeletePod.
            { reason: DELETION_BY_TAINT_MANAGER, message: TAINT_MANAGER_MESSAGE }
          : {
              reason: PREEMPTION_BY_SCHEDULER,
              // The preemptor's schedulerName; jobsim schedules only default-scheduler's pods.
              message: `${SCHEDULER_NAME}: preempting to accommodate a higher priority pod`,
            }),
    };
  }

  podStatus(
    pod: PodRecord,
    specContainers: readonly SpecContainer[],
    specInitContainers: readonly SpecContainer[] = [],
  ): Record<string, unknown> {
    const out: Record<string, unknown> = { phase: POD_PHASE_NAMES[pod.phase] };
    const conds: PodCondition[] = [];
    const t = (ms: number) => this.time(ms);
    // conditions[].observedGeneration: the kubelet writes them all with the generation it synced
    // (kubelet_pods.go generateAPIPodStatus); before its first write only the scheduler's and
    // the binding's PodScheduled are there, from before any deletion.
    const gen = !this.profile.podObservedGeneration
      ? {}
      : { observedGeneration: pod.startTimeMs !== NONE ? pod.observedGeneration : POD_GENERATION };
    const disruption = pod.disruptionMs !== NONE ? this.disruptionCondition(pod) : null;
    const disruptionFirst = disruption !== null && disruptionSeenByKubelet(pod);
    if (disruptionFirst) conds.push(disruption);
    if (pod.startTimeMs !== NONE) {
      conds.push({
        type: "PodReadyToStartContainers",
        ...gen,
        status: pod.readyToStartContainers ? "True" : "False",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.readyToStartContainersMs),
      });
      conds.push(initializedCondition(pod, gen, t(pod.initializedMs)));
      for (const type of ["Ready", "ContainersReady"]) {
        const isReady = type === "Ready" ? pod.ready : pod.containersReady;
        const c: PodCondition = {
          type,
          ...gen,
          status: isReady ? "True" : "False",
          lastProbeTime: null as unknown as string,
          lastTransitionTime: t(type === "Ready" ? pod.readyMs : pod.containersReadyMs),
        };
        if (!isReady) {
          // ContainersReady is never held back by the gates: its reason is the containers'.
          const reason =
            type === "ContainersReady" && pod.notReadyReason === "ReadinessGatesNotReady"
              ? "ContainersNotReady"
              : pod.notReadyReason;
          // MarkPodsNotReady leaves a ready pod's condition without a reason (node-lifecycle.ts).
          if (reason !== "") c.reason = reason;
          if (reason === "ContainersNotReady") {
            // The sidecars first, then the regular containers (GenerateContainersReadyCondition).
            const names = [...pod.initContainers.filter((x) => x.sidecar), ...pod.containers]
              .filter((x) => !x.ready)
              .map((x) => x.name);
            c.message = `containers with unready status: [${names.join(" ")}]`;
          } else if (reason === "ReadinessGatesNotReady") {
            c.message = (pod.spec.readinessGates ?? [])
              .map(
                (g) => `corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`,
              )
              .join(", ");
          }
        }
        conds.push(c);
      }
    }
    if (pod.scheduledMs !== NONE)
      conds.push({
        type: "PodScheduled",
        ...gen,
        status: "True",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.scheduledMs),
      });
    else if (pod.unschedulableMs !== NONE) {
      conds.push({
        type: "PodScheduled",
        ...gen,
        status: "False",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.unschedulableMs),
        reason: "Unschedulable",
        message: pod.unschedulableMessage,
      });
    }
    if (disruption !== null && !disruptionFirst) conds.push(disruption);
    if (conds.length > 0) out.conditions = conds;
    if (pod.nominatedNodeName !== null) out.nominatedNodeName = pod.nominatedNodeName;
    if (pod.hostIP !== null) {
      out.hostIP = pod.hostIP;
      out.hostIPs = [{ ip: pod.hostIP }];
    }
    if (pod.spec.hostNetwork === true && pod.hostIP !== null) {
      // kubelet_pods.go generateAPIPodStatus: "HostNetwork Pods inherit the node IPs as PodIPs",
      // from the first status that has the host's IPs.
      out.podIP = pod.hostIP;
      out.podIPs = [{ ip: pod.hostIP }];
    } else if (pod.podIpHost !== NONE && pod.node !== null && pod.ipReported) {
      const ip = `10.42.${pod.node.podCidrIndex}.${pod.podIpHost}`;
      out.podIP = ip;
      out.podIPs = [{ ip }];
    }
    if (pod.statusReason !== "") {
      out.message = pod.statusMessage;
      out.reason = pod.statusReason;
    }
    if (pod.startTimeMs !== NONE) {
      // The kubelet has written status (its first sync sets startTime).
      if (this.profile.podObservedGeneration) out.observedGeneration = pod.observedGeneration;
      out.startTime = t(pod.startTimeMs);
      // Init container statuses in spec order (kubetypes.SortInitContainerStatuses), the others
      // by name.
      if (pod.initContainers.length > 0)
        out.initContainerStatuses = pod.initContainers.map((c) =>
          this.containerStatus(pod, c, specInitContainers[c.specIndex]),
        );
      out.containerStatuses = pod.containersByName.map((c) =>
        this.containerStatus(pod, c, specContainers[c.specIndex]),
      );
    }
    out.qosClass = qosClass(pod);
    return out;
  }

  private containerStatus(pod: PodRecord, c: ContainerStatus, spec: SpecContainer): ApiContainerStatus {
    // Before the runtime has a container of this name, the kubelet's status is its default one
    // (kubelet_pods.go convertToAPIContainerStatuses: `Image: container.Image`, the spec's image as
    // written, and no imageID); from then on the runtime's, with containerd's normalised reference.
    const created = c.current !== null;
    const status: ApiContainerStatus = {
      name: c.name,
      image: created ? normalizeImage(c.image) : c.image,
      imageID:
        created && c.imageResolved
          ? `${parseImageReference(normalizeImage(c.image)).repository}@sha256:${c.behaviour.digest}`
          : "",
      ready: c.ready,
      restartCount: c.restartCount,
      started: c.started && c.state === ContainerState.Running,
      state: {},
      lastState:
        previousRun(c) !== null ? { terminated: this.terminated(pod, c, previousRun(c)!, spec) } : {},
    };
    if (c.current !== null) status.containerID = `containerd://${this.runId(pod, c, c.current)}`;
    if (c.state === ContainerState.Waiting) {
      status.state = {
        waiting: c.waitingMessage
          ? { reason: c.waitingReason, message: c.waitingMessage }
          : { reason: c.waitingReason },
      };
    } else if (c.state === ContainerState.Running) {
      status.state = { running: { startedAt: this.time(c.current!.startedMs) } };
      if (this.profile.runningContainerResources) status.resources = runningResources(spec.resources);
    } else if (c.statusUnknown) {
      // TerminatePod's state: no container, so no containerID, and zero (null) times.
      status.state = {
        terminated: {
          exitCode: EXIT_CODE_STATUS_UNKNOWN,
          reason: STATUS_UNKNOWN_REASON,
          message: STATUS_UNKNOWN_MESSAGE,
          // metav1.Time's zero value marshals as null (kubernetes-types types it string only).
          startedAt: null as unknown as string,
          finishedAt: null as unknown as string,
        },
      };
    } else {
      status.state = { terminated: this.terminated(pod, c, c.current!, spec) };
    }
    const mounts = volumeMountStatuses(spec.volumeMounts);
    if (mounts.length > 0) status.volumeMounts = mounts;
    return status;
  }

  private terminated(
    pod: PodRecord,
    c: ContainerStatus,
    run: ContainerRun,
    spec: SpecContainer,
  ): NonNullable<ApiContainerState["terminated"]> {
    const out: NonNullable<ApiContainerState["terminated"]> = {
      exitCode: run.exitCode,
      reason: run.reason,
      startedAt: this.time(run.startedMs),
      finishedAt: this.time(run.finishedMs),
      containerID: `containerd://${this.runId(pod, c, run)}`,
    };
    const message = terminationMessage(run, spec.terminationMessagePolicy);
    if (message !== "") out.message = message;
    return out;
  }

  private runId(pod: PodRecord, c: ContainerStatus, run: ContainerRun): string {
    // (Init containers' ids come from slots of their own: a regular container's id is the same
    // whether or not its pod has init containers.)
    if (run.containerId === null)
      run.containerId = this.identities.containerId(
        pod,
        c.init ? INIT_CONTAINER_ID_SLOT + c.specIndex : c.specIndex,
        run.restart,
      );
    return run.containerId;
  }
}

/** Where init containers' container-id draws start (containerId takes slot · 65536 + restart). */
const INIT_CONTAINER_ID_SLOT = 16384;

/**
 * The Initialized condition (pkg/kubelet/status/generate.go GeneratePodInitializedCondition): True
 * once every init container terminated with exit code 0 (from the first status for a pod with
 * none); until then False, reason ContainersNotInitialized, naming the init containers not yet
 * done in spec order. lastTransitionTime moves only when the status changes.
 */
function initializedCondition(pod: PodRecord, gen: object, lastTransitionTime: string): PodCondition {
  const c: PodCondition = {
    type: "Initialized",
    ...gen,
    status: pod.initialized ? "True" : "False",
    lastProbeTime: null as unknown as string,
    lastTransitionTime,
  };
  // Every Succeeded pod's Initialized condition carries reason PodCompleted, with or without init
  // containers (GeneratePodInitializedCondition's first check for a known status list).
  if (pod.phase === PodPhase.Succeeded) c.reason = "PodCompleted";
  else if (!pod.initialized) {
    c.reason = "ContainersNotInitialized";
    const incomplete = pod.initContainers.filter((x) => !initContainerDone(x)).map((x) => x.name);
    c.message = `containers with incomplete status: [${incomplete.join(" ")}]`;
  }
  return c;
}

/** isInitContainerInitialized: a sidecar started (and running), another terminated with exit code 0. */
function initContainerDone(c: ContainerStatus): boolean {
  if (c.sidecar) return c.started && c.state === ContainerState.Running;
  return c.state === ContainerState.Terminated && !c.statusUnknown && c.current!.exitCode === 0;
}

/**
 * containerStatuses[].volumeMounts (kubelet_pods.go convertToAPIContainerStatuses): name,
 * mountPath, readOnly, and for a read-only mount recursiveReadOnly — `Enabled` when the spec asks
 * for Enabled or IfPossible (containerd 2 on a ≥5.12 kernel, as k3s nodes are, supports it:
 * resolveRecursiveReadOnly), else `Disabled`.
 */
function volumeMountStatuses(mounts: unknown): VolumeMountStatus[] {
  if (!Array.isArray(mounts)) return [];
  return mounts.map((m: Record<string, unknown>) => {
    const out: VolumeMountStatus = { name: String(m.name), mountPath: String(m.mountPath) };
    if (m.readOnly === true) {
      out.readOnly = true;
      const rro = m.recursiveReadOnly;
      out.recursiveReadOnly = rro === "Enabled" || rro === "IfPossible" ? "Enabled" : "Disabled";
    }
    return out;
  });
}

/** What convertContainerStatusResources reports for a running container: limits and requests of
 * cpu, memory and ephemeral-storage from the allocation (the spec, as no pod is resized here);
 * `{}` when the container sets none. */
const STATUS_RESOURCES = ["cpu", "memory", "ephemeral-storage"];
function runningResources(resources: unknown): NonNullable<ApiContainerStatus["resources"]> {
  const r = (resources ?? {}) as { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
  const out: Record<string, Record<string, unknown>> = {};
  for (const kind of ["limits", "requests"] as const) {
    const from = r[kind];
    if (from === undefined) continue;
    const list: Record<string, unknown> = {};
    for (const name of STATUS_RESOURCES) if (from[name] !== undefined) list[name] = from[name];
    out[kind] = list;
  }
  return out as NonNullable<ApiContainerStatus["resources"]>;
}

/** containerd's normalised reference: docker.io/library/ for Docker Hub images. */
export function normalizeImage(image: string): string {
  const first = image.split("/")[0];
  const hasRegistry =
    image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  let ref = image;
  if (!hasRegistry) ref = image.includes("/") ? `docker.io/${image}` : `docker.io/library/${image}`;
  const { tag, digest } = parseImageReference(ref);
  return tag === "" && digest === "" ? `${ref}:latest` : ref;
}

/** QoS class from requests and limits (pkg/apis/core/v1/helper/qos GetPodQOS: api/qos.ts). */
export function qosClass(pod: PodRecord): string {
  return computePodQOS(pod.spec);
}
