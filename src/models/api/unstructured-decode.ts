import { parseQuantityError } from "./quantity-parse-error.js";
import { parseRFC3339Error } from "./rfc3339-parse-error.js";
import { type FieldKind, STRUCTS } from "./schema.generated.js";
import { isObject, type Json, type JsonObject, jsonKind, sortedKeys, toJson } from "./strict-decode-json.js";

/**
 * How the API server turns a strategically merged patch into the Go object, and what it says
 * when a value does not fit (kubectl patch's default --type strategic).
 *
 * apiserver endpoints/handlers/patch.go strategicPatchObject: the patch body is unmarshalled
 * into a map (sigs.k8s.io/json UnmarshalStrict: integers stay int64, other numbers float64;
 * a body that is not an object fails there), merged into the live object's map, and
 * applyPatchToObject converts the result with runtime.DefaultUnstructuredConverter
 * (apimachinery runtime/converter.go fromUnstructured). That converter is not encoding/json:
 * - a string, bool or number of the wrong kind gives `unrecognized type: <kind>` (no path);
 * - an int64 into an int32 field is converted the Go way, keeping the low 32 bits, and a
 *   float64 with no fraction is converted too (so 4294967297 becomes 1); a fraction gives
 *   `cannot convert float64 to int32`; a number into a string field `cannot convert int64 to string`;
 * - a value that is not a map where a struct, map or list is expected gives
 *   `cannot restore struct from: <kind>`, `cannot restore map from <kind>`,
 *   `cannot restore slice from <kind>` (Go reflect kind names: string, bool, int64, float64,
 *   slice, map);
 * - types with their own UnmarshalJSON (Quantity, IntOrString, Time) get the value re-encoded as
 *   JSON and their own error, without a field context (structured-merge-diff reflectcache.go).
 * The first error stops the conversion. The server then answers
 * `Invalid(patch, fmt.Sprintf("%+v", patchMap), err)` with no kind or name, which kubectl prints
 * as `The request is invalid: patch: Invalid value: "<patch>": <err>` (kubectl cmd/util/helpers.go
 * checkErr).
 *
 * The converter walks Go struct fields in declaration order; the schema here knows only JSON
 * names, so with several bad values the one reported is the first in byte order of the keys.
 */

/** The converted value: what a field holds after the conversion, or the error. */
type Result = { ok: true; value: unknown } | { ok: false; error: string };

/** Go reflect Kind names of the values a JSON map holds (int64: integer literal, float64 otherwise). */
function reflectKind(j: Json): string {
  if (j === null) return "invalid";
  if (Array.isArray(j)) return "slice";
  if (typeof j === "object") return "map";
  if (typeof j === "boolean") return "bool";
  if (typeof j === "string") return "string";
  return isInt64(j) ? "int64" : "float64";
}

/**
 * Whether the API server sees this number as an int64. kubectl re-encodes the patch with
 * sigs.k8s.io/yaml (Go encoding/json writes an integral float below 1e21 as digits); the server
 * keeps digits that fit int64 as int64.
 */
