/** `kubectl wait --for=jsonpath=...` (facts in jsonpath.ts). */
import { findRaw, JsonPathError, type JsonPathTemplate, parseJsonPath } from "./jsonpath.js";
import { goV, isMap, type Val } from "./jsonpath-values.js";

export interface WaitJsonPath {
  /** The relaxed expression, e.g. `{.status.succeeded}`. */
  expression: string;
  /** The expected value; undefined means "any value" (existence check). */
  value: string | undefined;
  template: JsonPathTemplate;
}

const relaxedRex = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** cmd/get RelaxedJSONPathExpression. */
export function relaxedJsonPathExpression(expr: string): string | JsonPathError {
  if (expr.length === 0) return expr;
  const m = relaxedRex.exec(expr);
  if (!m)
    return new JsonPathError(
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    );
  return `{.${m[1] || m[2]}}`;
}

/** Split on single '='; '==' stays in the element (wait.go splitJSONPathInput). */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let el = "";
  for (let i = 0; i < input.length; i++) {
    if (input[i] === "=") {
      if (i < input.length - 1 && input[i + 1] === "=") {
        el += "==";
        i++;
        continue;
      }
      out.push(el);
      el = "";
      continue;
    }
    el += input[i];
  }
  out.push(el);
  return out;
}

/**
 * Parse the part of `--for=jsonpath=...` after "jsonpath=" (processJSONPathInput + newJSONPathParser).
 * Errors carry kubectl's message.
 */
export function parseWaitJsonPath(forValue: string): WaitJsonPath | JsonPathError {
  const parts = splitJsonPathInput(forValue);
  if (parts.length < 1 || parts.length > 2)
    return new JsonPathError(
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    );
  const expression = relaxedJsonPathExpression(parts[0]!);
  if (expression instanceof JsonPathError) return expression;
  let value: string | undefined;
  if (parts.length === 2) {
    value = parts[1]!.replace(/^['"]+|['"]+$/g, "");
    if (value === "")
      return new JsonPathError(
        "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
      );
  }
  if (expression === "") return new JsonPathError("jsonpath expression cannot be empty");
  const template = parseJsonPath(expression);
  if (template instanceof JsonPathError) return template;
  return { expression, value, template };
}

/**
 * JSONPathWait.checkCondition: true when met, false to keep waiting, or a JsonPathError that ends the
 * wait with that message.
 */
export function checkWaitJsonPath(w: WaitJsonPath, obj: unknown): boolean | JsonPathError {
  let results: Val[][];
  try {
    results = findRaw(w.template, obj, { allowMissingKeys: true });
  } catch (e) {
    if (e instanceof JsonPathError) return e;
    throw e;
  }
  if (results.length === 0 || results[0]!.length === 0) return false;
  if (results.length > 1) return new JsonPathError("given jsonpath expression matches more than one list");
  if (results[0]!.length > 1)
    return new JsonPathError("given jsonpath expression matches more than one value");
  if (w.value === undefined) return true;
  const r = results[0]![0];
  if (Array.isArray(r) || isMap(r))
    return new JsonPathError("jsonpath leads to a nested object or list which is not supported");
  return goTrimSpace(goV(r)) === goTrimSpace(w.value);
}

/** strings.TrimSpace: Unicode White_Space (unlike String.prototype.trim, U+0085 yes, U+FEFF no). */
const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE, "");
}
