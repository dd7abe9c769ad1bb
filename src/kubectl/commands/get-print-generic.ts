import type { CommandResult, KubectlContext } from "../context.js";
import {
  asApiJson,
  executeJsonPath,
  JsonPathError,
  type JsonPathTemplate,
  printerExecErrorMessage,
} from "../jsonpath.js";
import { type CustomColumn, customColumnsText } from "../printers/custom-columns.js";
import { listOf } from "../printers/output.js";
import type { ResourceKind } from "../resources.js";
import { materialize, type Obj } from "./get-objects.js";

/**
 * `-o jsonpath=TEMPLATE`: the template over the one named object, or over a List of all (as
 * `-o json` prints them), written without a newline of its own. An execution error goes to
 * stderr in the printer's words (exit 1).
 */
export function printJsonPath(
  ctx: KubectlContext,
  { template, allowMissingKeys }: { template: JsonPathTemplate; allowMissingKeys: boolean },
  groups: { kind: ResourceKind; objects: Obj[] }[],
  single: boolean,
  stderr: string,
): CommandResult {
  const objects = groups.flatMap((g) => g.objects.map((o) => materialize(ctx, o)));
  const data = asApiJson(single ? objects[0] : listOf(objects));
  try {
    const stdout = executeJsonPath(template, data, { allowMissingKeys });
    return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return {
      stdout: "",
      stderr: `${stderr}error: ${printerExecErrorMessage(template.source, e, data)}`,
      exitCode: 1,
    };
  }
}

/** `-o custom-columns=...`: one row per object (printers/custom-columns.ts); errors as the printer's. */
export function printCustomColumns(
  ctx: KubectlContext,
  columns: CustomColumn[],
  groups: { kind: ResourceKind; objects: Obj[] }[],
  stderr: string,
  noHeaders: boolean,
): CommandResult {
  const objects = groups.flatMap((g) => g.objects.map((o) => materialize(ctx, o)));
  try {
    const stdout = customColumnsText(columns, objects, noHeaders);
    return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    return { stdout: "", stderr: `${stderr}error: ${e.message}\n`, exitCode: 1 };
  }
}
