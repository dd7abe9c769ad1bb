/**
 * The comparison behind JSONPath filters (`[?(@.x OP y)]`): Go's text/template `lt`/`eq` as
 * client-go forks them (staging/src/k8s.io/client-go/third_party/forked/golang/template/funcs.go
 * @ 008b3652, basicKind/lt/eq): both sides must be of one basic kind (int, float, string, bool);
 * an int against a float literal is "incompatible types for comparison"; null, maps and lists are
 * "invalid type for comparison"; bools only compare for equality; strings bytewise.
 */
import { JsonPathError } from "./jsonpath-parse.js";
import { GoFloat, goStringCompare, isGoInt, type Val } from "./jsonpath-values.js";

type Kind = "bool" | "int" | "float" | "string";
function basicKind(v: Val): Kind {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (v instanceof GoFloat) return "float";
  if (typeof v === "number") return isGoInt(v) ? "int" : "float";
  throw new JsonPathError("invalid type for comparison");
}
function num(v: Val): number {
  return v instanceof GoFloat ? v.value : (v as number);
}
function less(a: Val, b: Val): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new JsonPathError("incompatible types for comparison");
  if (k1 === "bool") throw new JsonPathError("invalid type for comparison");
  if (k1 === "string") return goStringCompare(a as string, b as string) < 0;
  return num(a) < num(b);
}
function equal(a: Val, b: Val): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 !== k2) throw new JsonPathError("incompatible types for comparison");
  if (k1 === "int" || k1 === "float") return num(a) === num(b);
  return a === b;
}
/** Applies a filter operator (== != < <= > >=) to one left and one right value. */
export function compare(op: string, a: Val, b: Val): boolean {
  switch (op) {
    case "<":
      return less(a, b);
    case ">":
      return !(less(a, b) || equal(a, b));
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "<=":
      return less(a, b) || equal(a, b);
    case ">=":
      return !less(a, b);
    default:
      throw new JsonPathError(`unrecognized filter operator ${op}`);
  }
}
