import type { Job, JobCondition, JobStatus } from "kubernetes-types/batch/v1.js";
import type { Event, Namespace, Node, Pod, Toleration } from "kubernetes-types/core/v1.js";
import { LAST_APPLIED } from "./api/annotations.js";
import {
  JOB_CONTROLLER_UID_LABEL,
  JOB_INDEX_FAILURE_COUNT_ANNOTATION,
  JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION,
  JOB_TRACKING_FINALIZER,
  LEGACY_CONTROLLER_UID_LABEL,
  withJobUid,
} from "./api/job-defaults.js";
import { quantityString } from "./api/quantity-string.js";
import { rfc3339, rfc3339Micro } from "./api/time-format.js";
import type { EventRecord } from "./events.js";
import type { Identities } from "./identity.js";
import { PodStatusMaterializer, type SpecContainer } from "./materialize-pod-status.js";
import type { NamespaceRecord } from "./namespace-record.js";
import { nodeConditions } from "./node-conditions.js";
import { nodeTaints } from "./node-status.js";
import { type JobRecord, NONE, type NodeRecord, type PodRecord } from "./objects.js";
import { admittedTolerations } from "./taint-eviction.js";
import type { VersionProfile } from "./version-profile.js";

/**
 * The API's JSON for the stored records — what `kubectl get -o yaml`, `describe` and the
 * trace see. Only built when asked (never in Monte Carlo). Optional fields appear exactly when
 * the Go types would serialise them (omitempty), e.g. `status.active` only when non-zero,
 * `status.ready` once the controller has written status.
 */
export class Materializer {
  /** Pod `status` lives in its own module; it shares this clock and these identity streams. */
  private readonly podStatuses: PodStatusMaterializer;

  constructor(
    private readonly epochMs: number,
    private readonly identities: Identities,
    private readonly profile: VersionProfile,
  ) {
    this.podStatuses = new PodStatusMaterializer((simMs) => this.time(simMs), identities, profile);
  }

  time(simMs: number): string {
    return rfc3339(this.epochMs + simMs);
  }

  /** The Job's UID; Monte Carlo's lean cluster leaves it for here, drawn from the same stream. */
  private jobUid(job: JobRecord): string {
    return job.uid || this.identities.jobUid(job.streamBase);
  }

  job(job: JobRecord): Job {
    const src = job.uid ? job.object : withJobUid(job.object, this.jobUid(job));
    const metadata: Record<string, unknown> = { ...structuredClone(src.metadata) };
    metadata.creationTimestamp = this.time(job.creationMs);
    metadata.resourceVersion = String(job.resourceVersion);
    metadata.generation = job.generation;
    if (job.deletionMs !== NONE) {
      metadata.deletionTimestamp = this.time(job.deletionMs);
      metadata.deletionGracePeriodSeconds = 0;
    }
    if (job.finalizers.length > 0) metadata.finalizers = [...job.finalizers];
    return {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata,
      spec: structuredClone(src.spec),
      status: this.jobStatus(job),
    } as Job;
  }

  private jobStatus(job: JobRecord): JobStatus {
    const s = job.status;
    const out: Record<string, unknown> = {};
    if (s.conditions.length > 0)
      out.conditions = s.conditions.map((c): JobCondition => ({ ...this.condition(c) }));
    if (s.startMs !== NONE) out.startTime = this.time(s.startMs);
    if (s.completionMs !== NONE) out.completionTime = this.time(s.completionMs);
    if (s.active > 0) out.active = s.active;
    if (s.succeeded > 0) out.succeeded = s.succeeded;
    if (s.failed > 0) out.failed = s.failed;
    if (s.completedIndexes !== "") out.completedIndexes = s.completedIndexes; // omitempty
    if (s.failedIndexes !== null) out.failedIndexes = s.failedIndexes;
    if (s.written) {
      const unc: Record<string, string[]> = {};
      if (s.uncountedSucceeded.length > 0) unc.succeeded = s.uncountedSucceeded.map((p) => p.uid);
      if (s.uncountedFailed.length > 0) unc.failed = s.uncountedFailed.map((p) => p.uid);
      out.uncountedTerminatedPods = unc;
      out.ready = s.ready;
      out.terminating = s.terminating;
    }
    return out as JobStatus;
  }