function isInt64(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/**
 * Go's conversion of an integer-valued number to int32/int64. From int64 it keeps the low bits;
 * from a float64 out of range the result is the platform's (x86-64: the minimum value).
 */
function goIntConvert(n: number, go: "int32" | "int64"): number {
  const bits = go === "int32" ? 32 : 64;
  if (!isInt64(n)) return go === "int32" ? -(2 ** 31) : Number(-(2n ** 63n));
  return Number(BigInt.asIntN(bits, BigInt(n)));
}

function fail(error: string): Result {
  return { ok: false, error };
}

/**
 * Converts `patched` (the merged object as a JSON map) as the converter would: the first error,
 * or the object (unknown fields dropped, integers converted) and the unknown fields' paths,
 * sorted (FromUnstructuredWithValidation; the Warn directive makes them warnings).
 */
export function convertUnstructured(
  root: string,
  patched: unknown,
): { ok: true; value: unknown; unknown: string[] } | { ok: false; error: string } {
  const unknown: string[] = [];
  const r = convert(toJson(patched), { k: "object", ref: root }, "", unknown);
  if (!r.ok) return r;
  return { ok: true, value: r.value, unknown: unknown.map((p) => `unknown field "${p}"`).sort() };
}

function convert(j: Json, kind: FieldKind, path: string, unknown: string[]): Result {
  if (j === null) return { ok: true, value: undefined };
  switch (kind.k) {
    case "raw":
      return { ok: true, value: j };
    case "intOrString":
      return custom(j, intOrStringError);
    case "quantity":
      return custom(j, quantityError);
    case "time":
      return custom(j, timeError);
    case "string":
      if (typeof j === "string") return { ok: true, value: j };
      if (typeof j === "number" && isInt64(j)) return fail(`cannot convert int64 to ${kind.go ?? "string"}`);
      return fail("unrecognized type: string");
    case "boolean":
      if (typeof j === "boolean") return { ok: true, value: j };
      return fail("unrecognized type: bool");
    case "integer":
      if (typeof j !== "number") return fail(`unrecognized type: ${kind.go}`);
      if (!Number.isInteger(j)) return fail(`cannot convert float64 to ${kind.go}`);
      return { ok: true, value: goIntConvert(j, kind.go) };
    case "object":
      if (!isObject(j)) return fail(`cannot restore struct from: ${reflectKind(j)}`);
      return struct(j, kind.ref, path, unknown);
    case "array": {
      if (!Array.isArray(j)) return fail(`cannot restore slice from ${reflectKind(j)}`);
      const out: unknown[] = [];
      for (const [i, item] of j.entries()) {
        const r = convert(item, kind.of, `${path}[${i}]`, unknown);
        if (!r.ok) return r;
        out.push(r.value ?? zero(kind.of));
      }
      return { ok: true, value: out };
    }
    case "map": {
      if (!isObject(j)) return fail(`cannot restore map from ${reflectKind(j)}`);
      const out: Record<string, unknown> = {};
      for (const key of sortedKeys(j)) {
        const r = convert(j[key], kind.of, `${path}.${key}`, unknown);
        if (!r.ok) return r;
        out[key] = r.value ?? zero(kind.of);
      }
      return { ok: true, value: out };
    }
  }
}

function struct(obj: JsonObject, name: string, path: string, unknown: string[]): Result {
  const fields = STRUCTS[name];
  const out: Record<string, unknown> = {};
  for (const key of sortedKeys(obj)) {
    const kind = fields?.[key];
    const at = path === "" ? key : `${path}.${key}`;
    if (kind === undefined) {
      unknown.push(at);
      continue;
    }
    const r = convert(obj[key], kind, at, unknown);
    if (!r.ok) return r;
    // Every map field of the Job and Pod types is `omitempty`: an empty one is not stored.
    const emptyMap = kind.k === "map" && Object.keys(r.value as object).length === 0;
    if (r.value !== undefined && !emptyMap) out[key] = r.value;
  }
  return { ok: true, value: out };
}

/** A null list item or map value becomes its type's zero value (decode-nulls.ts says why). */
function zero(kind: FieldKind): unknown {
  if (kind.k === "string") return "";
  if (kind.k === "integer" || kind.k === "intOrString") return 0;
  if (kind.k === "boolean") return false;
  if (kind.k === "object") return {};
  return null;
}

/** A custom unmarshaler: the value is re-encoded as JSON and handed to its UnmarshalJSON. */
function custom(j: Json, check: (j: Json) => string | null): Result {
  const error = check(j);
  return error === null ? { ok: true, value: j } : fail(error);
}

/**
 * encoding/json's UnmarshalTypeError text for a fresh json.Unmarshal into a Go value: a number
 * shows its literal only where an integer target rejects it (decode.go literalStore). The
 * literal is as Go's encoding/json re-encoded it, which JavaScript's String(n) matches.
 */
function goValueTypeError(j: Json, goType: string): string {
  const what = typeof j === "number" ? (goType === "string" ? "number" : `number ${String(j)}`) : jsonKind(j);
  return `json: cannot unmarshal ${what} into Go value of type ${goType}`;
}

/** intstr.IntOrString.UnmarshalJSON: a string, else json.Unmarshal into its int32. */
function intOrStringError(j: Json): string | null {
  if (typeof j === "string") return null;
  if (typeof j === "number" && Number.isInteger(j) && j >= -(2 ** 31) && j < 2 ** 31) return null;
  return goValueTypeError(j, "int32");
}

/** resource.Quantity.UnmarshalJSON: the JSON text (a string's content) through ParseQuantity. */
function quantityError(j: Json): string | null {
  const raw = typeof j === "string" ? JSON.stringify(j).slice(1, -1) : JSON.stringify(j);
  return parseQuantityError(raw.trim()) || null;
}

/** metav1.Time.UnmarshalJSON: json.Unmarshal into a string, then RFC 3339. */
function timeError(j: Json): string | null {
  if (typeof j !== "string") return goValueTypeError(j, "string");
  return parseRFC3339Error(j) || null;
}

/**
 * fmt.Sprintf("%+v", patchMap): maps as `map[k:v ...]` with sorted keys, lists as `[a b]`,
 * strings bare, int64 as digits, float64 as goFloat, nil as `<nil>`.
 */
export function goFormatValue(v: unknown): string {
  const j = toJson(v);
  if (j === null) return "<nil>";
  if (typeof j === "string") return j;
  if (typeof j === "boolean") return String(j);
  if (typeof j === "number") return isInt64(j) ? BigInt(j).toString() : goFloat(j);
  if (Array.isArray(j)) return `[${j.map(goFormatValue).join(" ")}]`;
  return `map[${sortedKeys(j)
    .map((k) => `${k}:${goFormatValue(j[k])}`)
    .join(" ")}]`;
}

/**
 * %v of a float64: strconv 'g' with the shortest digits, in e-form when the exponent is below
 * -4 or at least 6 (ftoa.go: "if precision was the shortest possible, use precision 6"), the
 * exponent written with at least two digits (1.5e+06, 1e-05).
 */
function goFloat(f: number): string {
  const [mant, expText] = f.toExponential().split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return String(f);
}
