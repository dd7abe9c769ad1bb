/**
 * The pieces describe.go shares between describers: labels, annotations, tolerations, containers, volumes, the
 * pod template, selectors, QoS.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac (kubectl with
 * the 1.35 changes: port names, the event fieldPath prefix) — `printLabelsMultilineWithIndent`,
 * `printAnnotationsMultiline` (140-byte rule, `shorten`), `printTolerationsMultilineWithIndent`,
 * `describeContainers` and its helpers (`describeContainerBasicInfo`, `describeContainerPorts`,
 * `describeContainerCommand`, `describeResources`, `describeContainerState`, `describeStatus`,
 * `describeContainerProbe`/`DescribeProbe`, `describeContainerEnvFrom`, `describeContainerEnvVars`,
 * `describeContainerVolumes`), `describeVolumes` and the volume-source printers, `DescribePodTemplate`,
 * `describeTopologySpreadConstraints`, `printController`; compared with kubernetes/kubectl
 * `pkg/describe/describe.go` @ 365ecee227e9a8a77c6677471d7dae80c36133fe (1.33/1.34 era, same shapes).
 * Also `staging/src/k8s.io/apimachinery/pkg/labels/selector.go` (`Requirement.String`, `internalSelector.String`),
 * `pkg/apis/meta/v1/helpers.go` (`LabelSelectorAsSelector`, `FormatLabelSelector`), kubectl
 * `pkg/util/resource` (`ExtractContainerResourceValue`) and `pkg/util/qos` (`GetPodQOS`).
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  PodTemplateSpec,
  Probe,
  ResourceRequirements,
  Toleration,
  TopologySpreadConstraint,
  Volume,
} from "kubernetes-types/core/v1.js";
import type { LabelSelector, ObjectMeta } from "kubernetes-types/meta/v1.js";
import { parseQuantity } from "../../models/api/quantity.js";
import { goSort, goSortStrings, goStringLess } from "./go-sort.js";
import type { DescribeOptions } from "./options.js";
import { quantityString } from "./quantity-string.js";
import { byteLength, byteSlice, formatRfc1123z, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from "./writer.js";

/** What the section printers write to: kubectl's PrefixWriter (or a nested one). */
export interface Writer {
  write(level: number, text: string): void;
  writeLine(text: string): void;
}

