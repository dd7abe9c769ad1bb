import type { EventRecord } from "../../models/events.js";
import type { NamespaceRecord } from "../../models/namespace-record.js";
import type { JobRecord, NodeRecord, PodRecord } from "../../models/objects.js";
import type { KubectlContext } from "../context.js";
import { jobLabels, podLabels } from "../lookup.js";
import { eventTable } from "../printers/events.js";
import { jobTable } from "../printers/jobs.js";
import { namespaceTable } from "../printers/namespaces.js";
import { nodeTable } from "../printers/nodes.js";
import { podTable } from "../printers/pods.js";
import type { Table } from "../printers/table.js";
import type { ResourceKind } from "../resources.js";

/**
 * What `kubectl get` lists and watches: a stored record with its kind and name, turned into the
 * API object (`materialize`) or the server's table (`tableFor`) when printed — at the moment of
 * printing, as the API server answers each request and watch event with the object as it is then.
 */

export type Obj = {
  kind: ResourceKind;
  name: string;
  record: JobRecord | PodRecord | NodeRecord | NamespaceRecord | EventRecord;
};

export function materialize(ctx: KubectlContext, o: Obj): unknown {
  const m = ctx.materializer;
  switch (o.kind) {
    case "jobs":
      return m.job(o.record as JobRecord);
    case "pods":
      return m.pod(o.record as PodRecord);
    case "nodes":
      return m.node(o.record as NodeRecord, ctx.cluster.sim.now);
    case "namespaces":
      return m.namespace(o.record as NamespaceRecord);
    default:
      return m.event(o.record as EventRecord);
  }
}

/** The object's labels, as a label selector sees them (the Namespace's automatic name label). */
export function labelsOf(o: Obj): Record<string, string> {
  switch (o.kind) {
    case "jobs":
      return jobLabels(o.record as JobRecord);
    case "pods":
      return podLabels(o.record as PodRecord);
    case "nodes":
      return (o.record as NodeRecord).labels;
    case "namespaces":
      return { "kubernetes.io/metadata.name": o.name };
    default:
      return {}; // the event recorders set no labels
  }
}

/** The namespace of a namespaced object ("" for nodes and namespaces). */
export function namespaceOfObj(o: Obj): string {
  return o.kind === "nodes" || o.kind === "namespaces" ? "" : (o.record as { namespace: string }).namespace;
}

export function tableFor(ctx: KubectlContext, kind: ResourceKind, objects: unknown[]): Table {
  const now = ctx.nowWallMs();
  const p = ctx.profile;
  switch (kind) {
    case "jobs":
      return jobTable(objects as never[], now, {
        statusColumn: p.jobStatusColumn,
        successCriteriaMet: p.jobStatusSuccessCriteriaMet,
      });
    case "pods":
      return podTable(objects as never[], now);
    case "nodes":
      return nodeTable(objects as never[], now, { serverRoles: p.serverNodeRoles });
    case "namespaces":
      return namespaceTable(objects as never[], now);
    default:
      return eventTable(objects as never[], now);
  }
}
