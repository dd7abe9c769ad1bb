/**
 * The `Events:` section of `kubectl describe`.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`DescribeEvents`: the fieldPath prefix there is kubectl 1.35's, PR #133627) and
 * `staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go` (`SortableEvents.Less`: lastTimestamp only;
 * read from the vendored copy in ashierj/superdemo @ c1cf94e91feedf4d7b64e64bcdefc7f21f8224f3, identical to the
 * test file kubernetes/kubernetes `sorted_event_list_test.go` @ aed80471ab6fbe2c2f884d1000108db3b65246b8 expects).
 *
 * - With no events: `Events:\t<none>` — one line that joins the column block above it.
 * - Otherwise the tabwriter is flushed (ending the block above), then `Events:`, the `Type Reason Age From Message`
 *   header and dashes at level 1, and one row per event.
 * - Order: Go's `sort.Sort` by lastTimestamp alone. Events of the events.k8s.io API (the scheduler's) have no
 *   lastTimestamp, i.e. Go's zero time, so they sort before every legacy event. The sort is Go's pdqsort (see
 *   go-sort.ts): stable up to 12 events, not beyond, so ties depend on the order the API listed the events in —
 *   by object key (namespace/name), which this module reproduces before sorting. Event names are
 *   `<object>.<hex UnixNano of the first occurrence>`, so that is creation order.
 * - Age: firstSeen = age of eventTime, or of firstTimestamp when eventTime is zero; with a series
 *   `<age of series.lastObservedTime> (x<count> over <firstSeen>)`; else with count > 1
 *   `<age of lastTimestamp> (x<count> over <firstSeen>)`; else firstSeen. A zero time is `<unknown>`.
 * - From: source.component, else reportingComponent (Go: ReportingController). Message: TrimSpace, then (kubectl
 *   ≥ 1.35) prefixed with `<involvedObject.fieldPath>: ` when there is a fieldPath.
 */
import type { Event } from "kubernetes-types/core/v1.js";
import { goSort, goStringCompare } from "./go-sort.js";
import type { DescribeOptions } from "./options.js";
import type { Writer } from "./sections.js";
import { goTrimSpace, LEVEL_0, LEVEL_1, PrefixWriter, parseApiTime, timestampSince } from "./writer.js";

/** Go's zero time sorts before any real instant. */
function lastTimestampKey(e: Event): number {
  return parseApiTime(e.lastTimestamp) ?? Number.NEGATIVE_INFINITY;
}

/** The API server lists events by key, namespace/name (a stable sort keeps unnamed events as given). */
function apiListOrder(events: readonly Event[]): Event[] {
  const key = (e: Event) => `${e.metadata?.namespace ?? ""}/${e.metadata?.name ?? ""}`;
  return [...events].sort((a, b) => goStringCompare(key(a), key(b)));
}

/** The events in the order kubectl prints them. */
export function sortEventsForDescribe(events: readonly Event[]): Event[] {
  return goSort(apiListOrder(events), (a, b) => lastTimestampKey(a) < lastTimestampKey(b));
}

/** The Age cell of one event. */
export function eventInterval(e: Event, nowMs: number): string {
  const firstSeen =
    parseApiTime(e.eventTime) === null
      ? timestampSince(e.firstTimestamp, nowMs)
      : timestampSince(e.eventTime, nowMs);
  if (e.series !== undefined && e.series !== null) {
    return `${timestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${firstSeen})`;
  }
  if ((e.count ?? 0) > 1) return `${timestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${firstSeen})`;
  return firstSeen;
}

/** Writes the Events section as `DescribeEvents` does (flushing the tabwriter first when there are events). */
export function writeEvents(
  w: Writer & { flush(): void },
  events: readonly Event[],
  nowMs: number,
  opts: DescribeOptions,
): void {
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  w.flush();
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sortEventsForDescribe(events)) {
    const source = e.source?.component || e.reportingComponent || "";
    let message = goTrimSpace(e.message ?? "");
    const fieldPath = e.involvedObject?.fieldPath ?? "";
    if (opts.eventFieldPathPrefix && fieldPath.length > 0) message = `${fieldPath}: ${message}`;
    w.write(
      LEVEL_1,
      `${e.type ?? ""}\t${e.reason ?? ""}\t${eventInterval(e, nowMs)}\t${source}\t${message}\n`,
    );
  }
}

/**
 * The Events section on its own, laid out by the describe tabwriter and ending with a newline (`Events:  <none>`
 * when there are none). `events` are the events about one object, in any order.
 */
export function describeEvents(events: Event[], nowWallMs: number, opts: DescribeOptions): string {
  const w = new PrefixWriter();
  writeEvents(w, events, nowWallMs, opts);
  return w.finish();
}
