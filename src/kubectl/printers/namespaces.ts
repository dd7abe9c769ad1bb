/**
 * `kubectl get namespaces` rows as the API server's printer computes them
 * (`pkg/printers/internalversion/printers.go`: `namespaceColumnDefinitions`, `printNamespace`;
 * find_string id 59882936): NAME, STATUS (the phase), AGE.
 */
import type { Namespace } from "kubernetes-types/core/v1.js";
import { since } from "./format.js";
import type { Column, Row, Table } from "./table.js";

export const NAMESPACE_COLUMNS: readonly Column[] = Object.freeze([
  { name: "Name", priority: 0 },
  { name: "Status", priority: 0 },
  { name: "Age", priority: 0 },
]);

export function namespaceTable(namespaces: Namespace[], nowWallMs: number): Table {
  const rows: Row[] = namespaces.map((ns) => {
    const name = ns.metadata?.name ?? "";
    const cells = [name, ns.status?.phase ?? "", since(ns.metadata?.creationTimestamp, nowWallMs)];
    return { cells, name, namespace: "", labels: { ...(ns.metadata?.labels ?? {}) } };
  });
  return { kind: "Namespace", group: "", columns: NAMESPACE_COLUMNS.map((c) => ({ ...c })), rows };
}