  private condition(c: JobRecord["status"]["conditions"][number]): JobCondition {
    const out: JobCondition = {
      type: c.type,
      status: c.status,
      lastProbeTime: this.time(c.lastProbeMs),
      lastTransitionTime: this.time(c.lastTransitionMs),
    };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  }

  pod(pod: PodRecord): Pod {
    const tmpl = pod.template;
    const job = pod.owner;
    const labels: Record<string, string> = { ...(tmpl.metadata?.labels ?? {}) };
    if (job !== null && !job.uid) {
      for (const k of [JOB_CONTROLLER_UID_LABEL, LEGACY_CONTROLLER_UID_LABEL])
        if (labels[k] === "") labels[k] = this.jobUid(job);
    }
    const annotations: Record<string, string> = { ...(tmpl.metadata?.annotations ?? {}) };
    // addIndexFailureCountAnnotation: the count always, the ignored count when there is one.
    if (job !== null && job.view.backoffLimitPerIndex !== NONE && pod.completionIndex !== NONE) {
      annotations[JOB_INDEX_FAILURE_COUNT_ANNOTATION] = String(pod.indexFailureCount);
      if (pod.indexIgnoredFailureCount > 0)
        annotations[JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION] = String(pod.indexIgnoredFailureCount);
    }
    const metadata: Record<string, unknown> = {
      name: pod.name,
      generateName: pod.generateName,
      namespace: pod.namespace,
      uid: pod.uid,
      resourceVersion: String(pod.resourceVersion),
      creationTimestamp: this.time(pod.creationMs),
      labels,
    };
    // PrepareForCreate sets generation 1 on every new pod (pkg/registry/core/pod/strategy.go,
    // 1.33+); the first DELETE raises it (PodRecord.generation).
    if (this.profile.podGeneration) metadata.generation = pod.generation;
    if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
    if (job !== null) {
      metadata.ownerReferences = [
        {
          apiVersion: "batch/v1",
          kind: "Job",
          name: job.name,
          uid: this.jobUid(job),
          controller: true,
          blockOwnerDeletion: true,
        },
      ];
    }
    if (pod.trackingFinalizer) metadata.finalizers = [JOB_TRACKING_FINALIZER];
    if (pod.deletionMs !== NONE) {
      metadata.deletionTimestamp = this.time(pod.deletionMs);
      metadata.deletionGracePeriodSeconds = pod.deletionGraceSeconds;
    }
    const spec = structuredClone(pod.spec) as unknown as Record<string, unknown> & {
      containers: Record<string, unknown>[];
    };
    const tokenVolume = mountServiceAccountToken(spec, () => this.identities.tokenVolumeSuffix(pod));
    Object.assign(spec, {
      enableServiceLinks: spec.enableServiceLinks ?? true,
      // The Priority admission plugin's values (priority-classes.ts), as the pod was admitted.
      ...podPriorityFields(job, spec as { priority?: number; preemptionPolicy?: string }),
      serviceAccount: spec.serviceAccountName ?? "default",
      serviceAccountName: spec.serviceAccountName ?? "default",
      // The DefaultTolerationSeconds admission plugin's not-ready/unreachable NoExecute 300 s,
      // unless the pod's own tolerations cover them (taint-eviction.ts admittedTolerations).
      tolerations: admittedTolerations(spec.tolerations as Toleration[] | undefined),
      volumes: [
        ...((spec.volumes as unknown[]) ?? []),
        ...tokenVolume.map((name) => ({
          name,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
              {
                downwardAPI: {
                  items: [
                    { path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } },
                  ],
                },
              },
            ],
          },
        })),
      ],
    });
    if (pod.nodeName !== null) spec.nodeName = pod.nodeName;
    return {
      apiVersion: "v1",
      kind: "Pod",
      metadata,
      spec,
      status: this.podStatuses.podStatus(
        pod,
        spec.containers,
        (spec.initContainers as SpecContainer[] | undefined) ?? [],
      ),
    } as unknown as Pod;
  }

  /** A Namespace as `kubectl get ns -o yaml` shows it: Active, with the name label the API
   * server adds (kubernetes.io/metadata.name) and the kubernetes finalizer. */
  namespace(ns: NamespaceRecord): Namespace {
    const metadata: Namespace["metadata"] = {
      creationTimestamp: this.time(ns.creationMs),
      labels: { "kubernetes.io/metadata.name": ns.name },
      name: ns.name,
      resourceVersion: String(ns.resourceVersion),
      uid: this.identities.namespaceUid(ns.name),
    };
    if (ns.lastApplied !== null) metadata.annotations = { [LAST_APPLIED]: ns.lastApplied };
    return {
      apiVersion: "v1",
      kind: "Namespace",
      metadata,
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    };
  }

  /** The Node at simulated instant `nowMs` (its conditions' heartbeats depend on it). */
  node(node: NodeRecord, nowMs: number): Node {
    return {
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name: node.name,
        labels: { ...node.labels },
        creationTimestamp: this.time(node.creationMs),
        resourceVersion: String(node.resourceVersion),
        // Every object the API server creates gets a UID (apiserver pkg/registry/rest/meta.go
        // FillObjectMetaSystemFields, from BeforeCreate).
        uid: this.identities.nodeUid(node.name),
      } as Node["metadata"],
      // The node IPAM's range on k3s's cluster CIDR 10.42.0.0/16 (its pods' IPs come from it),
      // and the providerID k3s's built-in cloud provider gives (`k3s://<node name>`).
      spec: {
        podCIDR: `10.42.${node.podCidrIndex}.0/24`,
        podCIDRs: [`10.42.${node.podCidrIndex}.0/24`],
        providerID: `k3s://${node.name}`,
        // NodeSpec's field order (core/v1 types.go): unschedulable (omitempty: dropped when an
        // uncordon sets false), then taints: the node lifecycle controller's (node-status.ts).
        ...(node.unschedulable ? { unschedulable: true } : {}),
        ...nodeTaints(node, (ms) => this.time(ms)),
      },
      status: {
        nodeInfo: {
          kubeletVersion: this.profile.kubeletVersion,
          containerRuntimeVersion: this.profile.containerRuntimeVersion,
          // The k3s image's /etc/os-release is `PRETTY_NAME="K3s ${VERSION}"` (k3s
          // package/Dockerfile), which the kubelet reports as the OS image: the same k3s release
          // as the kubelet version.
          osImage: `K3s ${this.profile.kubeletVersion}`,
          kernelVersion: "6.8.0",
          operatingSystem: "linux",
          architecture: "amd64",
          bootID: "",
          machineID: "",
          systemUUID: "",
          kubeProxyVersion: this.profile.nodeKubeProxyVersion ? this.profile.kubeletVersion : "",
        },
        addresses: [
          { type: "InternalIP", address: node.internalIP },
          { type: "Hostname", address: node.name },
        ],
        conditions: nodeConditions(node, nowMs, (ms) => this.time(ms)),
        // Canonical quantities (the kubelet reports cpu in DecimalSI, memory in BinarySI). The
        // capacity is what is allocatable: k3s reserves nothing for the system or kube daemons,
        // and its eviction thresholds concern the disks, not memory (a k3s node's capacity and
        // allocatable memory agree in captures). The node's disks are not simulated: no
        // ephemeral-storage.
        capacity: nodeResources(node),
        allocatable: nodeResources(node),
      },
    };
  }

  event(e: EventRecord): Event {
    const out: Record<string, unknown> = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        name: e.name,
        namespace: e.namespace,
        resourceVersion: String(e.resourceVersion),
        creationTimestamp: this.time(e.createdMs - (e.createdMs % 1000)),
        uid: this.identities.eventUid(e.namespace, e.name), // FillObjectMetaSystemFields, as above
      },
      involvedObject: Object.fromEntries(Object.entries(e.involved).filter(([, v]) => v !== "")),
      reason: e.reason,
      message: e.message,
      type: e.type,
      source: e.sourceComponent
        ? e.sourceHost
          ? { component: e.sourceComponent, host: e.sourceHost }
          : { component: e.sourceComponent }
        : {},
      firstTimestamp: e.firstMs >= 0 ? this.time(e.firstMs) : null,
      lastTimestamp: e.lastMs >= 0 ? this.time(e.lastMs) : null,
      reportingComponent: e.reportingController,
      reportingInstance: e.reportingInstance,
    };
    if (e.firstMs >= 0) out.count = e.count;
    // A legacy event's zero eventTime: `json:"eventTime,omitempty"` does not omit a struct, and
    // metav1.MicroTime marshals its zero value as null (core/v1 types.go Event; micro_time.go).
    if (e.eventTimeMs < 0) out.eventTime = null;
    else {
      out.eventTime = rfc3339Micro(this.epochMs + e.eventTimeMs);
      out.action = e.action;
      if (e.related !== null)
        out.related = Object.fromEntries(Object.entries(e.related).filter(([, v]) => v !== ""));
      if (e.seriesCount > 0)
        out.series = { count: e.seriesCount, lastObservedTime: rfc3339Micro(this.epochMs + e.seriesLastMs) };
    }
    return out as unknown as Event;
  }
}

