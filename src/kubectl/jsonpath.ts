/**
 * kubectl JSONPath templates (`-o jsonpath=...`, `wait --for=jsonpath=...`), evaluated over plain JSON.
 *
 * Ported (facts, not code) from kubernetes/kubernetes:
 * - staging/src/k8s.io/client-go/util/jsonpath/parser.go (grammar, parse errors) — see jsonpath-parse.ts.
 * - staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go (evaluation; stored 25bfcc98, plus the newer
 *   FindResults range handling with `lastEndNode` and PrintResults JSON printing, as pinned by
 *   jsonpath_test.go @ 054d429d9f8bc8de4fc82e6cf2281e12a13fe1f2: `{.maps}` prints
 *   `[{"name":"one","value":1},...]`, nested ranges with trailing text).
 * - staging/src/k8s.io/client-go/third_party/forked/golang/template/funcs.go @ 008b3652 (filter compare).
 * - staging/src/k8s.io/cli-runtime/pkg/printers/jsonpath.go (JSONPathPrinter error wrapping) and
 *   staging/src/k8s.io/cli-runtime/pkg/genericclioptions/jsonpath_flags.go (AllowMissingKeys defaults
 *   to true via --allow-missing-template-keys; parse errors are "error parsing jsonpath %s, %v").
 * - staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go @ cb6ff2d8 (processJSONPathInput,
 *   splitJSONPathInput, newJSONPathParser with AllowMissingKeys(true)) and wait/json.go @ 95f08499
 *   (checkCondition, verifyParsedJSONPath, compareResults); get/customcolumn.go RelaxedJSONPathExpression.
 *
 * Facts:
 * - Grammar: text outside `{...}` is literal; inside: `.field` (terminated by space, tab, CR, LF, `.`,
 *   `,`, `[`, `]`, `$`, `@`, `{`, `}`; `\` escapes a terminator, e.g. `kubernetes\.io/hostname`),
 *   `.*`, `..` (recursive descent; `....` is "invalid multiple recursive descent"), `[n]`, `[-n]`,
 *   `[a:b:c]`, `[*]`, `['k']` (re-parsed as `.k`, so `['a.b']` is two fields), unions `[a,b]` (split on
 *   every `,`), filters `[?(@.x OP y)]` with OP in == != < <= > >= and `[?(@.x)]` existence, quoted
 *   strings with Go escapes, numbers, true/false, `range`/`end`; `@` and `$` are skipped tokens.
 * - Results of one action are joined by single spaces. Strings print raw, integers (JSON numbers become
 *   int64 in unstructured content) in decimal, other floats with Go %v (shortest %g: 0.5, 1e-05,
 *   1.2345675e+06), bools true/false, null "<nil>" (a null range item is "<no value>"); maps and
 *   slices print as compact encoding/json (keys sorted, `<>&` escaped as \u003c..., \b \f as in Go >= 1.22).
 * - Missing field: "<key> is not found" unless allowMissingKeys. kubectl get's printer sets it from
 *   --allow-missing-template-keys (default true); wait always sets true. This module defaults to false
 *   (the library default): pass `{ allowMissingKeys: true }` to emulate `kubectl get -o jsonpath`.
 * - Execution errors (exact strings): "array index out of bounds: index %d, length %d", "starting index
 *   %d is greater than ending index %d", "step must be > 0", "<Go type> is not array or slice" (e.g. "int64 ...",
 *   "map[string]interface {} ..."), "%v is not array or slice and cannot be filtered", "can only compare
 *   one element at a time", "invalid type for comparison", "incompatible types for comparison",
 *   "unrecognized filter operator %s", "unrecognized identifier %s", "not in range, nothing to end".
 * - An empty range still evaluates its body once on reflect.Value{} (output discarded, errors kept).
 * - Filter comparisons: int64 vs float literal (`==1.0`) is "incompatible types for comparison"; null,
 *   maps, lists are "invalid type for comparison"; strings compare bytewise; bools only == / !=.
 * - wait: value split on single '=' ('==' kept, so `!=` inside a filter splits!), value trimmed of ' and ",
 *   the expression relaxed ({.x} / .x / x), met when exactly one value whose %v (trimmed) equals the
 *   trimmed value; zero values = not yet met; no value given = any single value (maps/lists too).
 *
 * Not supported / deviations: `-o jsonpath-as-json` (EnableJSONOutput); Go's random map order (`.*`, `..`
 * visit keys sorted); int64 beyond 2^53 (JS numbers) and floats with integral values (printed as ints);
 * upstream's mutation of the parsed template by range when one JSONPath object is reused across objects
 * (here every call starts from the whole template).
 */

