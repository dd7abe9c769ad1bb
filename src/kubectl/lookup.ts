import { LabelSelector } from "../models/api/labels.js";
import type { NamespaceRecord } from "../models/namespace-record.js";
import type { JobRecord, NodeRecord, PodRecord } from "../models/objects.js";
import type { Store } from "../models/store.js";
import type { KubectlCommand } from "./parse.js";
import { flag } from "./parse.js";
import { qualifiedResource, type ResourceKind } from "./resources.js";

/**
 * Listing as the API server does: objects of a namespace in key order (by name, byte order:
 * etcd and kine return ranges sorted by key), filtered by a label selector.
 */

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function namespaceOf(cmd: KubectlCommand): string {
  return flag(cmd, "namespace") ?? "default";
}

export function selectorOf(cmd: KubectlCommand): LabelSelector | null {
  const s = flag(cmd, "selector");
  return s === undefined ? null : LabelSelector.parse(s);
}

export function jobLabels(job: JobRecord): Record<string, string> {
  return job.object.metadata?.labels ?? {};
}

export function podLabels(pod: PodRecord): Record<string, string> {
  return pod.template.metadata?.labels ?? {};
}

export function listJobs(store: Store, ns: string | null, sel: LabelSelector | null): JobRecord[] {
  return store.jobs
    .filter((j) => (ns === null || j.namespace === ns) && (sel === null || sel.matches(jobLabels(j))))
    .sort(nsThenName);
}

export function listPods(store: Store, ns: string | null, sel: LabelSelector | null): PodRecord[] {
  return store.pods
    .filter((p) => (ns === null || p.namespace === ns) && (sel === null || sel.matches(podLabels(p))))
    .sort(nsThenName);
}

export function listNamespaces(store: Store, sel: LabelSelector | null): NamespaceRecord[] {
  return store.namespaces
    .filter((n) => sel === null || sel.matches({ "kubernetes.io/metadata.name": n.name }))
    .sort(byName);
}

export function listNodes(store: Store, sel: LabelSelector | null): NodeRecord[] {
  return store.nodes.filter((n) => sel === null || sel.matches(n.labels)).sort(byName);
}

/**
 * The API server's list order: by storage key, /registry/<resource>/<namespace>/<name>, compared
 * byte by byte (etcd and kine ranges; the watch cache's btree, BtreeWatchCache). So it is
 * "<namespace>/<name>" that is compared, not the namespace first: "team-a/x" < "team/x" since
 * "-" sorts before "/". Names here are ASCII, where UTF-16 and byte order agree.
 */
function nsThenName(a: { namespace: string; name: string }, b: { namespace: string; name: string }): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function notFound(kind: ResourceKind, name: string): string {
  return `Error from server (NotFound): ${qualifiedResource(kind)} "${name}" not found\n`;
}

export function noResources(ns: string | null): string {
  return ns === null ? "No resources found\n" : `No resources found in ${ns} namespace.\n`;
}
