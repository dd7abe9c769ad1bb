import type { KubectlContext } from "../context.js";
import type { JsonPathTemplate } from "../jsonpath.js";
import { allowMissingTemplateKeys, GET_OUTPUT_FORMATS, jsonPathOutput } from "../output-formats.js";
import type { KubectlCommand } from "../parse.js";
import { type CustomColumn, customColumnsFromFile, parseCustomColumns } from "../printers/custom-columns.js";

/**
 * The printer `kubectl get -o OUTPUT` makes (get/get_flags.go PrintFlags.ToPrinter, the
 * genericclioptions and get printer flags), or the error making it gives. kubectl makes it in
 * Run, after the objects are fetched (printGeneric, `watch`), so callers hold the error until then.
 */
export interface GetPrinter {
  jsonPath: JsonPathTemplate | null;
  columns: CustomColumn[] | null;
  /** customcolumn_flags.go: a custom-columns-file printer is made without NoHeaders. */
  columnsIgnoreNoHeaders: boolean;
  /** jsonpath_flags.go: --allow-missing-template-keys (default true); custom columns always
   * allow missing keys (customcolumn.go). */
  allowMissingKeys: boolean;
}

/** The printer for `output`, or kubectl's error text (with its `error: `). jobsim's own
 * refusals of formats it does not render are the caller's. */
export function getPrinter(ctx: KubectlContext, cmd: KubectlCommand, output: string): GetPrinter | string {
  const printer: GetPrinter = {
    jsonPath: null,
    columns: null,
    columnsIgnoreNoHeaders: false,
    allowMissingKeys: allowMissingTemplateKeys(cmd),
  };
  const jsonPath = jsonPathOutput(output);
  if (typeof jsonPath === "string") return jsonPath;
  if (jsonPath !== null) {
    printer.jsonPath = jsonPath;
  } else if (output === "custom-columns" || output.startsWith("custom-columns=")) {
    const parsed = parseCustomColumns(output.slice("custom-columns=".length));
    if (typeof parsed === "string") return `error: ${parsed}`;
    printer.columns = parsed;
  } else if (output === "custom-columns-file" || output.startsWith("custom-columns-file=")) {
    const parsed = customColumnsFromFile(ctx.manifests, output.slice("custom-columns-file=".length));
    if (typeof parsed === "string") return `error: ${parsed}`;
    printer.columns = parsed;
    printer.columnsIgnoreNoHeaders = true;
  } else if (!["", "wide", "yaml", "json", "name"].includes(output)) {
    return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${GET_OUTPUT_FORMATS.join(",")}`;
  }
  return printer;
}