/** `NewNestedPrefixWriter(w, indent)`: every write `indent` levels deeper — WriteLine included. */
export class NestedWriter implements Writer {
  constructor(
    private readonly inner: Writer,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(text: string): void {
    this.inner.write(this.indent, `${text}\n`);
  }
}

type StringMap = Readonly<Record<string, string>> | undefined;

/** Annotations describe never shows (`skipAnnotations`). */
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

export function printLabelsMultiline(w: Writer, title: string, labels: StringMap): void {
  printLabelsMultilineWithIndent(w, "", title, "\t", labels, new Set());
}

export function printLabelsMultilineWithIndent(
  w: Writer,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: StringMap,
  skip: ReadonlySet<string>,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = goSortStrings(Object.keys(labels ?? {}).filter((k) => !skip.has(k)));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

function shorten(s: string, maxLength: number): string {
  return byteLength(s) > maxLength ? `${byteSlice(s, maxLength)}...` : s;
}

export function printAnnotationsMultiline(w: Writer, title: string, annotations: StringMap): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = goSortStrings(Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    let value = annotations![key];
    if (value.endsWith("\n")) value = value.slice(0, -1);
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n"))
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

export function printTolerationsMultiline(
  w: Writer,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (tolerations === undefined || tolerations.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => goStringLess(a.key ?? "", b.key ?? ""));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let line = t.key ?? "";
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) line += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** `printController`: `Kind/name` of the controlling owner reference, or "". */
export function controllerOf(meta: ObjectMeta | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref === undefined ? "" : `${ref.kind}/${ref.name}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Label selectors
// ---------------------------------------------------------------------------------------------------------------

/** `metav1.LabelSelectorAsSelector(s).String()`: requirements sorted by key; "" for a nil or empty selector. */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (selector === undefined || selector === null) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    reqs.push({ key, text: `${key}=${value}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = goSortStrings([...new Set(e.values ?? [])]).join(",");
    switch (e.operator) {
      case "In":
        reqs.push({ key: e.key, text: `${e.key} in (${values})` });
        break;
      case "NotIn":
        reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
        break;
      case "Exists":
        reqs.push({ key: e.key, text: e.key });
        break;
      case "DoesNotExist":
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        reqs.push({ key: e.key, text: `${e.key} ${e.operator} (${values})` });
    }
  }
  return goSort(reqs, (a, b) => goStringLess(a.key, b.key))
    .map((r) => r.text)
    .join(",");
}

/** `metav1.FormatLabelSelector`: the selector string, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = labelSelectorString(selector);
  return s === "" ? "<none>" : s;
}

// ---------------------------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------------------------

/** `EnvValueRetriever(pod)`: kubectl resolves fieldRef env vars client-side. Its scheme registers no Pod
 * field-label conversions, so only metadata.name and metadata.namespace pass `ConvertFieldLabel`; anything else
 * resolves to "". */
export type EnvResolver = (e: EnvVar) => string;

export function envValueRetriever(pod: Pod): EnvResolver {
  return (e) => {
    switch (e.valueFrom?.fieldRef?.fieldPath) {
      case "metadata.name":
        return pod.metadata?.name ?? "";
      case "metadata.namespace":
        return pod.metadata?.namespace ?? "";
      default:
        return "";
    }
  };
}

function stringOrNone(s: string): string {
  return s.length > 0 ? s : "<none>";
}

function printBool(b: boolean | undefined): string {
  return b ? "True" : "False";
}

/** Go's `%q` (strconv.Quote) for the ASCII-ish strings found in sub-paths. */
function goQuote(s: string): string {
  const esc: Record<string, string> = {
    "\x07": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    "\\": "\\\\",
    '"': '\\"',
  };
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (esc[ch] !== undefined) out += esc[ch];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** intstr.IntOrString.String(). */
function intOrString(v: number | string | undefined): string {
  return v === undefined ? "0" : String(v);
}

function portList(ports: Container["ports"], hostPorts: boolean): string {
  // The API server defaults protocol to TCP; kubectl only ever sees defaulted objects.
  return (ports ?? [])
    .map((p) => {
      const s = `${hostPorts ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`;
      return p.name ? `${s} (${p.name})` : s;
    })
    .join(", ");
}

export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvResolver | null,
  w: Writer,
  space: string,
  opts: DescribeOptions,
): void {
  const byName = new Map<string, ContainerStatus>();
  for (const s of statuses ?? []) byName.set(s.name, s);
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    describeContainerBasicInfo(c, status, space, w);
    describeContainerCommand(c, w);
    if (status !== undefined) describeContainerState(status, w, opts);
    describeResources(c.resources, w, LEVEL_2);
    describeContainerProbe(c, w);
    if ((c.envFrom ?? []).length > 0) describeContainerEnvFrom(c, w);
    describeContainerEnvVars(c, resolver, w);
    describeContainerVolumes(c, w);
  }
}

function describeContainerBasicInfo(
  c: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: Writer,
): void {
  w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${c.name}:\n`);
  if (status !== undefined) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
  w.write(LEVEL_2, `Image:\t${c.image ?? ""}\n`);
  if (status !== undefined) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ""}\n`);
  const ports = portList(c.ports, false);
  if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${stringOrNone(ports)}\n`);
  const hostPorts = portList(c.ports, true);
  if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
  const seccomp = c.securityContext?.seccompProfile;
  if (seccomp !== undefined && seccomp !== null) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost")
      w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
}

function describeContainerCommand(c: Container, w: Writer): void {
  if ((c.command ?? []).length > 0) {
    w.write(LEVEL_2, "Command:\n");
    for (const cmd of c.command!) for (const s of cmd.split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
  if ((c.args ?? []).length > 0) {
    w.write(LEVEL_2, "Args:\n");
    for (const arg of c.args!) for (const s of arg.split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
}

type ResourceList = Readonly<Record<string, string | number>> | undefined;

export function describeResources(
  resources: ResourceRequirements | undefined,
  w: Writer,
  level: number,
): void {
  if (resources === undefined || resources === null) return;
  const section = (title: string, list: ResourceList) => {
    const names = goSortStrings(Object.keys(list ?? {}));
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(list![name])}\n`);
  };
  section("Limits", resources.limits as ResourceList);
  section("Requests", resources.requests as ResourceList);
}

