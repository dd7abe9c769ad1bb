import type { EventRecord } from "../../models/events.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { humanDuration } from "../durations.js";
import { namespaceOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import { GET_TABWRITER, tabulate } from "../tabwriter.js";

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
  const events = (ctx.cluster.recorder?.list() ?? [])
    .filter((e) => allNs || e.namespace === ns)
    .filter((e) => forObj === undefined || (e.involved.kind === kind && e.involved.name === name))
    .filter((e) => types === undefined || types.includes(e.type.toLowerCase()))
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
  if (!boolFlag(cmd, "no-headers"))
    lines.push(`${allNs ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE`);
  for (const e of events) {
    const first = e.firstMs >= 0 ? e.firstMs : e.eventTimeMs;
    const count = e.seriesCount > 0 ? e.seriesCount : e.count;
    let seen = humanDuration(now - eventTime(e));
    if (count > 1) seen += ` (x${count} over ${humanDuration(now - first)})`;
    lines.push(
      `${allNs ? `${e.namespace}\t` : ""}${seen}\t${e.type}\t${e.reason}\t${e.involved.kind}/${e.involved.name}\t${e.message.trim()}`,
    );
  }
  return { stdout: tabulate(`${lines.join("\n")}\n`, GET_TABWRITER), stderr: "", exitCode: 0 };
}
