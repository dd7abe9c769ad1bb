/**
 * `kubectl describe pod NAME`.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`describePod`, `describePodIPs`, `printController`; the sections come from sections.ts, the events from
 * events.ts). Field order:
 * Name, Namespace, Priority, Priority Class Name, Runtime Class Name, Service Account, Node (`<node>/<hostIP>` or
 * `<none>`), Start Time, Labels, Annotations, Status (`Terminating (lasts <age of deletionTimestamp>)` plus
 * `Termination Grace Period` for a non-terminal pod being deleted), Reason, Message, SeccompProfile, IP, IPs,
 * Controlled By, NominatedNodeName, Resources, Init Containers, Containers, Ephemeral Containers, Readiness Gates,
 * Conditions (`Type \tStatus \n` rows: each line ends with a space), Volumes, QoS Class, Node-Selectors,
 * Tolerations, Topology Spread Constraints, Events.
 */
import type { Container, Event, Pod, ResourceRequirements } from "kubernetes-types/core/v1.js";
import { writeEvents } from "./events.js";
import type { DescribeOptions } from "./options.js";
import {
  controllerOf,
  describeContainers,
  describeResources,
  describeTopologySpreadConstraints,
  describeVolumes,
  envValueRetriever,
  podQOS,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from "./sections.js";
import { formatRfc1123z, LEVEL_0, LEVEL_1, PrefixWriter, timestampSince } from "./writer.js";

/**
 * The text of `kubectl describe pod`, ending with a newline. `events` are the events about this pod (any order);
 * `null` leaves the Events section out, as `--show-events=false` does.
 */
export function describePod(
  pod: Pod,
  events: Event[] | null,
  nowWallMs: number,
  opts: DescribeOptions,
): string {
  const w = new PrefixWriter();
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const extra = spec as typeof spec & { resources?: ResourceRequirements };

  w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  if (spec.priority !== undefined && spec.priority !== null)
    w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(LEVEL_0, "Node:\t<none>\n");
  else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n`);
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRfc1123z(status.startTime, opts)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${timestampSince(meta.deletionTimestamp, nowWallMs)})\n`);
    // Go dereferences deletionGracePeriodSeconds here; the API server always sets it with deletionTimestamp.
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ""}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
    if (seccomp.type === "Localhost")
      w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, "IPs:\t<none>\n");
  } else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (extra.resources) {
    w.write(LEVEL_0, "Resources:\n");
    describeResources(extra.resources, w, LEVEL_1);
  }

  const resolver = envValueRetriever(pod);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(
      "Init Containers",
      spec.initContainers!,
      status.initContainerStatuses,
      resolver,
      w,
      "",
      opts,
    );
  }
  describeContainers("Containers", spec.containers ?? [], status.containerStatuses, resolver, w, "", opts);
  if ((spec.ephemeralContainers ?? []).length > 0) {
    const ec = spec.ephemeralContainers!.map((c) => c as unknown as Container);
    describeContainers("Ephemeral Containers", ec, status.ephemeralContainerStatuses, resolver, w, "", opts);
  }
  const conditions = status.conditions ?? [];
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of spec.readinessGates!) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(LEVEL_1, `${g.conditionType} \t${c === undefined ? "<none>" : c.status} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, "", opts);
  w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
  if (events !== null) writeEvents(w, events, nowWallMs, opts);
  return w.finish();
}