function describeContainerState(status: ContainerStatus, w: Writer, opts: DescribeOptions): void {
  describeStatus("State", status.state, w, opts);
  if (status.lastState?.terminated) describeStatus("Last State", status.lastState, w, opts);
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`);
}

function describeStatus(
  name: string,
  state: ContainerState | undefined,
  w: Writer,
  opts: DescribeOptions,
): void {
  if (state?.running) {
    w.write(LEVEL_2, `${name}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRfc1123z(state.running.startedAt, opts)}\n`);
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatRfc1123z(t.startedAt, opts)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRfc1123z(t.finishedAt, opts)}\n`);
  } else {
    w.write(LEVEL_2, `${name}:\tWaiting\n`);
  }
}

/** `DescribeProbe`. Unset numbers print the API server's defaults (kubectl only sees defaulted objects). */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s ` +
    `period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(" ")}] ${attrs}`;
  if (probe.httpGet) {
    const h = probe.httpGet;
    const port = intOrString(h.port);
    const hostName = h.host ?? "";
    const host =
      port.length > 0 ? `${hostName.includes(":") ? `[${hostName}]` : hostName}:${port}` : hostName;
    let path = h.path ?? "";
    if (path !== "" && !path.startsWith("/")) path = `/${path}`;
    return `http-get ${(h.scheme ?? "HTTP").toLowerCase()}://${host}${path} ${attrs}`;
  }
  if (probe.tcpSocket)
    return `tcp-socket ${probe.tcpSocket.host ?? ""}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeContainerProbe(c: Container, w: Writer): void {
  if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
  if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
  if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
}

function describeContainerEnvFrom(c: Container, w: Writer): void {
  w.write(LEVEL_2, "Environment Variables from:\n");
  for (const e of c.envFrom ?? []) {
    let from = "";
    let name = "";
    let optional = false;
    if (e.configMapRef) {
      from = "ConfigMap";
      name = e.configMapRef.name ?? "";
      optional = e.configMapRef.optional === true;
    } else if (e.secretRef) {
      from = "Secret";
      name = e.secretRef.name ?? "";
      optional = e.secretRef.optional === true;
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

/** kubectl `ExtractContainerResourceValue` for the standard resources (divisor default 1). */
function containerResourceValue(
  resource: string,
  divisor: string | number | undefined,
  c: Container,
): string {
  const m = /^(limits|requests)\.(cpu|memory|ephemeral-storage)$/.exec(resource);
  if (m === null) return "";
  const list = (m[1] === "limits" ? c.resources?.limits : c.resources?.requests) as ResourceList;
  const raw = list?.[m[2]];
  const value = raw === undefined ? 0 : parseQuantity(raw);
  const div = divisor === undefined || parseQuantity(divisor) === 0 ? 1 : parseQuantity(divisor);
  if (m[2] === "cpu") {
    const milli = (q: number) => Math.ceil(Math.round(q * 1e9) / 1e6);
    return String(Math.ceil(milli(value) / milli(div)));
  }
  return String(Math.ceil(Math.ceil(value) / Math.ceil(div)));
}

function describeContainerEnvVars(c: Container, resolver: EnvResolver | null, w: Writer): void {
  const env = c.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (from === undefined || from === null) {
      (e.value ?? "").split("\n").forEach((s, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
      continue;
    }
    if (from.fieldRef) {
      const value = resolver === null ? "" : resolver(e);
      w.write(
        LEVEL_3,
        `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? "v1"}:${from.fieldRef.fieldPath})\n`,
      );
    } else if (from.resourceFieldRef) {
      const resource = from.resourceFieldRef.resource;
      let value = containerResourceValue(resource, from.resourceFieldRef.divisor, c);
      if (value === "0" && (resource === "limits.cpu" || resource === "limits.memory"))
        value = "node allocatable";
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef) {
      const r = from.secretKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' in secret '${r.name ?? ""}'>\tOptional: ${r.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      const r = from.configMapKeyRef;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${r.key}' of config map '${r.name ?? ""}'>\tOptional: ${r.optional === true}\n`,
      );
    }
  }
}

