import type { Container, PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { defaultContainerProbes } from "./probe-defaults.js";
import { defaultVolumesAndEnv } from "./volume-defaults.js";

/**
 * Core defaulting of a pod (template) spec, as pkg/apis/core/v1/defaults.go applies it to every
 * PodTemplateSpec it decodes — which is why `kubectl get job -o yaml` shows these fields.
 */

export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";

export type PullPolicy = "Always" | "IfNotPresent" | "Never";

/** Splits an image reference into repository, tag and digest (tag "" when absent). */
export function parseImageReference(image: string): { repository: string; tag: string; digest: string } {
  let rest = image;
  let digest = "";
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  let tag = "";
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest, tag, digest };
}

/** imagePullPolicy default: Always for `:latest` or no tag (unless pinned by digest), else IfNotPresent. */
export function defaultPullPolicy(image: string): PullPolicy {
  const { tag, digest } = parseImageReference(image);
  if (tag === "latest" || (tag === "" && digest === "")) return "Always";
  return "IfNotPresent";
}

/** A Go string field left at its zero value: missing, or written as "" (defaulting cannot tell
 * them apart, so SetDefaults_* default both). */
function unset(v: string | undefined): boolean {
  return v === undefined || v === "";
}

function defaultContainer(c: Container): void {
  if (unset(c.imagePullPolicy) && c.image !== undefined) c.imagePullPolicy = defaultPullPolicy(c.image);
  if (unset(c.terminationMessagePath)) c.terminationMessagePath = "/dev/termination-log";
  if (unset(c.terminationMessagePolicy)) c.terminationMessagePolicy = "File";
  if (c.resources === undefined) c.resources = {};
  for (const p of c.ports ?? []) if (p.protocol === undefined) p.protocol = "TCP";
  defaultContainerProbes(c);
}

/** Applies the defaults in place (the caller owns a copy). restartPolicy "" becomes Always. */
export function defaultPodSpec(spec: PodSpec): void {
  serviceAccountAlias(spec);
  // SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go).
  if (unset(spec.dnsPolicy)) spec.dnsPolicy = "ClusterFirst";
  if (unset(spec.restartPolicy)) spec.restartPolicy = "Always";
  if (spec.terminationGracePeriodSeconds === undefined)
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_SECONDS;
  if (spec.securityContext === undefined) spec.securityContext = {};
  if (unset(spec.schedulerName)) spec.schedulerName = DEFAULT_SCHEDULER_NAME;
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  defaultVolumesAndEnv(spec);
}

/**
 * The round trip through the internal type (pkg/apis/core/v1/conversion.go): decoding takes the
 * deprecated `serviceAccount` when `serviceAccountName` is empty (the new field wins), encoding
 * writes `serviceAccountName` into `serviceAccount`; both are omitted when empty.
 */
function serviceAccountAlias(spec: PodSpec): void {
  const name = spec.serviceAccountName || spec.serviceAccount || "";
  delete spec.serviceAccount;
  delete spec.serviceAccountName;
  if (name !== "") Object.assign(spec, { serviceAccount: name, serviceAccountName: name });
}

/** Whether SetDefaults_Pod would add a request to this container: a limit with no request. */
function lacksRequests(c: Container): boolean {
  const limits = c.resources?.limits;
  if (limits === undefined) return false;
  const requests = c.resources?.requests;
  return Object.keys(limits).some((k) => requests === undefined || !(k in requests));
}

function withRequestsFromLimits(c: Container): Container {
  if (!lacksRequests(c)) return c;
  const resources = c.resources!;
  return { ...c, resources: { ...resources, requests: { ...resources.limits, ...resources.requests } } };
}

/**
 * The template a pod is created from, as the API server stores the pod: SetDefaults_Pod
 * (pkg/apis/core/v1/defaults.go) defaults each container's and init container's missing
 * requests to its limits — "only on a v1.Pod and not a v1.PodTemplate", so the Job keeps its
 * template as written — and a negative grace period becomes 1. The template itself when nothing
 * changes (pods share it).
 */
export function podTemplateFrom(template: PodTemplateSpec): PodTemplateSpec {
  const spec = template.spec;
  if (spec === undefined) return template;
  const all = [...spec.containers, ...(spec.initContainers ?? [])];
  const podLevel = (spec as PodSpecWithResources).resources;
  const podLacks = podLevel != null && lacksRequests({ name: "", resources: podLevel });
  const hostPorts = spec.hostNetwork === true && all.some(lacksHostPort);
  // A negative terminationGracePeriodSeconds, which a template keeps (with a warning), becomes 1
  // on a Pod (Convert_v1_Pod_To_core_Pod since 1.27, kubernetes/kubernetes #115606; pod
  // defaulting from #139857): "will be treated as 1".
  const negativeGrace = (spec.terminationGracePeriodSeconds ?? 0) < 0;
  if (!all.some(lacksRequests) && !podLacks && !hostPorts && !negativeGrace) return template;
  const asPod = (c: Container) => {
    const withRequests = withRequestsFromLimits(c);
    return hostPorts ? withHostPorts(withRequests) : withRequests;
  };
  return {
    ...template,
    spec: {
      ...spec,
      containers: spec.containers.map(asPod),
      ...(spec.initContainers !== undefined ? { initContainers: spec.initContainers.map(asPod) } : {}),
      // defaultPodRequests (PodLevelResources, on from 1.34; the field is dropped where it is
      // off): a pod-level limit without a request gives the request — cpu and memory from the
      // limit alone since 1.33 (kubernetes/kubernetes #130577).
      ...(podLacks ? { resources: withRequestsFromLimits({ name: "", resources: podLevel }).resources } : {}),
      ...(negativeGrace ? { terminationGracePeriodSeconds: 1 } : {}),
    },
  };
}

type PodSpecWithResources = NonNullable<PodTemplateSpec["spec"]> & {
  resources?: Container["resources"] | null;
};

/** A port SetDefaults_Pod's defaultHostNetworkPorts would give a hostPort (none, or 0). */
function lacksHostPort(c: Container): boolean {
  return (c.ports ?? []).some((p) => !p.hostPort);
}

/**
 * SetDefaults_Pod (pkg/apis/core/v1/defaults.go defaultHostNetworkPorts): with host networking
 * a port without a hostPort gets its containerPort, on a Pod only — the template keeps what was
 * written since the DefaultHostNetworkHostPortsInPodTemplates gate went (1.31, kubernetes#124417).
 */
function withHostPorts(c: Container): Container {
  if (!lacksHostPort(c)) return c;
  return { ...c, ports: c.ports!.map((p) => (p.hostPort ? p : { ...p, hostPort: p.containerPort })) };
}