import { compare } from "./jsonpath-compare.js";
import { type JpList, type JpNode, JsonPathError, parseTemplate } from "./jsonpath-parse.js";
import {
  GoFloat,
  goQuote,
  goSharpV,
  goStringCompare,
  goTypeName,
  goV,
  INVALID,
  isMap,
  printValue,
  type Val,
} from "./jsonpath-values.js";

export { JsonPathError } from "./jsonpath-parse.js";

export { goFloatV, goJson, goQuote, goSharpV, goV, printValue } from "./jsonpath-values.js";
export {
  checkWaitJsonPath,
  parseWaitJsonPath,
  relaxedJsonPathExpression,
  type WaitJsonPath,
} from "./jsonpath-wait.js";

export interface JsonPathTemplate {
  readonly source: string;
  readonly root: JpList;
}

/** Parse a template; returns a JsonPathError (kubectl's message) instead of throwing. */
export function parseJsonPath(template: string): JsonPathTemplate | JsonPathError {
  try {
    return { source: template, root: parseTemplate(template) };
  } catch (e) {
    if (e instanceof JsonPathError) return e;
    throw e;
  }
}

/** The message kubectl's printer flags give a parse error (`kubectl get -o jsonpath=...`). */
export function printerParseErrorMessage(template: string, err: JsonPathError): string {
  return `error parsing jsonpath ${template}, ${err.message}`;
}

interface State {
  nodes: JpNode[];
  allowMissingKeys: boolean;
  beginRange: number;
  inRange: number;
  endRange: number;
  lastEndNode: number;
}

/**
 * FindResults: one list of values per top-level action/text (after range expansion), as JSON values
 * (float literals as numbers; the no-value datum of an empty/null range as undefined). Throws JsonPathError.
 */
export function findResults(
  t: JsonPathTemplate,
  data: unknown,
  opts?: { allowMissingKeys?: boolean },
): unknown[][] {
  return findRaw(t, data, opts).map((rs) =>
    rs.map((v) => (v instanceof GoFloat ? v.value : v === INVALID ? undefined : v)),
  );
}

/** FindResults with the engine's own values (GoFloat literals, INVALID), for wait's checks. */
export function findRaw(t: JsonPathTemplate, data: unknown, opts?: { allowMissingKeys?: boolean }): Val[][] {
  const st: State = {
    nodes: t.root.nodes,
    allowMissingKeys: opts?.allowMissingKeys ?? false,
    beginRange: 0,
    inRange: 0,
    endRange: 0,
    lastEndNode: -1,
  };
  return find(st, data, 0);
}