function describeContainerVolumes(c: Container, w: Writer): void {
  const mounts = c.volumeMounts ?? [];
  const none = mounts.length === 0 ? "\t<none>" : "";
  w.write(LEVEL_2, `Mounts:${none}\n`);
  for (const m of goSort([...mounts], (a, b) => goStringLess(a.mountPath, b.mountPath))) {
    const flags = [m.readOnly ? "ro" : "rw"];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
  const devices = c.volumeDevices ?? [];
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`);
    for (const d of goSort([...devices], (a, b) => goStringLess(a.devicePath, b.devicePath))) {
      w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Volumes
// ---------------------------------------------------------------------------------------------------------------

/** Go `%v` of a *LocalObjectReference (gogo-generated String()). */
function localObjectRef(ref: { name?: string } | undefined | null): string {
  return ref === undefined || ref === null ? "nil" : `&LocalObjectReference{Name:${ref.name ?? ""},}`;
}

/** Go `%v` of a []string. */
function goSlice(list: readonly string[] | undefined): string {
  return `[${(list ?? []).join(" ")}]`;
}

/** Go `%v` of a map[string]string (fmt sorts keys). */
function goMap(map: StringMap): string {
  const keys = goSortStrings(Object.keys(map ?? {}));
  return `map[${keys.map((k) => `${k}:${map![k]}`).join(" ")}]`;
}

/** One `Type:` line plus `    Field:\tvalue` continuation lines, written as one LEVEL_2 write like upstream. */
function typeBlock(w: Writer, type: string, fields: readonly (readonly [string, unknown])[]): void {
  let text = `Type:\t${type}\n`;
  for (const [label, value] of fields) text += `    ${label}\t${String(value)}\n`;
  w.write(LEVEL_2, text);
}

type AnyRecord = Record<string, unknown>;

export function describeVolumes(
  volumes: readonly Volume[] | undefined,
  w: Writer,
  space: string,
  opts: DescribeOptions,
): void {
  if (volumes === undefined || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? " " : ""}${volume.name}:\n`);
    describeVolumeSource(volume, w, opts);
  }
}

