import { JsonPathError, type JsonPathTemplate, parseJsonPath, printerParseErrorMessage } from "./jsonpath.js";
import { boolFlag, flag, type KubectlCommand } from "./parse.js";

/** Why `get -o OUTPUT` is refused in jobsim's words (a format kubectl renders and jobsim does
 * not), or null. Scenario loading asks too, so a scenario using one is refused up front. */
export function unrenderedOutput(output: string): string | null {
  const format = output.split("=", 1)[0];
  return UNRENDERED_FORMATS.includes(format)
    ? `jobsim does not simulate "-o ${format}" (it renders -o wide, yaml, json, name, jsonpath=, custom-columns= and custom-columns-file=)`
    : null;
}

/** Output formats kubectl's PrintFlags accept that jobsim does not render: refused in jobsim's
 * words, never with a kubectl error that names them as allowed. */
const UNRENDERED_FORMATS = [
  "go-template",
  "go-template-file",
  "template",
  "templatefile",
  "jsonpath-as-json",
  "jsonpath-file",
  // KYAML, on by default from kubectl 1.35 (cli-runtime genericclioptions/json_yaml_flags.go
  // AllowedFormats: unless KUBECTL_KYAML=false; kubernetes PR #133327).
  "kyaml",
];

/**
 * genericclioptions PrintFlags' formats (json/yaml/kyaml, name, the templates), sorted as its
 * NoCompatiblePrinterError lists them: `kubectl events -o` has these. kyaml is there from kubectl
 * 1.35 (json_yaml_flags.go AllowedFormats, PR #133327).
 */
export const PRINT_FLAGS_FORMATS = [
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "kyaml",
  "name",
  "template",
  "templatefile",
  "yaml",
];

/**
 * The formats `kubectl get` allows: PrintFlags' and get's own (custom columns, and `wide` of the
 * human-readable printer; get/get_flags.go AllowedFormats), sorted as its error lists them.
 */
export const GET_OUTPUT_FORMATS = [
  ...PRINT_FLAGS_FORMATS,
  "custom-columns",
  "custom-columns-file",
  "wide",
].sort();

/**
 * `-o jsonpath=TEMPLATE` as PrintFlags' JSONPath flags read it (cli-runtime
 * genericclioptions/jsonpath_flags.go ToPrinter; the printer's parse error from
 * printers/jsonpath.go): the parsed template, kubectl's error (with `error: `), or null when
 * the format is not jsonpath.
 */
export function jsonPathOutput(output: string): JsonPathTemplate | string | null {
  // `jsonpath=` splits into the format and an empty template.
  if (output === "jsonpath" || output === "jsonpath=")
    return "error: template format specified but no template given";
  if (!output.startsWith("jsonpath=")) return null;
  const template = output.slice("jsonpath=".length);
  const parsed = parseJsonPath(template);
  return parsed instanceof JsonPathError ? `error: ${printerParseErrorMessage(template, parsed)}` : parsed;
}

/** --allow-missing-template-keys: true unless set false (jsonpath_flags.go). */
export function allowMissingTemplateKeys(cmd: KubectlCommand): boolean {
  return (
    flag(cmd, "allow-missing-template-keys") === undefined || boolFlag(cmd, "allow-missing-template-keys")
  );
}