function find(st: State, data: Val, start: number): Val[][] {
  const cur = [data === null || data === undefined ? INVALID : data];
  const full: Val[][] = [];
  const nodes = st.nodes;
  for (let i = start; i < nodes.length; i++) {
    const results = walk(st, cur, nodes[i]!);
    if (st.endRange > 0 && st.endRange <= st.inRange) {
      st.endRange--;
      st.lastEndNode = i;
      break;
    }
    if (st.beginRange > 0) {
      st.beginRange--;
      st.inRange++;
      if (results.length > 0) {
        for (const v of results) full.push(...find(st, v, i + 1));
      } else {
        find(st, INVALID, i + 1);
      }
      st.inRange--;
      for (let k = i + 1; k < nodes.length; k++) {
        if (k === st.lastEndNode) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push(results);
  }
  return full;
}

/**
 * An object as kubectl's JSONPath engine receives it: marshalled to JSON and back (no undefined
 * fields, plain data), as the printers and `wait` do before evaluating.
 */
export function asApiJson(object: unknown): unknown {
  return JSON.parse(JSON.stringify(object)) as unknown;
}

/** Execute: the exact text kubectl writes. Throws JsonPathError on execution errors. */
export function executeJsonPath(
  t: JsonPathTemplate,
  data: unknown,
  opts?: { allowMissingKeys?: boolean },
): string {
  return findRaw(t, data, opts)
    .map((rs) => rs.map(printValue).join(" "))
    .join("");
}

/**
 * kubectl get's JSONPathPrinter.PrintObj on an execution error returns this message (cmdutil then
 * prefixes "error: "). The object dump is Go's %#v of the unstructured map.
 */
export function printerExecErrorMessage(template: string, err: JsonPathError, data: unknown): string {
  const buf =
    `Error executing template: ${err.message}. Printing more information for debugging the template:\n` +
    `\ttemplate was:\n\t\t${template}\n` +
    `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data)}\n\n`;
  return `error executing jsonpath ${goQuote(template)}: ${buf}\n`;
}

// ---------------------------------------------------------------- evaluation

function walk(st: State, input: Val[], node: JpNode): Val[] {
  switch (node.type) {
    case "list":
      return evalList(st, input, node);
    case "text":
      return [node.text];
    case "field":
      return evalField(st, input, node.value);
    case "array":
      return evalArray(input, node);
    case "filter":
      return evalFilter(st, input, node);
    case "int":
      return input.map(() => node.value);
    case "float":
      return input.map(() => new GoFloat(node.value));
    case "bool":
      return input.map(() => node.value);
    case "wildcard":
      return input.flatMap((v) => children(v) ?? []);
    case "recursive":
      return evalRecursive(input);
    case "union":
      try {
        return node.nodes.flatMap((l) => evalList(st, input, l));
      } catch (e) {
        throw withPartial(e, input);
      }
    case "identifier":
      if (node.name === "range") {
        st.beginRange++;
        return input;
      }
      if (node.name === "end") {
        if (st.inRange > 0) {
          st.endRange++;
          return [];
        }
        throw new JsonPathError("not in range, nothing to end");
      }
      throw new JsonPathError(`unrecognized identifier ${node.name}`, input);
  }
}

function evalList(st: State, input: Val[], list: JpList): Val[] {
  let cur = input;
  for (const n of list.nodes) cur = walk(st, cur, n);
  return cur;
}

function evalField(st: State, input: Val[], key: string): Val[] {
  const results: Val[] = [];
  if (input.length === 0) return results;
  for (const v of input) {
    if (isMap(v) && Object.hasOwn(v, key) && v[key] !== undefined) results.push(v[key]);
  }
  if (results.length === 0 && !st.allowMissingKeys) throw new JsonPathError(`${key} is not found`);
  return results;
}

function evalArray(input: Val[], node: Extract<JpNode, { type: "array" }>): Val[] {
  const result: Val[] = [];
  for (const value of input) {
    if (value === null) continue;
    if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`, input);
    const len = value.length;
    const p = node.params.map((e) => ({ ...e }));
    const [p0, p1, p2] = [p[0]!, p[1]!, p[2]!];
    if (!p0.known) p0.value = 0;
    if (p0.value < 0) p0.value += len;
    if (!p1.known) p1.value = len;
    if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
    if (p1.value === p0.value) return result;
    if (p0.value >= len || p0.value < 0)
      throw new JsonPathError(`array index out of bounds: index ${p0.value}, length ${len}`, input);
    if (p1.value > len || p1.value < 0)
      throw new JsonPathError(`array index out of bounds: index ${p1.value - 1}, length ${len}`, input);
    if (p0.value > p1.value)
      throw new JsonPathError(`starting index ${p0.value} is greater than ending index ${p1.value}`, input);
    let step = 1;
    if (p2.known) {
      if (p2.value <= 0) throw new JsonPathError("step must be > 0", input);
      step = p2.value;
    }
    for (let i = p0.value; i < p1.value; i += step) result.push(value[i]);
  }
  return result;
}

/** Elements as Go's reflect sees them: map values (sorted keys), slice items, a string's bytes. */
function children(v: Val): Val[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [...new TextEncoder().encode(v)];
  if (isMap(v))
    return Object.keys(v)
      .sort(goStringCompare)
      .map((k) => v[k])
      .filter((x) => x !== undefined);
  return undefined;
}

function evalRecursive(input: Val[]): Val[] {
  const result: Val[] = [];
  for (const v of input) {
    const kids = children(v);
    if (kids && kids.length > 0) {
      result.push(v);
      result.push(...evalRecursive(kids));
    }
  }
  return result;
}

function evalFilter(st: State, input: Val[], node: Extract<JpNode, { type: "filter" }>): Val[] {
  const results: Val[] = [];
  for (const value of input) {
    if (!Array.isArray(value))
      throw new JsonPathError(
        `${value === INVALID ? "<invalid reflect.Value>" : goV(value)} is not array or slice and cannot be filtered`,
        input,
      );
    for (const item of value) {
      let lefts: Val[];
      let leftErr: unknown;
      try {
        lefts = evalList(st, [item], node.left);
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        lefts = [...e.partial];
        leftErr = e;
      }
      if (node.operator === "exists") {
        if (lefts.length > 0) results.push(item);
        continue;
      }
      if (leftErr) throw withPartial(leftErr, input);
      if (lefts.length === 0) continue;
      if (lefts.length > 1) throw new JsonPathError("can only compare one element at a time", input);
      let rights: Val[];
      try {
        rights = evalList(st, [item], node.right);
      } catch (e) {
        throw withPartial(e, input);
      }
      if (rights.length === 0) continue;
      if (rights.length > 1) throw new JsonPathError("can only compare one element at a time", input);
      let pass: boolean;
      try {
        pass = compare(node.operator, lefts[0], rights[0]);
      } catch (e) {
        throw withPartial(e, results);
      }
      if (pass) results.push(item);
    }
  }
  return results;
}

/** Upstream returns a different value next to each error; re-tag a propagating error. */
function withPartial(e: unknown, partial: Val[]): unknown {
  return e instanceof JsonPathError ? new JsonPathError(e.message, partial) : e;
}
