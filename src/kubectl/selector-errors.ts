import type { SelectorError } from "../models/api/label-selector-parse.js";
import type { CommandResult } from "./context.js";
import { GROUP_VERSION_RESOURCE } from "./field-selector.js";
import { flag, type KubectlCommand } from "./parse.js";
import { lookupResource, type ResourceKind } from "./resources.js";

/**
 * A `-l` the parser refuses (labels.Parse, label-selector-parse.ts), as kubectl reports it. kubectl
 * sends the selector to the server as it is (kubernetes/kubernetes #52971): the list request comes
 * back 400, which the builder's EnhanceListError (cli-runtime resource/helper.go) words as
 * `Unable to find "<GroupVersionResource>" that match label selector "…", field selector "…": …`,
 * one error per kind listed. Objects read from files are filtered on the client (builder.go
 * visitByPaths): `the provided selector "…" is not valid: …`.
 */
export function selectorRefusal(cmd: KubectlCommand, e: SelectorError): CommandResult {
  const selector = (flag(cmd, "selector") ?? "").trim();
  if ((cmd.flags.get("filename") ?? []).length > 0)
    return failure(`error: the provided selector "${selector}" is not valid: ${e.message}\n`);
  const kinds: ResourceKind[] = [];
  if (cmd.verb === "logs") kinds.push("pods");
  else
    for (const type of (cmd.positionals[0] ?? "").split(",")) {
      const k = lookupResource(type.split("/")[0]);
      if (k !== "unmodelled" && k !== "unknown" && !kinds.includes(k)) kinds.push(k);
    }
  const fields = flag(cmd, "field-selector") ?? "";
  return failure(
    kinds
      .map(
        (k) =>
          `Error from server (BadRequest): Unable to find "${GROUP_VERSION_RESOURCE[k]}" that match label selector "${selector}", field selector "${fields}": ${e.message}\n`,
      )
      .join(""),
  );
}

function failure(stderr: string): CommandResult {
  return { stdout: "", stderr, exitCode: 1 };
}
