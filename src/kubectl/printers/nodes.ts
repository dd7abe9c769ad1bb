/**
 * `kubectl get nodes` rows as the API server's printer computes them.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes `pkg/printers/internalversion/printers.go`
 * (`nodeColumnDefinitions`, `printNode`, `findNodeRoles`, `getNodeInternalIP`, `getNodeExternalIP`), stored index
 * version ≈ v1.33 (find_string id 59882936):
 *  - STATUS: `Ready` / `NotReady` from the (last) Ready condition, `Unknown` without one, then
 *    `,SchedulingDisabled` for a cordoned node;
 *  - ROLES: every non-empty `<role>` of a `node-role.kubernetes.io/<role>` label plus the value of a
 *    `kubernetes.io/role` label, de-duplicated and sorted, joined with `,`; `<none>` when there are none;
 *  - VERSION: nodeInfo.kubeletVersion as is;
 *  - wide: the first InternalIP / ExternalIP address (`<none>`), OS image, kernel and container runtime
 *    (`<unknown>` when empty).
 */
import type { Node } from "kubernetes-types/core/v1.js";
import { goSortStrings, since } from "./format.js";
import type { Column, Row, Table } from "./table.js";

export const NODE_COLUMNS: readonly Column[] = Object.freeze([
  { name: "Name", priority: 0 },
  { name: "Status", priority: 0 },
  { name: "Roles", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "Version", priority: 0 },
  { name: "Internal-IP", priority: 1 },
  { name: "External-IP", priority: 1 },
  { name: "OS-Image", priority: 1 },
  { name: "Kernel-Version", priority: 1 },
  { name: "Container-Runtime", priority: 1 },
]);

const ROLE_PREFIX = "node-role.kubernetes.io/";
const ROLE_LABEL = "kubernetes.io/role";

/** `findNodeRoles`. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role.length > 0) roles.add(role);
    } else if (k === ROLE_LABEL && v !== "") {
      roles.add(v);
    }
  }
  return goSortStrings([...roles]);
}

export function nodeStatus(node: Node): string {
  // conditionMap[type] = &cond: the last condition of a type wins
  let ready: string | undefined;
  for (const c of node.status?.conditions ?? []) if (c.type === "Ready") ready = c.status;
  const status = ready === undefined ? ["Unknown"] : [ready === "True" ? "Ready" : "NotReady"];
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

function address(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
}

export interface NodeTableOptions {
  /**
   * The version profile's server ROLES string. Informational: the printer derives ROLES from the node's labels,
   * which the cluster set-up writes from the same profile (src/scenario/cluster-spec.ts).
   */
  serverRoles: string;
}

/** The table `kubectl get nodes` prints; the wide cells are always computed (kubectl hides priority-1 columns). */
export function nodeTable(nodes: Node[], nowWallMs: number, _o: NodeTableOptions): Table {
  const rows: Row[] = nodes.map((node) => {
    const name = node.metadata?.name ?? "";
    const roles = findNodeRoles(node).join(",");
    const info = node.status?.nodeInfo;
    const cells = [
      name,
      nodeStatus(node),
      roles === "" ? "<none>" : roles,
      since(node.metadata?.creationTimestamp, nowWallMs),
      info?.kubeletVersion ?? "",
      address(node, "InternalIP"),
      address(node, "ExternalIP"),
      info?.osImage || "<unknown>",
      info?.kernelVersion || "<unknown>",
      info?.containerRuntimeVersion || "<unknown>",
    ];
    return { cells, name, namespace: "", labels: { ...(node.metadata?.labels ?? {}) } };
  });
  return { kind: "Node", group: "", columns: NODE_COLUMNS.map((c) => ({ ...c })), rows };
}
