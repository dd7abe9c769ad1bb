import type { KubectlContext } from "../context.js";
import {
  JsonPathError,
  type JsonPathTemplate,
  parseJsonPath,
  printerParseErrorMessage,
} from "../jsonpath.js";
import { GET_OUTPUT_FORMATS } from "../output-formats.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
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
    allowMissingKeys:
      flag(cmd, "allow-missing-template-keys") === undefined || boolFlag(cmd, "allow-missing-template-keys"),
  };
  // jsonpath_flags.go ToPrinter: `jsonpath=` splits into the format and an empty template.
  if (output === "jsonpath" || output === "jsonpath=")
    return "error: template format specified but no template given";
  if (output.startsWith("jsonpath=")) {
    // kubectl's JSONPath printer (cli-runtime printers/jsonpath.go).
    const template = output.slice("jsonpath=".length);
    const parsed = parseJsonPath(template);
    if (parsed instanceof JsonPathError) return `error: ${printerParseErrorMessage(template, parsed)}`;
    printer.jsonPath = parsed;
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
