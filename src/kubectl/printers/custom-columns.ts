import {
  asApiJson,
  findRaw,
  JsonPathError,
  type JsonPathTemplate,
  parseJsonPath,
  relaxedJsonPathExpression,
} from "../jsonpath.js";
import { goV } from "../jsonpath-values.js";
import { GET_TABWRITER, TabWriter } from "../tabwriter.js";

/**
 * `kubectl get -o custom-columns=HEADER:expr,...` (staging/src/k8s.io/kubectl/pkg/cmd/get/
 * customcolumn.go and customcolumn_flags.go):
 * - the spec splits on every `,`, each part on its first `:` into header and expression; the
 *   expression is relaxed (`metadata.name`, `.metadata.name`, `{metadata.name}` all mean
 *   `{.metadata.name}`);
 * - one row per object (a List's items), the header line first unless --no-headers, laid out by
 *   the same tabwriter as kubectl's other tables (printers.GetNewTabWriter);
 * - a cell is every value the expression gives, printed as Go's fmt.Sprint does (maps as
 *   `map[k:v]`), joined by `,`; `<none>` when it gives none (missing keys are allowed);
 *   printers.EscapeTerminal replaces ESC with `^[` and CR with `\r`.
 */

export interface CustomColumn {
  header: string;
  template: JsonPathTemplate;
}

/** The columns of a spec, or kubectl's error message (without its `error: `). */
export function parseCustomColumns(spec: string): CustomColumn[] | string {
  if (spec.length === 0) return "custom-columns format specified but no custom columns given";
  const columns: CustomColumn[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0) return `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;
    const expression = relaxedJsonPathExpression(part.slice(colon + 1));
    if (expression instanceof JsonPathError) return expression.message;
    const template = parseJsonPath(expression);
    if (template instanceof JsonPathError) return template.message;
    columns.push({ header: part.slice(0, colon), template });
  }
  return columns;
}

const TEMPLATE_FORMAT =
  "Expected format is one line of space separated headers, one line of space separated column specs.";

/** bufio.ScanWords: fields between runs of Unicode white space (unicode.IsSpace). */
function words(line: string): string[] {
  return line
    .split(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/)
    .filter((w) => w !== "");
}

/**
 * `-o custom-columns-file=FILE` (customcolumn.go NewCustomColumnsPrinterFromTemplate): the first
 * line of `text` holds the headers, the second the expressions (bufio.Scanner lines, split
 * on white space); the columns, or kubectl's error message (without its `error: `).
 */
export function parseCustomColumnsTemplate(text: string): CustomColumn[] | string {
  // bufio.ScanLines: lines end at \n, a final \r is dropped, a last line needs no \n.
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length < 1) return `invalid template, missing header line. ${TEMPLATE_FORMAT}`;
  if (lines.length < 2) return `invalid template, missing spec line. ${TEMPLATE_FORMAT}`;
  const headers = words(lines[0]);
  const specs = words(lines[1]);
  if (headers.length !== specs.length)
    return `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`;
  const columns: CustomColumn[] = [];
  for (let i = 0; i < headers.length; i++) {
    const expression = relaxedJsonPathExpression(specs[i]);
    if (expression instanceof JsonPathError) return expression.message;
    const template = parseJsonPath(expression);
    if (template instanceof JsonPathError) return template.message;
    columns.push({ header: headers[i], template });
  }
  return columns;
}

/**
 * The columns of a custom-columns-file among the scenario's files (customcolumn_flags.go
 * ToPrinter: os.Open, then NewCustomColumnsPrinterFromTemplate), or kubectl's error message.
 */
export function customColumnsFromFile(
  files: ReadonlyMap<string, { text: string }>,
  path: string,
): CustomColumn[] | string {
  if (path === "") return "custom-columns format specified but no custom columns given";
  const file = files.get(path);
  if (file === undefined) return `error reading template ${path}, open ${path}: no such file or directory`;
  return parseCustomColumnsTemplate(file.text);
}

const escapeTerminal = (s: string) => s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");

/** The table for `objects` (as `-o json` prints them). Throws JsonPathError (e.g. an index out of range). */
export function customColumnsText(columns: CustomColumn[], objects: unknown[], noHeaders: boolean): string {
  const w = new TabWriter(GET_TABWRITER);
  if (!noHeaders) w.write(`${columns.map((c) => c.header).join("\t")}\n`);
  for (const object of objects) {
    const data = asApiJson(object);
    const cells = columns.map((c) => {
      const results = findRaw(c.template, data, { allowMissingKeys: true });
      if (results.length === 0 || results[0].length === 0) return "<none>";
      return results.flatMap((values) => values.map((v) => escapeTerminal(goV(v)))).join(",");
    });
    w.write(`${cells.join("\t")}\n`);
  }
  return w.flush();
}
