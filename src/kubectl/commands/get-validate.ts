import { boolFlag, flag, type KubectlCommand } from "../parse.js";

/**
 * get.go `Validate`: `--show-labels` with an -o other than the tables ("" or wide) is refused,
 * the -o value quoted as given. Validate runs after Complete (whose "You must specify the type
 * of resource" stands first; watches skip it) and before Run, where the builder's and the
 * printers' errors (unknown format, jsonpath without a template) come from.
 */
export function showLabelsConflict(cmd: KubectlCommand): string | null {
  if (!boolFlag(cmd, "show-labels")) return null;
  const watch = boolFlag(cmd, "watch") || boolFlag(cmd, "watch-only");
  if (cmd.positionals.length === 0 && !watch) return null;
  const output = flag(cmd, "output") ?? "";
  if (output === "" || output === "wide") return null;
  return `error: --show-labels option cannot be used with ${output} printer`;
}
