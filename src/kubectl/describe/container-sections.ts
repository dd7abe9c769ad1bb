/**
 * The `Containers:` / `Init Containers:` sections: per container its image, ports, command, state, resources,
 * probes, environment and mounts.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`describeContainers` and its helpers `describeContainerBasicInfo`, `describeContainerPorts`,
 * `describeContainerCommand`, `describeResources`, `describeContainerState`, `describeStatus`,
 * `describeContainerProbe`/`DescribeProbe`, `describeContainerEnvFrom`, `describeContainerEnvVars`,
 * `describeContainerVolumes`, `EnvValueRetriever`) and kubectl `pkg/util/resource`
 * (`ExtractContainerResourceValue`).
 */
import type {
  Container,
  ContainerState,
  ContainerStatus,
  EnvVar,
  Pod,
  Probe,
  ResourceRequirements,
} from "kubernetes-types/core/v1.js";
import { parseQuantity } from "../../models/api/quantity.js";
import { quantityString } from "../../models/api/quantity-string.js";
import { goSort, goSortStrings, goStringLess } from "./go-sort.js";
import type { DescribeOptions } from "./options.js";
import { formatRfc1123z, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type Writer } from "./writer.js";

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
