import type { EventListener, EventRecord } from "../../models/events.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { humanDuration } from "../durations.js";
import { namespaceOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import { goStringCompare } from "../printers/format.js";
import { GET_TABWRITER, TabWriter, tabulate } from "../tabwriter.js";

/**
 * `kubectl events` (staging/src/k8s.io/kubectl/pkg/cmd/events): client-side, sorted by event
 * time; LAST SEEN shows `<age> (xN over <first>)` for repeated events; OBJECT keeps the kind's
 * case (`Pod/x`). Unlike `kubectl get events`.
 */

function eventTime(e: EventRecord): number {
  if (e.seriesCount > 0) return e.seriesLastMs;
  if (e.lastMs >= 0) return e.lastMs;
  return e.eventTimeMs;
}

export function eventsCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const allNs = boolFlag(cmd, "all-namespaces");
  const ns = namespaceOf(cmd);
  if (cmd.positionals.length > 0)
    return fail(`error: unknown command "${cmd.positionals[0]}" for "kubectl events"`);
  const forObj = flag(cmd, "for");
  let kind = "";
  let name = "";
  if (forObj !== undefined) {
    const [k, n] = forObj.split("/", 2);
    if (!n) return fail(`error: --for must be in resource/name form`);
    const kinds: Record<string, string> = {
      pod: "Pod",
      pods: "Pod",
      po: "Pod",
      job: "Job",
      jobs: "Job",
      node: "Node",
      nodes: "Node",
    };
    kind = kinds[k.toLowerCase()] ?? k;
    name = n;
  }
  const types = flag(cmd, "types")
    ?.split(",")
    .map((t) => t.trim().toLowerCase());
  const selected = (e: EventRecord) =>
    (allNs || e.namespace === ns) &&
    (forObj === undefined || (e.involved.kind === kind && e.involved.name === name)) &&
    (types === undefined || types.includes(e.type.toLowerCase()));
  if (boolFlag(cmd, "watch")) return watchEvents(ctx, cmd, allNs, selected);
  const events = (ctx.cluster.recorder?.list() ?? [])
    .filter(selected)
    .map((e, i) => ({ e, i }))
    .sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i)
    .map((x) => x.e);
  if (events.length === 0) {
    return {
      stdout: "",
      stderr: allNs ? "No events found.\n" : `No events found in ${ns} namespace.\n`,
      exitCode: 0,
    };
  }
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
): CommandResult {
  const recorder = ctx.cluster.recorder;
  const writer = new TabWriter(GET_TABWRITER);
  let headerDue = !boolFlag(cmd, "no-headers");
  const print = (e: EventRecord) => {
    if (headerDue) writer.write(`${header(allNs)}\n`);
    headerDue = false;
    writer.write(`${eventLine(e, ctx.cluster.sim.now, allNs)}\n`);
    return writer.flush();
  };
  let stdout = "";
  const existing = (recorder?.list() ?? []).filter(selected).sort((a, b) => {
    const ns = goStringCompare(a.namespace, b.namespace);
    return ns !== 0 ? ns : goStringCompare(a.name, b.name);
  });
  for (const e of existing) stdout += print(e);
  if (recorder === null) {
    ctx.startWatch(() => {});
    return { stdout, stderr: "", exitCode: 0 };
  }
  const listener: EventListener = (_type, e) => {
    if (selected(e)) ctx.emitWatch(print(e));
  };
  recorder.watch(listener);
  ctx.startWatch(() => recorder.unwatch(listener));
  return { stdout, stderr: "", exitCode: 0 };
}