function describeVolumeSource(volume: Volume, w: Writer, opts: DescribeOptions): void {
  const v = volume as Volume & AnyRecord;
  if (v.hostPath) {
    typeBlock(w, "HostPath (bare host directory volume)", [
      ["Path:", v.hostPath.path],
      ["HostPathType:", v.hostPath.type ?? "<none>"],
    ]);
  } else if (v.emptyDir) {
    const limit = v.emptyDir.sizeLimit;
    const sizeLimit = limit !== undefined && parseQuantity(limit) > 0 ? quantityString(limit) : "<unset>";
    typeBlock(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ["Medium:", v.emptyDir.medium ?? ""],
      ["SizeLimit:", sizeLimit],
    ]);
  } else if (v.gcePersistentDisk) {
    const s = v.gcePersistentDisk;
    typeBlock(w, "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)", [
      ["PDName:", s.pdName],
      ["FSType:", s.fsType ?? ""],
      ["Partition:", s.partition ?? 0],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.awsElasticBlockStore) {
    const s = v.awsElasticBlockStore;
    typeBlock(w, "AWSElasticBlockStore (a Persistent Disk resource in AWS)", [
      ["VolumeID:", s.volumeID],
      ["FSType:", s.fsType ?? ""],
      ["Partition:", s.partition ?? 0],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.gitRepo) {
    typeBlock(w, "GitRepo (a volume that is pulled from git when the pod is created)", [
      ["Repository:", v.gitRepo.repository],
      ["Revision:", v.gitRepo.revision ?? ""],
    ]);
  } else if (v.secret) {
    typeBlock(w, "Secret (a volume populated by a Secret)", [
      ["SecretName:", v.secret.secretName ?? ""],
      ["Optional:", v.secret.optional === true],
    ]);
  } else if (v.configMap) {
    typeBlock(w, "ConfigMap (a volume populated by a ConfigMap)", [
      ["Name:", v.configMap.name ?? ""],
      ["Optional:", v.configMap.optional === true],
    ]);
  } else if (v.nfs) {
    typeBlock(w, "NFS (an NFS mount that lasts the lifetime of a pod)", [
      ["Server:", v.nfs.server],
      ["Path:", v.nfs.path],
      ["ReadOnly:", v.nfs.readOnly === true],
    ]);
  } else if (v.iscsi) {
    const s = v.iscsi;
    typeBlock(
      w,
      "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
      [
        ["TargetPortal:", s.targetPortal],
        ["IQN:", s.iqn],
        ["Lun:", s.lun],
        ["ISCSIInterface", s.iscsiInterface ?? "default"],
        ["FSType:", s.fsType ?? ""],
        ["ReadOnly:", s.readOnly === true],
        ["Portals:", goSlice(s.portals)],
        ["DiscoveryCHAPAuth:", s.chapAuthDiscovery === true],
        ["SessionCHAPAuth:", s.chapAuthSession === true],
        ["SecretRef:", localObjectRef(s.secretRef)],
        ["InitiatorName:", s.initiatorName ?? "<none>"],
      ],
    );
  } else if (v.glusterfs) {
    typeBlock(w, "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", [
      ["EndpointsName:", v.glusterfs.endpoints],
      ["Path:", v.glusterfs.path],
      ["ReadOnly:", v.glusterfs.readOnly === true],
    ]);
  } else if (v.persistentVolumeClaim) {
    typeBlock(w, "PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)", [
      ["ClaimName:", v.persistentVolumeClaim.claimName],
      ["ReadOnly:", v.persistentVolumeClaim.readOnly === true],
    ]);
  } else if (v.ephemeral) {
    w.write(
      LEVEL_2,
      "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
    );
    const tmpl = v.ephemeral.volumeClaimTemplate;
    if (tmpl)
      printClaimTemplate(new NestedWriter(w, LEVEL_2), tmpl.metadata, tmpl.spec as unknown as AnyRecord);
  } else if (v.rbd) {
    const s = v.rbd;
    typeBlock(w, "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)", [
      ["CephMonitors:", goSlice(s.monitors)],
      ["RBDImage:", s.image],
      ["FSType:", s.fsType ?? ""],
      ["RBDPool:", s.pool ?? "rbd"],
      ["RadosUser:", s.user ?? "admin"],
      ["Keyring:", s.keyring ?? "/etc/ceph/keyring"],
      ["SecretRef:", localObjectRef(s.secretRef)],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.quobyte) {
    typeBlock(w, "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", [
      ["Registry:", v.quobyte.registry],
      ["Volume:", v.quobyte.volume],
      ["ReadOnly:", v.quobyte.readOnly === true],
    ]);
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (v.azureDisk) {
    const s = v.azureDisk;
    typeBlock(w, "AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)", [
      ["DiskName:", s.diskName],
      ["DiskURI:", s.diskURI],
      ["Kind: ", s.kind ?? "Shared"],
      ["FSType:", s.fsType ?? "ext4"],
      ["CachingMode:", s.cachingMode ?? "ReadWrite"],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.vsphereVolume) {
    typeBlock(w, "vSphereVolume (a Persistent Disk resource in vSphere)", [
      ["VolumePath:", v.vsphereVolume.volumePath],
      ["FSType:", v.vsphereVolume.fsType ?? ""],
      ["StoragePolicyName:", v.vsphereVolume.storagePolicyName ?? ""],
    ]);
  } else if (v.cinder) {
    typeBlock(w, "Cinder (a Persistent Disk resource in OpenStack)", [
      ["VolumeID:", v.cinder.volumeID],
      ["FSType:", v.cinder.fsType ?? ""],
      ["ReadOnly:", v.cinder.readOnly === true],
      ["SecretRef:", localObjectRef(v.cinder.secretRef)],
    ]);
  } else if (v.photonPersistentDisk) {
    typeBlock(w, "PhotonPersistentDisk (a Persistent Disk resource in photon platform)", [
      ["PdID:", v.photonPersistentDisk.pdID],
      ["FSType:", v.photonPersistentDisk.fsType ?? ""],
    ]);
  } else if (v.portworxVolume) {
    typeBlock(w, "PortworxVolume (a Portworx Volume resource)", [["VolumeID:", v.portworxVolume.volumeID]]);
  } else if (v.scaleIO) {
    const s = v.scaleIO;
    typeBlock(w, "ScaleIO (a persistent volume backed by a block device in ScaleIO)", [
      ["Gateway:", s.gateway],
      ["System:", s.system],
      ["Protection Domain:", s.protectionDomain ?? ""],
      ["Storage Pool:", s.storagePool ?? ""],
      ["Storage Mode:", s.storageMode ?? "ThinProvisioned"],
      ["VolumeName:", s.volumeName ?? ""],
      ["FSType:", s.fsType ?? "xfs"],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.cephfs) {
    const s = v.cephfs;
    typeBlock(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
      ["Monitors:", goSlice(s.monitors)],
      ["Path:", s.path ?? ""],
      ["User:", s.user ?? ""],
      ["SecretFile:", s.secretFile ?? ""],
      ["SecretRef:", localObjectRef(s.secretRef)],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.storageos) {
    const s = v.storageos;
    typeBlock(w, "StorageOS (a StorageOS Persistent Disk resource)", [
      ["VolumeName:", s.volumeName ?? ""],
      ["VolumeNamespace:", s.volumeNamespace ?? ""],
      ["FSType:", s.fsType ?? ""],
      ["ReadOnly:", s.readOnly === true],
    ]);
  } else if (v.fc) {
    typeBlock(w, "FC (a Fibre Channel disk)", [
      ["TargetWWNs:", (v.fc.targetWWNs ?? []).join(", ")],
      ["LUN:", v.fc.lun ?? "<none>"],
      ["FSType:", v.fc.fsType ?? ""],
      ["ReadOnly:", v.fc.readOnly === true],
    ]);
  } else if (v.azureFile) {
    typeBlock(w, "AzureFile (an Azure File Service mount on the host and bind mount to the pod)", [
      ["SecretName:", v.azureFile.secretName],
      ["ShareName:", v.azureFile.shareName],
      ["ReadOnly:", v.azureFile.readOnly === true],
    ]);
  } else if (v.flexVolume) {
    const s = v.flexVolume;
    typeBlock(
      w,
      "FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)",
      [
        ["Driver:", s.driver],
        ["FSType:", s.fsType ?? ""],
        ["SecretRef:", localObjectRef(s.secretRef)],
        ["ReadOnly:", s.readOnly === true],
        ["Options:", goMap(s.options)],
      ],
    );
  } else if (v.flocker) {
    typeBlock(w, "Flocker (a Flocker volume mounted by the Flocker agent)", [
      ["DatasetName:", v.flocker.datasetName ?? ""],
      ["DatasetUUID:", v.flocker.datasetUUID ?? ""],
    ]);
  } else if (v.projected) {
    printProjected(v.projected, w, opts);
  } else if (v.csi) {
    const s = v.csi;
    typeBlock(w, "CSI (a Container Storage Interface (CSI) volume source)", [
      ["Driver:", s.driver],
      ["FSType:", s.fsType ?? ""],
      ["ReadOnly:", s.readOnly === true],
    ]);
    printCsiAttributes(w, s.volumeAttributes);
  } else if (v.image) {
    const s = v.image as AnyRecord;
    typeBlock(w, "Image (a container image or OCI artifact)", [
      ["Reference:", s.reference ?? ""],
      ["PullPolicy:", s.pullPolicy ?? ""],
    ]);
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

/**
 * `printProjectedVolumeSource`. kubectl ≥ 1.33 prints `Optional:  false` (the dereferenced bool); older kubectl
 * printed the raw *bool as `ConfigMapOptional:` (`SecretOptionalName:` for secrets), which is `<nil>` when
 * unset. A set *bool printed as a Go pointer address there; the value is shown instead.
 */
function printProjected(projected: NonNullable<Volume["projected"]>, w: Writer, opts: DescribeOptions): void {
  w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  const rawBool = (b: boolean | undefined) => (b === undefined || b === null ? "<nil>" : String(b));
  for (const source of projected.sources ?? []) {
    if (source.secret) {
      const label = opts.projectedOptional ? "Optional:" : "SecretOptionalName:";
      const value = opts.projectedOptional
        ? source.secret.optional === true
        : rawBool(source.secret.optional);
      w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ""}\n    ${label}\t${value}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
    } else if (source.configMap) {
      const label = opts.projectedOptional ? "Optional:" : "ConfigMapOptional:";
      const value = opts.projectedOptional
        ? source.configMap.optional === true
        : rawBool(source.configMap.optional);
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ""}\n    ${label}\t${value}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  }
}

/** `printCSIPersistentVolumeAttributesMultilineIndent` — including its quirk of indenting continuation lines by
 * two LEVEL_2 prefixes. */
function printCsiAttributes(w: Writer, attributes: StringMap): void {
  w.write(LEVEL_2, "VolumeAttributes:\t");
  const keys = goSortStrings(Object.keys(attributes ?? {}));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, "");
      w.write(LEVEL_2, "\t");
    }
    const line = `${key}=${attributes![key]}`;
    w.write(
      LEVEL_2,
      byteLength(line) > MAX_ANNOTATION_LEN ? `${byteSlice(line, MAX_ANNOTATION_LEN)}...\n` : `${line}\n`,
    );
  });
}

/** `printPersistentVolumeClaim(w, pvc, false)` for an ephemeral volume's claim template. */
function printClaimTemplate(w: Writer, meta: ObjectMeta | undefined, spec: AnyRecord): void {
  const annotations = meta?.annotations ?? {};
  const storageClass =
    (spec.storageClassName as string | undefined) ??
    annotations["volume.beta.kubernetes.io/storage-class"] ??
    "";
  w.write(LEVEL_0, `StorageClass:\t${storageClass}\n`);
  const volumeName = (spec.volumeName as string | undefined) ?? "";
  w.write(LEVEL_0, `Volume:\t${volumeName}\n`);
  printLabelsMultiline(w, "Labels", meta?.labels);
  printAnnotationsMultiline(w, "Annotations", meta?.annotations);
  // Without a bound volume, capacity and access modes print empty.
  w.write(LEVEL_0, "Capacity:\t\n");
  w.write(LEVEL_0, "Access Modes:\t\n");
  if (spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  const ds = spec.dataSource as AnyRecord | undefined;
  if (ds !== undefined) {
    w.write(LEVEL_0, "DataSource:\n");
    if (ds.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${ds.kind}\n`);
    w.write(LEVEL_1, `Name:\t${ds.name}\n`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pod-level pieces
// ---------------------------------------------------------------------------------------------------------------

export function describeTopologySpreadConstraints(
  tscs: readonly TopologySpreadConstraint[] | undefined,
  w: Writer,
  space: string,
): void {
  if (tscs === undefined || tscs.length === 0) return;
  const sorted = goSort([...tscs], (a, b) => goStringLess(a.topologyKey, b.topologyKey));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, "\t");
    }
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** `DescribePodTemplate`, as `describe job` prints `Pod Template:`. */
export function describePodTemplate(
  template: PodTemplateSpec | undefined,
  w: Writer,
  opts: DescribeOptions,
): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (template === undefined || template === null) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const meta = template.metadata;
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, "  Labels", meta?.labels);
  if (Object.keys(meta?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, "  Annotations", meta?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers("Init Containers", spec.initContainers!, undefined, null, w, "  ", opts);
  }
  describeContainers("Containers", spec.containers ?? [], undefined, null, w, "  ", opts);
  describeVolumes(spec.volumes, w, "  ", opts);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}

/**
 * `qos.GetPodQOS`: status.qosClass when the server has set it, otherwise computed from the containers' cpu and
 * memory requests and limits (ComputePodQOS; unset requests default to the limits, as API defaulting does).
 */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of all) {
    const lim = (c.resources?.limits ?? {}) as Record<string, string>;
    const req = { ...lim, ...((c.resources?.requests ?? {}) as Record<string, string>) };
    for (const r of ["cpu", "memory"]) {
      const rq = req[r] === undefined ? 0 : parseQuantity(req[r]);
      if (rq > 0) requests.set(r, (requests.get(r) ?? 0) + rq);
      const lm = lim[r] === undefined ? 0 : parseQuantity(lim[r]);
      if (lm > 0) limits.set(r, (limits.get(r) ?? 0) + lm);
    }
    if (lim.cpu === undefined || lim.memory === undefined) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}
