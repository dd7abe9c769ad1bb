import type { LabelSelector } from "../../models/api/labels.js";
import { isTerminal, NONE, type NodeRecord, type PodRecord } from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import {
  type DrainPodFacts,
  type DrainPodStatus,
  drainErrors,
  drainPodStatus,
  drainWarnings,
} from "../drain-filters.js";
import {
  DELETE_LOCAL_DATA_DEPRECATED,
  type DrainOptions,
  drainFlagValues,
  podSelectorOf,
} from "../drain-options.js";
import { type DrainFailure, type DrainOutput, deleteAndWait, evictAndWait } from "../drain-wait.js";
import { type DryRun, dryRunOf, dryRunSuffix } from "../dry-run.js";
import { listPods } from "../lookup.js";
import type { KubectlCommand } from "../parse.js";
import { cordonNodes, type NodeInfo, readNodes } from "./cordon.js";

/**
 * `kubectl drain NODE...` (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go NewCmdDrain,
 * Complete, RunDrain, deleteOrEvictPodsSimple; pkg/drain/drain.go Helper; pkg/drain/filters.go):
 *  1. Complete: flags, usage errors, dry-run, --pod-selector, the nodes (cordon.ts readNodes);
 *  2. RunCordonOrUncordon(true) over every node first, so a refused drain leaves them cordoned;
 *  3. per node in turn: list its pods (all namespaces, fieldSelector spec.nodeName, the
 *     --pod-selector; API order), run the filters (drain-filters.ts); any Error refuses the node
 *     and evicts nothing; else `Warning: …` on stderr, then the evictions (or DELETEs) and the
 *     wait for the pods to leave the API (drain-wait.ts), then `node/NAME drained`;
 *  4. a node that failed: `error: unable to drain node "N" due to error: …, continuing
 *     command...`; at the end `There are pending nodes to be drained:` and cmdutil.CheckErr of
 *     the aggregate of the nodes' errors.
 * drain prints as it goes (evictions take simulated time), so the session gets its lines
 * through the context as they come, and the result holds only CheckErr's final text.
 */
export function drainCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const o: DrainOutput = {
    out: (text) => ctx.emitWatch(text),
    err: (text) => ctx.emitWatch("", text),
  };
  // pflag prints a deprecated flag's notice as it parses it, before anything else is done.
  if (cmd.flags.has("delete-local-data")) o.err(DELETE_LOCAL_DATA_DEPRECATED);
  // pflag refuses a bad int or duration before the command runs.
  const values = drainFlagValues(cmd);
  if (typeof values === "string") return fail(values);
  const dryRun = dryRunOf(cmd);
  let podSelector: LabelSelector | null = null;
  const infos = readNodes(ctx, cmd, dryRun, () => {
    const s = podSelectorOf(cmd);
    if (s !== null && "error" in s) return s.error;
    podSelector = s;
    return null;
  });
  if (!Array.isArray(infos)) return infos;
  const dry = dryRun as DryRun;
  if (values.disableEviction && dry === "server")
    return fail(
      'jobsim does not simulate "kubectl drain --disable-eviction --dry-run=server" (kubectl waits for pods that a dry-run DELETE leaves in place)',
    );
  return drainNodes(ctx, { ...values, podSelector }, infos, dry, o);
}

/** A Monte Carlo replay: the same requests at the same simulated times, no text made. */
export function replayDrain(ctx: KubectlContext, cmd: KubectlCommand, opts: DrainOptions): void {
  const infos = readNodes(ctx, cmd, "none");
  if (Array.isArray(infos)) drainNodes(ctx, opts, infos, "none", null);
}

