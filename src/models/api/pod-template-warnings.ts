import type {
  Container,
  ContainerPort,
  NodeSelectorTerm,
  PodTemplateSpec,
} from "kubernetes-types/core/v1.js";
import { parseQuantity } from "./quantity.js";
import { quantityString } from "./quantity-string.js";

/**
 * The warnings the API server returns for a pod template (pkg/api/pod/warnings.go
 * warningsForPodSpecAndMeta), in its order: deprecated node labels (nodeSelector, node affinity),
 * deprecated annotations and volume plugins, duplicate hostAliases and imagePullSecrets, the
 * seccomp and AppArmor annotations, per container (init containers first) fractional byte
 * quantities and env entries that hide earlier ones, then ports defined twice across the
 * containers (a hostIP without hostPort among them), then a negative terminationGracePeriodSeconds.
 * Not here: topology spread and pod affinity (refused when a scenario loads), the projected
 * token path clash, and overhead.
 */

/** pkg/api/node/util.go deprecatedNodeLabels. */
const DEPRECATED_NODE_LABELS: Record<string, string> = {
  "beta.kubernetes.io/arch": 'deprecated since v1.14; use "kubernetes.io/arch" instead',
  "beta.kubernetes.io/os": 'deprecated since v1.14; use "kubernetes.io/os" instead',
  "failure-domain.beta.kubernetes.io/region":
    'deprecated since v1.17; use "topology.kubernetes.io/region" instead',
  "failure-domain.beta.kubernetes.io/zone":
    'deprecated since v1.17; use "topology.kubernetes.io/zone" instead',
  "beta.kubernetes.io/instance-type":
    'deprecated since v1.17; use "node.kubernetes.io/instance-type" instead',
};

const DEPRECATED_ANNOTATIONS: [string, string][] = [
  [
    "scheduler.alpha.kubernetes.io/critical-pod",
    'non-functional in v1.16+; use the "priorityClassName" field instead',
  ],
  ["security.alpha.kubernetes.io/sysctls", 'non-functional in v1.11+; use the "sysctls" field instead'],
  [
    "security.alpha.kubernetes.io/unsafe-sysctls",
    'non-functional in v1.11+; use the "sysctls" field instead',
  ],
];

const DEPRECATED_VOLUMES: [string, string][] = [
  ["photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"],
  ["gitRepo", "deprecated in v1.11"],
  ["scaleIO", "deprecated in v1.16, non-functional in v1.22+"],
  ["flocker", "deprecated in v1.22, non-functional in v1.25+"],
  ["storageos", "deprecated in v1.22, non-functional in v1.25+"],
  ["quobyte", "deprecated in v1.22, non-functional in v1.25+"],
  ["glusterfs", "deprecated in v1.25, non-functional in v1.26+"],
  ["cephfs", "deprecated in v1.28, non-functional in v1.31+"],
  ["rbd", "deprecated in v1.28, non-functional in v1.31+"],
];

const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
const APPARMOR_CONTAINER_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function nodeSelectorTermWarnings(term: NodeSelectorTerm | undefined, path: string): string[] {
  const out: string[] = [];
  (term?.matchExpressions ?? []).forEach((e, i) => {
    const msg = DEPRECATED_NODE_LABELS[e.key];
    if (msg !== undefined) out.push(`${path}.matchExpressions[${i}].key: ${e.key} is ${msg}`);
  });
  return out;
}

/** Go's value.MilliValue()%1000 != 0 for a byte quantity: a fraction of a byte. */
function fractionalBytes(q: unknown): boolean {
  if (q === undefined) return false;
  const v = parseQuantity(q as string | number);
  return !Number.isNaN(v) && Math.round(v * 1000) % 1000 !== 0;
}

function containerWarnings(
  c: Container,
  path: string,
  template: string,
  annotations: Record<string, string>,
  podAppArmor: boolean,
): string[] {
  const out: string[] = [];
  // The annotations are the template's own: spec.template.metadata.annotations[k].
  const annotationPath = (key: string) => `${template}.metadata.annotations[${key}]`;
  if (c.securityContext?.seccompProfile == null && `${SECCOMP_CONTAINER_PREFIX}${c.name}` in annotations)
    out.push(
      `${annotationPath(SECCOMP_CONTAINER_PREFIX + c.name)}: non-functional in v1.27+; use the "seccompProfile" field instead`,
    );
  if (
    !podAppArmor &&
    c.securityContext?.appArmorProfile == null &&
    `${APPARMOR_CONTAINER_PREFIX}${c.name}` in annotations
  )
    out.push(
      `${annotationPath(APPARMOR_CONTAINER_PREFIX + c.name)}: deprecated since v1.30; use the "appArmorProfile" field instead`,
    );
  for (const [kind, res] of [
    ["limits", "memory"],
    ["requests", "memory"],
    ["limits", "ephemeral-storage"],
    ["requests", "ephemeral-storage"],
  ] as const) {
    const q = c.resources?.[kind]?.[res];
    if (fractionalBytes(q))
      out.push(
        `${path}.resources.${kind}[${res}]: fractional byte value "${quantityString(q as string | number)}" is invalid, must be an integer`,
      );
  }
  const seen = new Set<string>();
  (c.env ?? []).forEach((e, i) => {
    if (!seen.has(e.name)) {
      seen.add(e.name);
      return;
    }
    // A later entry of a name may build on the earlier one ("$(X)123"); anything else hides it.
    const ref = `$(${e.name})`;
    const value = e.value ?? "";
    if (e.valueFrom != null || value === ref || !value.includes(ref))
      out.push(
        `${path}.env[${i}]: hides previous definition of "${e.name}", which may be dropped when using apply`,
      );
  });
  return out;
}

