/**
 * `kubectl describe node NAME`.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`NodeDescriber.Describe`, `describeNode`, `describeNodeLease`, `describeNodeResource`,
 * `getPodsTotalRequestsAndLimits`, `printNodeTaintsMultiline`, `findNodeRoles`,
 * `SortableResourceNames`). Field order:
 * Name, Roles (sorted, comma-joined, `<none>`), Labels, Annotations, CreationTimestamp, Taints
 * (sorted by `effect,key`; `key=value:effect`), Unschedulable, Lease (HolderIdentity, AcquireTime,
 * RenewTime; `<unset>` for a missing one), Conditions (only when there are some; each cell but the
 * last ends with a space), Addresses, Capacity and Allocatable (resource names in byte order),
 * System Info, PodCIDR, PodCIDRs, ProviderID, the non-terminated pods on the node with their
 * requests and limits as percentages of what is allocatable (truncated), the totals (cpu, memory,
 * ephemeral-storage, then hugepages-* and extended resources of the allocatable list), Events.
 * The node's events are those about its UID and those about its name (the kubelet's).
 */
import type { Event, Node, Pod } from "kubernetes-types/core/v1.js";
import { ExactQuantity } from "../../models/api/quantity-string.js";
import { findNodeRoles } from "../printers/nodes.js";
import { writeEvents } from "./events.js";
import { goSort, goStringLess } from "./go-sort.js";
import { printAnnotationsMultiline, printLabelsMultiline } from "./metadata-sections.js";
import type { DescribeOptions } from "./options.js";
import { podResourceTotals, type ResourceTotals, totalOf } from "./pod-resources.js";
import { formatRfc1123z, LEVEL_0, LEVEL_1, PrefixWriter, timestampSince } from "./writer.js";

/** The node's Lease in kube-node-lease, as `describeNodeLease` reads it (null fields: `<unset>`). */
export interface NodeLeaseView {
  holderIdentity: string | null;
  acquireTime: string | null;
  renewTime: string | null;
}

export interface NodeDescription {
  node: Node;
  /** null: the Lease could not be fetched (`Lease:\tFailed to get lease: <error>`). */
  lease: NodeLeaseView | { error: string };
  /** The node's pods that are neither Succeeded nor Failed, in the API's list order. */
  pods: Pod[];
  /** null leaves the Events section out (`--show-events=false`). */
  events: Event[] | null;
}

export function describeNode(d: NodeDescription, nowWallMs: number, opts: DescribeOptions): string {
  const { node } = d;
  const meta = node.metadata ?? {};
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
  const roles = findNodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(meta.creationTimestamp, opts)}\n`);
  writeTaints(w, spec.taints ?? []);
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  writeLease(w, d.lease, opts);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions)
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${formatRfc1123z(c.lastHeartbeatTime, opts)} \t${formatRfc1123z(c.lastTransitionTime, opts)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
      );
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  const capacity = (status.capacity ?? {}) as Record<string, string>;
  const allocatableList = (status.allocatable ?? {}) as Record<string, string>;
  for (const [title, list] of [
    ["Capacity", capacity],
    ["Allocatable", allocatableList],
  ] as const) {
    const names = Object.keys(list);
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of goSort(names, goStringLess))
      w.write(LEVEL_0, `  ${name}:\t${ExactQuantity.of(list[name]).toString()}\n`);
  }
  const info = status.nodeInfo;
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ""}\n`);
  if (opts.nodeKubeProxyVersion === true)
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ""}\n`);
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs!.join(",")}\n`);
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
  // describeNodeResource divides by the allocatable list, or by the capacity when it has none.
  const allocatable = Object.keys(allocatableList).length > 0 ? allocatableList : capacity;
  writeNodeResource(w, d.pods, allocatable, nowWallMs);
  if (d.events !== null) writeEvents(w, d.events, nowWallMs, opts);
  return w.finish();
}