/** RunDrain over the nodes read: the cordon of all, then each node's drain, then the trailer. */
function drainNodes(
  ctx: KubectlContext,
  opts: DrainOptions,
  infos: readonly NodeInfo[],
  dry: DryRun,
  o: DrainOutput | null,
): CommandResult {
  const cordoned = cordonNodes(ctx, infos, true, dry);
  if (o !== null) o.out(cordoned);
  const drained: string[] = [];
  const fatal: NonNullable<DrainFailure>[] = [];
  const remaining: string[] = [];
  for (const { node } of infos) {
    const failure = drainNode(ctx, opts, node, dry, o);
    if (failure === null) {
      drained.push(node.name);
      if (o !== null) o.out(`node/${node.name} drained${dryRunSuffix(dry)}\n`);
      continue;
    }
    if (o !== null)
      o.err(
        `error: unable to drain node "${node.name}" due to error: ${errorText(failure)}, continuing command...\n`,
      );
    // (A node named twice that drained the first time is not pending.)
    if (!drained.includes(node.name)) {
      fatal.push(failure);
      remaining.push(node.name);
    }
  }
  if (remaining.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
  if (o === null) return { stdout: "", stderr: "", exitCode: 1 };
  o.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join("")}`);
  return fail(checkErrText(fatal));
}

/** A pod with its filters' status. */
interface ListedPod {
  pod: PodRecord;
  status: DrainPodStatus;
}

/**
 * GetPodsForDeletion: the node's pods in the API's list order (namespace/name), each through
 * the filter chain at this instant.
 */
function podsForDeletion(ctx: KubectlContext, opts: DrainOptions, node: NodeRecord): ListedPod[] {
  const now = ctx.cluster.sim.now;
  const out: ListedPod[] = [];
  for (const pod of listPods(ctx.cluster.store, null, opts.podSelector)) {
    if (pod.nodeName !== node.name) continue;
    const facts: DrainPodFacts = {
      terminal: isTerminal(pod.phase),
      // A Job's pod has its Job as controller; the GC's orphaning removes the reference.
      hasController: pod.owner !== null,
      hasEmptyDir: hasEmptyDir(pod),
      deletionMs: pod.deletionMs !== NONE ? pod.deletionMs : null,
    };
    out.push({ pod, status: drainPodStatus(facts, opts, now) });
  }
  return out;
}

function hasEmptyDir(pod: PodRecord): boolean {
  for (const v of pod.spec.volumes ?? []) if (v.emptyDir !== undefined) return true;
  return false;
}

/** The list as PodDeleteList's messages name the pods: "namespace/name". */
function named(listed: readonly ListedPod[]): { ref: string; status: DrainPodStatus }[] {
  return listed.map((p) => ({ ref: `${p.pod.namespace}/${p.pod.name}`, status: p.status }));
}

/** deleteOrEvictPodsSimple for one node: null when drained, else its error. */
function drainNode(
  ctx: KubectlContext,
  opts: DrainOptions,
  node: NodeRecord,
  dryRun: DryRun,
  o: DrainOutput | null,
): DrainFailure {
  const listed = podsForDeletion(ctx, opts, node);
  let refused = false;
  const pods: PodRecord[] = [];
  for (const p of listed) {
    if (p.status.reason === "Error") refused = true;
    else if (p.status.delete) pods.push(p.pod);
  }
  if (refused) return { aggregate: true, messages: o !== null ? drainErrors(named(listed)) : [] };
  if (o !== null) {
    const warnings = drainWarnings(named(listed));
    // printers.WarningPrinter.Print (no colour: the transcript is no terminal).
    if (warnings !== "") o.err(`Warning: ${warnings}\n`);
  }
  if (dryRun === "client") {
    if (o !== null) for (const pod of pods) o.out(`evicting pod ${pod.namespace}/${pod.name} (dry run)\n`);
    return null;
  }
  if (pods.length === 0) return null;
  const failure = opts.disableEviction
    ? deleteAndWait(ctx, opts, pods, o)
    : evictAndWait(ctx, opts, pods, dryRun === "server", o);
  if (failure === null || o === null) return failure;
  // What is left on the node, listed again.
  const again = podsForDeletion(ctx, opts, node);
  const pending = again.filter((p) => p.status.delete);
  if (pending.length > 0)
    o.err(
      `There are pending pods in node "${node.name}" when an error occurred: ${errorText(failure)}\n${pending
        .map((p) => `pod/${p.pod.name}\n`)
        .join("")}`,
    );
  const errors = drainErrors(named(again));
  if (errors.length > 0)
    o.err(`Following errors occurred while getting the list of pods to delete:\n${aggregateText(errors)}`);
  return failure;
}

/** utilerrors.aggregate.Error(): one message as it is; several, deduplicated, in brackets. */
function aggregateText(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(", ")}]`;
}

function errorText(failure: NonNullable<DrainFailure>): string {
  return failure.aggregate ? aggregateText(failure.messages) : failure.messages[0];
}

/**
 * cmdutil.CheckErr(utilerrors.NewAggregate(fatal)) (kubectl cmd/util/helpers.go checkErr): an
 * aggregate of one is unwrapped first; an aggregate is printed by MultipleErrors, one error per
 * line with no prefix; a plain error gets "error: ".
 */
function checkErrText(fatal: readonly NonNullable<DrainFailure>[]): string {
  if (fatal.length > 1) return fatal.map((f) => `${errorText(f)}\n`).join("");
  const only = fatal[0];
  return only.aggregate ? only.messages.map((m) => `${m}\n`).join("") : `error: ${only.messages[0]}\n`;
}
