import { boolFlag, flag, type KubectlCommand } from "../parse.js";

/**
 * get.go `Validate`: `--show-labels` with an -o other than the tables ("" or wide) is refused,
 * the -o value quoted as given (before Run, where the printers' own errors come from).
 */
function showLabelsConflict(cmd: KubectlCommand): string | null {
  if (!boolFlag(cmd, "show-labels")) return null;
  const output = flag(cmd, "output") ?? "";
  if (output === "" || output === "wide") return null;
  return `error: --show-labels option cannot be used with ${output} printer`;
}

/**
 * get.go `Validate`, in its order: --show-labels with a non-table -o, then
 * --output-watch-events without a watch (cmdutil.UsageErrorf, hence the help line). It runs
 * before Run, so before the builder's errors about resource arguments.
 */
export function validateGet(cmd: KubectlCommand): string | null {
  const watch = boolFlag(cmd, "watch") || boolFlag(cmd, "watch-only");
  // Complete's "You must specify the type of resource" (no argument, no watch) stands first.
  if (cmd.positionals.length === 0 && !watch) return null;
  const labels = showLabelsConflict(cmd);
  if (labels !== null) return labels;
  if (boolFlag(cmd, "output-watch-events") && !watch)
    return "error: --output-watch-events option can only be used with --watch or --watch-only\nSee 'kubectl get -h' for help and examples";
  return null;
}
