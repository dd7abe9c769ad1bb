import { dryRunOf } from "./dry-run.js";
import { unrenderedOutput } from "./output-formats.js";
import { boolFlag, flag, type KubectlCommand } from "./parse.js";
import { ResourceError, resolveResourceArgs } from "./resources.js";

// What `kubectl create job` asks for that jobsim does not simulate: apart from the command
// (commands/create-job.ts), which loads the printers, so that the scenario loader — which a
// Monte Carlo worker runs — says it without loading them.

/** The names of the cronjob resource kubectl's RESTMapper takes (`kubectl api-resources`:
 * cronjobs, cronjob, cj; group-qualified too). */
export const CRONJOB_TYPE = /^(cronjobs?|cj)(\.batch|\.v1\.batch)?$/i;

/**
 * `--from=TYPE/NAME` of a kind a cluster serves and jobsim does not model (deployment/x), or of
 * events, whose objects a create job step would have to find: refused, or null.
 */
function fromUnsimulated(from: string): string | null {
  const slash = from.split("/");
  if (slash.length !== 2 || CRONJOB_TYPE.test(slash[0])) return null;
  try {
    const named = resolveResourceArgs([from]).named;
    if (named[0]?.kind !== "events") return null;
  } catch (e) {
    if (!(e instanceof ResourceError) || !e.message.startsWith("jobsim does not simulate")) return null;
  }
  return `jobsim does not simulate "kubectl create job --from=${from}": jobsim has no such objects (it simulates --from=cronjob/NAME, always NotFound, and --from of jobs, pods, nodes and namespaces)`;
}

/**
 * What `create job` asks for that jobsim does not simulate, said when the scenario loads (and by
 * the command alike), or null: a `--from` of a kind jobsim does not model; Go templates (-o go-template…, or --template alone, which
 * PrintFlags.ToPrinter reads as go-template); the object the API server returns printed whole
 * (-o yaml|json|jsonpath) after a server dry run, or -o json of a created Job (kubectl prints
 * the typed response in Go's field order) or its managedFields, which jobsim does not keep.
 */
export function createJobUnsimulated(cmd: KubectlCommand): string | null {
  const from = fromUnsimulated(flag(cmd, "from") ?? "");
  if (from !== null) return from;
  const output = flag(cmd, "output") ?? "";
  if (output === "" && (flag(cmd, "template") ?? "") !== "")
    return 'jobsim does not simulate --template (a Go template, "-o go-template"): use -o jsonpath=...';
  const unrendered = unrenderedOutput(output);
  if (unrendered !== null) return unrendered;
  const dryRun = dryRunOf(cmd);
  const whole = output === "yaml" || output === "json" || output.startsWith("jsonpath");
  if (!whole || dryRun === "client") return null;
  if (dryRun === "server")
    return `jobsim does not simulate "create job --dry-run=server -o ${output.split("=")[0]}" (the object a server dry run returns): use --dry-run=client, or -o name`;
  if (output === "json")
    return 'jobsim does not simulate "create job -o json" of a created Job (kubectl prints the typed response in Go\'s field order): use -o yaml, or --dry-run=client -o json';
  if (boolFlag(cmd, "show-managed-fields"))
    return "jobsim does not simulate --show-managed-fields (it keeps no managedFields)";
  return null;
}
