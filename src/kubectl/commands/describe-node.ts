import type { Event } from "kubernetes-types/core/v1.js";
import { nodeLeaseRenewMs } from "../../models/node-lease.js";
import { isTerminal, type NodeRecord } from "../../models/objects.js";
import type { KubectlContext } from "../context.js";
import { describeNode } from "../describe/describe-node.js";
import type { DescribeOptions } from "../describe/options.js";
import { listPods } from "../lookup.js";

/**
 * `kubectl describe node`'s requests (describe.go NodeDescriber.Describe), answered from the
 * simulated cluster: the node; the pods bound to it that are neither Succeeded nor Failed, in every
 * namespace (the field selector spec.nodeName, status.phase!=Succeeded, status.phase!=Failed), in
 * the API's list order; the kubelet's Lease (node-lease.ts); and the events about the node — those
 * recorded against its UID and those against its name (the kubelet's), merged.
 */
export function describeNodeRecord(
  ctx: KubectlContext,
  node: NodeRecord,
  showEvents: boolean,
  opts: DescribeOptions,
): string {
  const m = ctx.materializer;
  const pods = listPods(ctx.cluster.store, null, null)
    .filter((p) => p.nodeName === node.name && !isTerminal(p.phase))
    .map((p) => m.pod(p));
  const object = m.node(node, ctx.cluster.sim.now);
  let events: Event[] | null = null;
  const rec = ctx.cluster.recorder;
  if (showEvents) {
    const uid = object.metadata?.uid ?? "";
    events =
      rec === null ? [] : [...rec.about("Node", uid), ...rec.about("Node", node.name)].map((e) => m.event(e));
  }
  const lease = {
    holderIdentity: node.name,
    acquireTime: null,
    renewTime: m.time(nodeLeaseRenewMs(node, ctx.cluster.sim.now)),
  };
  return describeNode({ node: object, lease, pods, events }, ctx.nowWallMs(), opts);
}