/** DefaultAPITokenMountPath */
const API_TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

/**
 * The ServiceAccount admission plugin's mountServiceAccountToken
 * (plugin/pkg/admission/serviceaccount/admission.go), in place: unless the pod opts out
 * (automountServiceAccountToken false; the default service account does not), every init
 * container, then every container, without a mount at the token path gets one of the
 * `kube-api-access-xxxxx` volume. Returns the volume to add: none when no container needed it
 * or the pod already has one of that prefix (whose name the mounts then use).
 */
function mountServiceAccountToken(
  spec: Record<string, unknown> & { containers: Record<string, unknown>[] },
  suffix: () => string,
): string[] {
  if (spec.automountServiceAccountToken === false) return [];
  const volumes = (spec.volumes as { name?: string }[] | undefined) ?? [];
  const existing = volumes.find((v) => v.name?.startsWith("kube-api-access-"))?.name;
  const name = existing ?? `kube-api-access-${suffix()}`;
  let needed = false;
  const init = (spec.initContainers as Record<string, unknown>[] | undefined) ?? [];
  for (const c of [...init, ...spec.containers]) {
    const mounts = (c.volumeMounts as { mountPath?: string }[] | undefined) ?? [];
    if (mounts.some((m) => m.mountPath === API_TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...mounts, { name, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH }];
    needed = true;
  }
  return needed && existing === undefined ? [name] : [];
}

/** priority, preemptionPolicy and a defaulted priorityClassName, as the Priority plugin set them. */
function podPriorityFields(
  job: JobRecord | null,
  spec: { priority?: number; preemptionPolicy?: string; priorityClassName?: string },
): Record<string, unknown> {
  const admitted = job?.view.priority ?? null;
  if (admitted === null)
    return {
      preemptionPolicy: spec.preemptionPolicy ?? "PreemptLowerPriority",
      priority: spec.priority ?? 0,
    };
  const fields: Record<string, unknown> = {
    preemptionPolicy: admitted.preemptionPolicy,
    priority: admitted.priority,
  };
  if (admitted.className !== "") fields.priorityClassName = admitted.className;
  return fields;
}

/** A node's capacity and allocatable lists. The kubelet lists the huge page sizes the machine
 * supports (cadvisor: 2Mi and 1Gi on x86-64), 0 where none are reserved, as on a k3d host. */
function nodeResources(node: NodeRecord): Record<string, string> {
  return {
    cpu: quantityString(`${node.allocatableMilliCpu}m`),
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: quantityString(`${Math.floor(node.allocatableMemory / 1024)}Ki`),
    pods: String(node.allocatablePods),
  };
}