/** printNodeTaintsMultiline: sorted by `effect,key` (sort.Slice; a stable insertion sort below 13). */
function writeTaints(w: PrefixWriter, taints: NonNullable<Node["spec"]>["taints"] & object): void {
  w.write(LEVEL_0, "Taints:\t");
  if (taints.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const key = (t: (typeof taints)[number]) => `${t.effect},${t.key}`;
  goSort([...taints], (a, b) => goStringLess(key(a), key(b))).forEach((t, i) => {
    if (i > 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${t.value ? `${t.key}=${t.value}` : t.key}:${t.effect}\n`);
  });
}

function writeLease(w: PrefixWriter, lease: NodeDescription["lease"], opts: DescribeOptions): void {
  if ("error" in lease) {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.error}\n`);
    return;
  }
  w.write(LEVEL_0, "Lease:\n");
  w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity ?? "<unset>"}\n`);
  const time = (t: string | null) => (t === null ? "<unset>" : formatRfc1123z(t, opts));
  w.write(LEVEL_1, `AcquireTime:\t${time(lease.acquireTime)}\n`);
  w.write(LEVEL_1, `RenewTime:\t${time(lease.renewTime)}\n`);
}

/** `int64(float64(part) / float64(whole) * 100)`: truncated; Go's int64 of ±Inf or NaN aside. */
function percent(part: number, whole: number): number {
  return Math.trunc((part / whole) * 100);
}

/** Resource names counted under their own rows (IsStandardContainerResourceName) besides hugepages-*. */
const STANDARD_CONTAINER_RESOURCES = new Set(["cpu", "memory", "ephemeral-storage"]);

function writeNodeResource(
  w: PrefixWriter,
  pods: readonly Pod[],
  allocatable: Record<string, string>,
  nowWallMs: number,
): void {
  const alloc = (name: string) => ExactQuantity.of(allocatable[name] ?? 0);
  const allocMilliCpu = alloc("cpu").milliValue();
  const allocMemory = alloc("memory").value();
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const reqs: ResourceTotals = new Map();
  const limits: ResourceTotals = new Map();
  for (const pod of pods) {
    const req = podResourceTotals(pod, "requests");
    const limit = podResourceTotals(pod, "limits");
    const cell = (q: ExactQuantity, whole: number, milli: boolean) =>
      `${q.toString()} (${percent(milli ? q.milliValue() : q.value(), whole)}%)`;
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ""}\t${pod.metadata?.name ?? ""}\t\t${cell(totalOf(req, "cpu"), allocMilliCpu, true)}\t${cell(totalOf(limit, "cpu"), allocMilliCpu, true)}\t${cell(totalOf(req, "memory"), allocMemory, false)}\t${cell(totalOf(limit, "memory"), allocMemory, false)}\t${timestampSince(pod.metadata?.creationTimestamp, nowWallMs)}\n`,
    );
    addTotals(reqs, req);
    addTotals(limits, limit);
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  // The totals' fractions are 0 where nothing of the resource is allocatable.
  const row = (name: string, whole: number, milli: boolean) => {
    const r = totalOf(reqs, name);
    const l = totalOf(limits, name);
    const pct = (q: ExactQuantity) => (whole === 0 ? 0 : percent(milli ? q.milliValue() : q.value(), whole));
    w.write(LEVEL_1, `${name}\t${r.toString()} (${pct(r)}%)\t${l.toString()} (${pct(l)}%)\n`);
  };
  row("cpu", allocMilliCpu, true);
  row("memory", allocMemory, false);
  row("ephemeral-storage", alloc("ephemeral-storage").value(), false);
  const names = Object.keys(allocatable);
  const hugePages = goSort(
    names.filter((n) => n.startsWith("hugepages-")),
    goStringLess,
  );
  for (const name of hugePages) row(name, alloc(name).value(), false);
  const extended = goSort(
    names.filter((n) => !n.startsWith("hugepages-") && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== "pods"),
    goStringLess,
  );
  for (const name of extended)
    w.write(LEVEL_1, `${name}\t${totalOf(reqs, name).toString()}\t${totalOf(limits, name).toString()}\n`);
}

/** getPodsTotalRequestsAndLimits: each pod's quantities added to the node's (a copy at first). */
function addTotals(into: ResourceTotals, add: ResourceTotals): void {
  for (const [name, q] of add) {
    const have = into.get(name);
    if (have === undefined) into.set(name, q.copy());
    else have.add(q);
  }
}
