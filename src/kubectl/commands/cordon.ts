import { setNodeUnschedulable } from "../../models/node-cordon.js";
import type { NodeRecord } from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext, ok } from "../context.js";
import { type DryRun, dryRunOf, dryRunSuffix } from "../dry-run.js";
import { listNodes, notFound, selectorOf } from "../lookup.js";
import { flag, type KubectlCommand } from "../parse.js";

/**
 * `kubectl cordon NODE...` and `kubectl uncordon NODE...` (staging/src/k8s.io/kubectl/pkg/cmd/drain
 * drain.go `NewCmdCordon`, `NewCmdUncordon`, `DrainCmdOptions.Complete`, `RunCordonOrUncordon`;
 * pkg/drain/cordon.go `CordonHelper`):
 *  - Complete: no name and no --selector, or both, are usage errors; the builder then GETs each
 *    named node (in argument order) or lists the selected ones, and its first error (a
 *    NotFound) ends the command before any node is touched;
 *  - RunCordonOrUncordon: per node, `UpdateIfRequired` compares the spec.unschedulable the
 *    builder read with the wanted value: equal → the name printer's `node/NAME already
 *    cordoned`; else the PATCH (none in a client dry run; not stored in a server dry run) and
 *    `node/NAME cordoned`. The dry-run suffix (PrintFlagsWithDryRunStrategy) ends both.
 */
export function cordonCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const dryRun = dryRunOf(cmd);
  const infos = readNodes(ctx, cmd, dryRun);
  if (!Array.isArray(infos)) return infos;
  return ok(cordonNodes(ctx, infos, cmd.verb === "cordon", dryRun as DryRun));
}

const NO_CHECK = (): string | null => null;

/** A node as the builder read it: the record and its spec.unschedulable then. */
export interface NodeInfo {
  node: NodeRecord;
  unschedulable: boolean;
}

/** Complete's usage errors over the node arguments (cmdutil.UsageErrorf(cmd, "USAGE: %s [flags]",
 * cmd.Use), cmd.Use being "<verb> NODE"), or null: kubectl stops there, before any request. */
export function nodeArgsUsageError(cmd: KubectlCommand): string | null {
  const selector = flag(cmd, "selector");
  if (cmd.positionals.length === 0 && selector === undefined) return `USAGE: ${cmd.verb} NODE [flags]`;
  if (cmd.positionals.length > 0 && (selector ?? "") !== "")
    return "cannot specify both a node name and a --selector option";
  return null;
}

/**
 * DrainCmdOptions.Complete, shared by cordon, uncordon and drain: the usage errors, the dry-run
 * strategy's, then the builder's GET of each named node (in argument order) or list of the
 * selected ones. `before` runs between the dry-run check and the builder (drain's --pod-selector
 * check) and may refuse.
 */
export function readNodes(
  ctx: KubectlContext,
  cmd: KubectlCommand,
  dryRun: DryRun | { error: string },
  before: () => string | null = NO_CHECK,
): NodeInfo[] | CommandResult {
  const selector = flag(cmd, "selector");
  const usage = nodeArgsUsageError(cmd);
  // The message carries its own "error: ", which CheckErr does not double.
  if (usage !== null) return fail(`error: ${usage}\nSee 'kubectl ${cmd.verb} -h' for help and examples`);
  if (typeof dryRun === "object") return fail(dryRun.error);
  const refused = before();
  if (refused !== null) return fail(refused);
  const named = cmd.positionals.find((p) => p.includes("/"));
  if (named !== undefined)
    return fail(`jobsim does not simulate "kubectl ${cmd.verb} ${named}": name the node alone`);
  if (cmd.positionals.length === 0 && selector === "")
    return fail(`jobsim does not simulate "kubectl ${cmd.verb}" with an empty --selector`);
  // What the builder read: the node and its spec.unschedulable then (a node named twice is read
  // twice, both before any PATCH, so both copies say it is schedulable).
  const infos: NodeInfo[] = [];
  if (cmd.positionals.length > 0) {
    for (const name of cmd.positionals) {
      const node = ctx.cluster.store.findNode(name);
      if (node === undefined) return fail(notFound("nodes", name));
      infos.push({ node, unschedulable: node.unschedulable });
    }
  } else {
    for (const node of listNodes(ctx.cluster.store, selectorOf(cmd)))
      infos.push({ node, unschedulable: node.unschedulable });
  }
  return infos;
}

/** RunCordonOrUncordon over the nodes read: what it prints on stdout. */
export function cordonNodes(
  ctx: KubectlContext,
  infos: readonly NodeInfo[],
  desired: boolean,
  dryRun: DryRun,
): string {
  const verb = desired ? "cordoned" : "uncordoned";
  const suffix = dryRunSuffix(dryRun);
  let out = "";
  for (const { node, unschedulable } of infos) {
    if (unschedulable === desired) {
      out += `node/${node.name} already ${verb}${suffix}\n`;
      continue;
    }
    // A node named twice is patched twice from the same read: the second PATCH finds the field
    // set already, a no-op the API server stores nothing for.
    if (dryRun === "none" && node.unschedulable !== desired)
      setNodeUnschedulable(ctx.cluster.store, ctx.cluster.scheduler, ctx.cluster.sim.now, node, desired);
    out += `node/${node.name} ${verb}${suffix}\n`;
  }
  return out;
}