interface PortBlock {
  readonly field: string;
  readonly port: ContainerPort;
}

function portWarnings(containers: readonly [Container, string][]): string[] {
  const out: string[] = [];
  const all = new Map<string, PortBlock[]>();
  for (const [c, path] of containers) {
    (c.ports ?? []).forEach((port, i) => {
      const field = `${path}.ports[${i}]`;
      const hostIP = port.hostIP ?? "";
      const hostPort = port.hostPort ?? 0;
      // The internal core.ContainerPort printed with %+v: its fields in order, strings bare
      // (the protocol defaulted to TCP).
      if (hostIP !== "" && hostPort === 0)
        out.push(
          `${field}: hostIP set without hostPort: {Name:${port.name ?? ""} HostPort:0 ContainerPort:${port.containerPort} Protocol:${port.protocol ?? "TCP"} HostIP:${hostIP}}`,
        );
      const key = `${port.containerPort}/${port.protocol ?? "TCP"}`;
      for (const other of all.get(key) ?? []) {
        const otherIP = other.port.hostIP ?? "";
        const otherPort = other.port.hostPort ?? 0;
        if (hostIP === otherIP && hostPort === otherPort)
          out.push(`${field}: duplicate port definition with ${other.field}`);
        else if (hostPort === 0 || otherPort === 0)
          out.push(`${field}: overlapping port definition with ${other.field}`);
        else if (hostPort === otherPort && (hostIP === "") !== (otherIP === ""))
          out.push(`${field}: dangerously ambiguous port definition with ${other.field}`);
      }
      all.set(key, [...(all.get(key) ?? []), { field, port }]);
    });
  }
  return out;
}

export function podTemplateWarnings(template: PodTemplateSpec | undefined, path: string): string[] {
  const spec = template?.spec;
  if (spec === undefined) return [];
  const annotations = template?.metadata?.annotations ?? {};
  const out: string[] = [];
  for (const k of Object.keys(spec.nodeSelector ?? {})) {
    const msg = DEPRECATED_NODE_LABELS[k];
    if (msg !== undefined) out.push(`${path}.spec.nodeSelector[${k}]: ${msg}`);
  }
  const na = spec.affinity?.nodeAffinity;
  const affinityPath = `${path}.spec.affinity.nodeAffinity`;
  (na?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []).forEach((t, i) => {
    out.push(
      ...nodeSelectorTermWarnings(
        t,
        `${affinityPath}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[${i}]`,
      ),
    );
  });
  (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
    out.push(
      ...nodeSelectorTermWarnings(
        t.preference,
        `${affinityPath}.preferredDuringSchedulingIgnoredDuringExecution[${i}].preference`,
      ),
    );
  });
  for (const [key, msg] of DEPRECATED_ANNOTATIONS)
    if (key in annotations) out.push(`${path}.metadata.annotations[${key}]: ${msg}`);
  (spec.volumes ?? []).forEach((v, i) => {
    const volume = v as unknown as Record<string, unknown>;
    for (const [source, msg] of DEPRECATED_VOLUMES)
      if (volume[source] != null)
        out.push(`${path}.spec.volumes[${i}].${source === "storageos" ? "storageOS" : source}: ${msg}`);
  });
  const ips = new Set<string>();
  (spec.hostAliases ?? []).forEach((a, i) => {
    const ip = a.ip ?? "";
    if (ips.has(ip)) out.push(`${path}.spec.hostAliases[${i}].ip: duplicate ip "${ip}"`);
    else ips.add(ip);
  });
  const secrets = new Set<string>();
  (spec.imagePullSecrets ?? []).forEach((s, i) => {
    const name = s.name ?? "";
    if (secrets.has(name)) out.push(`${path}.spec.imagePullSecrets[${i}].name: duplicate name "${name}"`);
    else secrets.add(name);
  });
  (spec.imagePullSecrets ?? []).forEach((s, i) => {
    if (!s.name) out.push(`${path}.spec.imagePullSecrets[${i}].name: invalid empty name ""`);
  });
  if (spec.securityContext?.seccompProfile == null && SECCOMP_POD_ANNOTATION in annotations)
    out.push(
      `${path}.metadata.annotations[${SECCOMP_POD_ANNOTATION}]: non-functional in v1.27+; use the "seccompProfile" field instead`,
    );
  // pods.VisitContainersWithPath: the init containers, then the regular ones.
  const containers: [Container, string][] = [
    ...(spec.initContainers ?? []).map((c, i): [Container, string] => [
      c,
      `${path}.spec.initContainers[${i}]`,
    ]),
    ...(spec.containers ?? []).map((c, i): [Container, string] => [c, `${path}.spec.containers[${i}]`]),
  ];
  const podAppArmor = spec.securityContext?.appArmorProfile != null;
  for (const [c, p] of containers) out.push(...containerWarnings(c, p, path, annotations, podAppArmor));
  out.push(...portWarnings(containers));
  // After the ports, before the pod affinity terms (jobsim refuses those at load): a negative grace
  // period is admitted (ValidatePodSpec does not bound it) and used as 1 s.
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0)
    out.push(
      `${path}.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`,
    );
  return out;
}
