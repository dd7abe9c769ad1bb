/**
 * JSON values as kubectl sends them, and the Go-side names the strict decoder's type errors print
 * for them (see strict-decode.ts).
 */

import type { FieldKind } from "./schema.generated.js";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** What JSON.stringify would send for a value parsed from YAML. */
export function toJson(v: unknown): Json {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v as Json[];
  if (typeof v === "object") {
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v))
      if (x !== undefined && typeof x !== "function") out[k] = x as Json;
    return out;
  }
  return null;
}

export function isObject(j: Json): j is JsonObject {
  return typeof j === "object" && j !== null && !Array.isArray(j);
}

/** Go sorts map keys by bytes (encoding/json encode.go mapEncoder); UTF-8 order, not UTF-16. */
export function sortedKeys(o: JsonObject): string[] {
  return Object.keys(o).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The value descriptions of UnmarshalTypeError (decode.go literalStore/object/array). */
export function jsonKind(j: Json): string {
  if (Array.isArray(j)) return "array";
  if (typeof j === "object") return "object";
  if (typeof j === "boolean") return "bool";
  return typeof j; // "string" | "number"
}

/** Go's float64 JSON text matches JavaScript's Number#toString (both switch to 1e+21 / 1e-7). */
export function numberText(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

/** strconv.ParseInt(text, 10, 64) succeeds and the value does not overflow the target. */
export function fitsInt(text: string, go: "int32" | "int64"): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const n = BigInt(text);
  return go === "int32" ? n >= -(2n ** 31n) && n < 2n ** 31n : n >= -(2n ** 63n) && n < 2n ** 63n;
}

export function goType(kind: FieldKind): string {
  switch (kind.k) {
    case "string":
      return kind.go ?? "string";
    case "integer":
      return kind.go;
    case "boolean":
      return "bool";
    case "object":
      return `v1.${kind.ref}`;
    case "array":
      return `[]${goType(kind.of)}`;
    case "map":
      return kind.go ?? `map[string]${goType(kind.of)}`;
    case "intOrString":
      return "intstr.IntOrString";
    case "quantity":
      return "resource.Quantity";
    case "time":
      return "v1.Time";
    case "raw":
      return "v1.FieldsV1";
  }
}
