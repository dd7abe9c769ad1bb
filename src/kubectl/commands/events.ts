import type { EventListener, EventRecord } from "../../models/events.js";
import { WatchType } from "../../models/store.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { goSort } from "../describe/go-sort.js";
import { humanDuration } from "../durations.js";
import { EVENTS_OUTPUT_FORMATS, eventsOutputUnsupported } from "../events-output.js";
import { namespaceOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import { goStringCompare } from "../printers/format.js";
import { RESOURCE_INFO, resourceForArg } from "../resources.js";
import { sliceFlag } from "../string-slice.js";
import { GET_TABWRITER, TabWriter, tabulate } from "../tabwriter.js";

/**
 * `kubectl events` (staging/src/k8s.io/kubectl/pkg/cmd/events): client-side, sorted by event
 * time; LAST SEEN shows `<age> (xN over <first>)` for repeated events; OBJECT keeps the kind's
 * case (`Pod/x`). Unlike `kubectl get events`.
 */

/**
 * events.go `decodeResourceTypeName`: the Kind and name of `--for TYPE/NAME`, or the error.
 * An empty name is accepted — and then selects nothing, so every event is listed. Run builds
 * its field selector of the Kind, the apiVersion and the name; a kind jobsim does not model has
 * no objects, so no events: an empty Kind matches none.
 */
function decodeResourceTypeName(forObj: string): { kind: string; name: string } | string {
  if (!forObj.includes("/")) return "error: --for must be in resource/name form";
  const seg = forObj.split("/");
  if (seg.length !== 2) return "error: arguments in resource/name form may not have more than one slash";
  const resource = resourceForArg(seg[0]);
  if (typeof resource === "object") return resource.error;
  return { kind: resource === "unmodelled" ? "" : RESOURCE_INFO[resource].kind, name: seg[1] };
}

/** The API server's list order: by key, namespace then name. */
function keyOrder(events: EventRecord[]): EventRecord[] {
  return events.sort((a, b) => {
    const ns = goStringCompare(a.namespace, b.namespace);
    return ns !== 0 ? ns : goStringCompare(a.name, b.name);
  });
}

/** events.go `eventTime`: series.lastObservedTime, else lastTimestamp, else eventTime. */
function eventTime(e: EventRecord): number {
  if (e.seriesCount > 0) return e.seriesLastMs;
  if (e.lastMs >= 0) return e.lastMs;
  return e.eventTimeMs;
}

/** Whether eventTime(e) is a MicroTime (events.k8s.io events) rather than a whole-second Time. */
function isMicroTime(e: EventRecord): boolean {
  return e.seriesCount > 0 || e.lastMs < 0;
}

/**
 * SortableEvents.Less on the times as kubectl decodes them: lastTimestamp truncated to the
 * second, eventTime to the microsecond. A MicroTime at the simulated millisecond of a
 * whole-second stamp is the later one — in a cluster it is some microseconds past it (the
 * scheduler binds a pod after the controller's write), never exactly on the second; two
 * MicroTimes in one millisecond are apart in a cluster too, in the order they were written.
 * Whole-second stamps do tie, and then the sort's handling of ties decides.
 */
function eventBefore(a: EventRecord, b: EventRecord): boolean {
  const ka = 2 * eventTime(a) + (isMicroTime(a) ? 1 : 0);
  const kb = 2 * eventTime(b) + (isMicroTime(b) ? 1 : 0);
  if (ka !== kb) return ka < kb;
  return isMicroTime(a) && a.resourceVersion < b.resourceVersion;
}

export function eventsCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const allNs = boolFlag(cmd, "all-namespaces");
  const ns = namespaceOf(cmd);
  if (cmd.positionals.length > 0)
    return fail(`error: unknown command "${cmd.positionals[0]}" for "kubectl events"`);
  // events.go ToOptions (--for, then the printer), then Validate (--types).
  const forObj = flag(cmd, "for");
  let kind = "";
  let name = "";
  if (forObj !== undefined) {
    const forTarget = decodeResourceTypeName(forObj);
    if (typeof forTarget === "string") return fail(forTarget);
    ({ kind, name } = forTarget);
  }
  const output = flag(cmd, "output") ?? "";
  if (output !== "" && !EVENTS_OUTPUT_FORMATS.includes(output))
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${EVENTS_OUTPUT_FORMATS.join(",")}`,
    );
  if (output !== "" && output !== "name") return fail(`error: ${eventsOutputUnsupported(output)}`);
  // StringSliceVar: each --types is one CSV record (untrimmed), and the flag may be repeated.
  const types = sliceFlag(cmd.flags, "types");
  for (const t of types)
    if (t.toLowerCase() !== "normal" && t.toLowerCase() !== "warning")
      return fail("error: valid --types are Normal or Warning");
  const selected = (e: EventRecord) =>
    (allNs || e.namespace === ns) &&
    (name === "" || (e.involved.kind === kind && e.involved.name === name)) &&
    (types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()));
  if (boolFlag(cmd, "watch")) return watchEvents(ctx, cmd, allNs, selected, output === "name");
  // The list comes in the API server's key order (namespace, then name); events.go then sorts
  // it with sort.Sort — not stable beyond 12 items — by the event time as the JSON carried it.
  const events = goSort(keyOrder((ctx.cluster.recorder?.list() ?? []).filter(selected)), eventBefore);
  if (events.length === 0) {
    return {
      stdout: "",
      stderr: allNs ? "No events found.\n" : `No events found in ${ns} namespace.\n`,
      exitCode: 0,
    };
  }
  // NamePrinter: `<kind>/<name>` of each item of the EventList.
  if (output === "name")
    return { stdout: events.map((e) => `event/${e.name}\n`).join(""), stderr: "", exitCode: 0 };
  const now = ctx.cluster.sim.now;
  const lines: string[] = [];
  if (!boolFlag(cmd, "no-headers")) lines.push(header(allNs));
  for (const e of events) lines.push(eventLine(e, now, allNs));
  return { stdout: tabulate(`${lines.join("\n")}\n`, GET_TABWRITER), stderr: "", exitCode: 0 };
}

/** event_printer.go `printHeadings`. */
function header(allNs: boolean): string {
  return `${allNs ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`;
}

/** event_printer.go `printOneEvent` (its `getInterval` for LAST SEEN). */
function eventLine(e: EventRecord, now: number, allNs: boolean): string {
  const first = e.firstMs >= 0 ? e.firstMs : e.eventTimeMs;
  const count = e.seriesCount > 0 ? e.seriesCount : e.count;
  let seen = humanDuration(now - eventTime(e));
  if (count > 1) seen += ` (x${count} over ${humanDuration(now - first)})`;
  return `${allNs ? `${e.namespace}\t` : ""}${seen}\t${e.type}\t${e.reason}\t${e.involved.kind}/${e.involved.name}\t${e.message.trim()}`;
}

/**
 * `kubectl events --watch` (events.go `runWatch`): no list first — a watch from no
 * resourceVersion, whose first events are a synthetic ADDED for every stored Event in the
 * API server's key order (namespace, then name) — then each new or patched Event; DELETED
 * (expiry) is not printed. One tabwriter for the whole watch, flushed per event, so widths
 * only grow; the header comes with the first event (EventPrinter `headersPrinted`).
 */
function watchEvents(
  ctx: KubectlContext,
  cmd: KubectlCommand,
  allNs: boolean,
  selected: (e: EventRecord) => boolean,
  namesOnly: boolean,
): CommandResult {
  const recorder = ctx.cluster.recorder;
  const writer = new TabWriter(GET_TABWRITER);
  let headerDue = !boolFlag(cmd, "no-headers");
  const print = (e: EventRecord) => {
    if (namesOnly) return `event/${e.name}\n`;
    if (headerDue) writer.write(`${header(allNs)}\n`);
    headerDue = false;
    writer.write(`${eventLine(e, ctx.cluster.sim.now, allNs)}\n`);
    return writer.flush();
  };
  let stdout = "";
  const existing = keyOrder((recorder?.list() ?? []).filter(selected));
  for (const e of existing) stdout += print(e);
  if (recorder === null) {
    ctx.startWatch(() => {});
    return { stdout, stderr: "", exitCode: 0 };
  }
  // runWatch: "events are deleted after 1 hour; don't print that".
  const listener: EventListener = (type, e) => {
    if (type !== WatchType.Deleted && selected(e)) ctx.emitWatch(print(e));
  };
  recorder.watch(listener);
  ctx.startWatch(() => recorder.unwatch(listener));
  return { stdout, stderr: "", exitCode: 0 };
}
