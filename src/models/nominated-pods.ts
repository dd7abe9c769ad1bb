import { matchesNodeAffinity } from "./node-affinity.js";
import { NONE, type NodeRecord, objectList, type PodRecord } from "./objects.js";
import { podPriority } from "./pod-priority.js";
import { podRequests, type Requests } from "./scheduler-score.js";

/**
 * The scheduling queue's nominator (pkg/scheduler/backend/queue/nominator.go): pods a preemption
 * nominated to a node and not yet bound. While they wait, the Filter phase counts them on their
 * node for every pod of lower or equal priority (framework/runtime/framework.go
 * RunFilterPluginsWithNominatedPods → addGENominatedPods: priority >= the pod's, another UID), so
 * the room the victims free is kept for the preemptor. Empty in every run without preemption,
 * where the scheduler asks nothing more than its length.
 */

/** What the pods nominated to one node ask. */
export interface Reserved {
  milliCpu: number;
  memory: number;
  pods: number;
}

export class NominatedPods {
  readonly pods: PodRecord[] = objectList();

  add(pod: PodRecord): void {
    if (!this.pods.includes(pod)) this.pods.push(pod);
  }

  clear(): void {
    while (this.pods.length > 0) this.pods.pop();
  }

  /** Per node, the requests of the pods nominated there that `pod` must leave room for; null
   * when there are none (pods bound, deleted or no longer nominated are dropped first). */
  reservations(pod: PodRecord, nodes: readonly NodeRecord[]): Map<NodeRecord, Reserved> | null {
    const list = this.pods;
    let kept = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (p.nominatedNodeName !== null && p.nodeName === null && !p.removed && p.deletionMs === NONE)
        list[kept++] = p;
    }
    list.length = kept;
    let out: Map<NodeRecord, Reserved> | null = null;
    const priority = podPriority(pod);
    for (const p of list) {
      if (p === pod || podPriority(p) < priority) continue;
      const node = nodes.find((n) => n.name === p.nominatedNodeName);
      if (node === undefined) continue;
      out ??= new Map();
      const r = out.get(node) ?? { milliCpu: 0, memory: 0, pods: 0 };
      const req = podRequests(p.spec);
      r.milliCpu += req.milliCpu;
      r.memory += req.memory;
      r.pods += 1;
      out.set(node, r);
    }
    return out;
  }
}

/** NodeAffinity and NodeResourcesFit pass on `node`, with the room `r` kept for nominated pods. */
export function fitsWithNominated(
  pod: PodRecord,
  node: NodeRecord,
  req: Requests,
  r: Reserved | undefined,
): boolean {
  return (
    matchesNodeAffinity(pod.spec, node) &&
    node.podCount + 1 + (r?.pods ?? 0) <= node.allocatablePods &&
    node.requestedMilliCpu + node.systemMilliCpu + req.milliCpu + (r?.milliCpu ?? 0) <=
      node.allocatableMilliCpu &&
    node.requestedMemory + node.systemMemory + req.memory + (r?.memory ?? 0) <= node.allocatableMemory
  );
}
