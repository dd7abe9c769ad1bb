/**
 * `kubectl get events` rows as the API server's printer computes them (the server-side table, not the client-side
 * `kubectl events` command).
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes `pkg/printers/internalversion/printers.go`
 * (`eventColumnDefinitions`, `printEvent`, `formatEventSource`, `firstNonEmpty`,
 * `formatEventSourceComponentInstance`), stored index version ≈ v1.33 (find_string id 59882936):
 *  - LAST SEEN = age of lastTimestamp, else FIRST SEEN; with a series, age of series.lastObservedTime. Never
 *    "(xN over …)" — the count is only in the wide COUNT column;
 *  - FIRST SEEN = age of firstTimestamp, else of eventTime (`<unknown>` when both are zero);
 *  - COUNT = series.count, else count, else 1;
 *  - OBJECT = `lower(kind)/name` (just `lower(kind)` without a name);
 *  - SOURCE = `component, host`, falling back to reportingController (`reportingComponent` in JSON) /
 *    reportingInstance; just the component when there is no host;
 *  - MESSAGE is trimmed of surrounding whitespace.
 * Rows keep the API list order: printEventList does not sort.
 */
import type { Event } from "kubernetes-types/core/v1.js";
import { apiTime, goTrimSpace, since } from "./format.js";
import type { Column, Row, Table } from "./table.js";

/** Wide order: LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME. */
export const EVENT_COLUMNS: readonly Column[] = Object.freeze([
  { name: "Last Seen", priority: 0 },
  { name: "Type", priority: 0 },
  { name: "Reason", priority: 0 },
  { name: "Object", priority: 0 },
  { name: "Subobject", priority: 1 },
  { name: "Source", priority: 1 },
  { name: "Message", priority: 0 },
  { name: "First Seen", priority: 1 },
  { name: "Count", priority: 1 },
  { name: "Name", priority: 1 },
]);

/** `formatEventSource`. */
export function formatEventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || "";
  const instance = e.source?.host || e.reportingInstance || "";
  return instance === "" ? component : `${component}, ${instance}`;
}

/** The table `kubectl get events` prints; rows in the given (API list) order. */
export function eventTable(events: Event[], nowWallMs: number): Table {
  const rows: Row[] = events.map((e) => {
    const firstSeen =
      apiTime(e.firstTimestamp) !== null ? since(e.firstTimestamp, nowWallMs) : since(e.eventTime, nowWallMs);
    let lastSeen = apiTime(e.lastTimestamp) !== null ? since(e.lastTimestamp, nowWallMs) : firstSeen;
    let count = e.count ?? 0;
    if (e.series) {
      lastSeen = since(e.series.lastObservedTime, nowWallMs);
      count = e.series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events of the new API carry no count
    }
    const kind = (e.involvedObject?.kind ?? "").toLowerCase();
    const objName = e.involvedObject?.name ?? "";
    const target = objName.length > 0 ? `${kind}/${objName}` : kind;
    const name = e.metadata?.name ?? "";
    const cells = [
      lastSeen,
      e.type ?? "",
      e.reason ?? "",
      target,
      e.involvedObject?.fieldPath ?? "",
      formatEventSource(e),
      goTrimSpace(e.message ?? ""),
      firstSeen,
      String(count),
      name,
    ];
    return { cells, name, namespace: e.metadata?.namespace ?? "", labels: { ...(e.metadata?.labels ?? {}) } };
  });
  return { kind: "Event", group: "", columns: EVENT_COLUMNS.map((c) => ({ ...c })), rows };
}
