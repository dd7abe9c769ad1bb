import { type FieldKind, STRUCTS } from "./schema.generated.js";

/**
 * What JSON nulls become when the API server decodes a manifest into its Go struct (Go's
 * encoding/json, decode.go literalStore): null leaves a field at its zero value — a nil pointer,
 * slice or map, an empty string, 0, false, a zero quantity — and the stored object then omits
 * it or shows the zero. So `image: null` reaches validation as a missing image ("Required
 * value"), never as a null. Applied in place to a manifest that decoded cleanly
 * (strict-decode.ts): a struct field that is null is removed; a null list item or map value
 * becomes its element type's zero value.
 */
export function applyDecodedNulls(kindName: "Job" | "Pod", obj: Record<string, unknown>): void {
  struct(obj, kindName);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The zero value of a list item or map value of this kind (undefined: leave it as it is). */
function zero(kind: FieldKind): unknown {
  switch (kind.k) {
    case "object":
      return {};
    case "string":
      return "";
    case "integer":
      return 0;
    case "boolean":
      return false;
    case "quantity":
      return "0"; // resource.Quantity's UnmarshalJSON takes null as the zero quantity
    case "intOrString":
      return 0; // intstr's UnmarshalJSON decodes null into IntVal, which stays 0
    default:
      return undefined;
  }
}

function struct(obj: Record<string, unknown>, name: string): void {
  const fields = STRUCTS[name];
  if (fields === undefined) return;
  for (const key of Object.keys(obj)) {
    const kind = fields[key];
    if (kind === undefined) continue;
    if (obj[key] === null) delete obj[key];
    else value(obj[key], kind);
  }
}

function value(v: unknown, kind: FieldKind): void {
  if (kind.k === "object" && isRecord(v)) struct(v, kind.ref);
  else if (kind.k === "array" && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      if (v[i] === null) {
        const z = zero(kind.of);
        if (z !== undefined) v[i] = z;
      } else value(v[i], kind.of);
    }
  } else if (kind.k === "map" && isRecord(v)) {
    for (const key of Object.keys(v)) {
      if (v[key] === null) {
        const z = zero(kind.of);
        if (z !== undefined) v[key] = z;
      } else value(v[key], kind.of);
    }
  }
}
