/**
 * The API server's strict decoding of a create request body (kubectl apply/create send
 * fieldValidation=Strict), reproduced for Job and Pod manifests parsed from YAML.
 *
 * How the real path goes (Kubernetes 1.35):
 * - kubectl turns the YAML into an unstructured map and POSTs it as JSON. Go's encoding/json writes
 *   map keys sorted, so the server sees every object's keys in byte order (the body captured in
 *   kubernetes/kubernetes#85143 shows it) - errors therefore come in sorted-key, depth-first order.
 * - apimachinery runtime/serializer/json/json.go `unmarshal` calls sigs.k8s.io/json UnmarshalStrict
 *   into the versioned Go struct (batch/v1 Job, core/v1 Pod). Its decode.go is a fork of Go's
 *   encoding/json: a value of the wrong JSON type is skipped and only the FIRST such
 *   UnmarshalTypeError is kept (`saveError`), decoding goes on; a custom UnmarshalJSON that fails
 *   (Quantity, IntOrString, Time) aborts at once and its error wins. Unknown fields are collected
 *   as strict errors (`unknown field "spec.template.spec.containers[0].imagee"`: path of JSON keys
 *   joined by ".", list items as "[i]"; de-duplicated, at most 100) but are reported only when no
 *   other error occurred (`unmarshal`: savedError before UnmarshalStrictError).
 * - Strict errors become runtime.NewStrictDecodingError ("strict decoding error: " + ", "-joined);
 *   any error is wrapped by apiserver endpoints/handlers/rest.go transformDecodeError into
 *   BadRequest `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>`.
 *
 * Type errors print Go's UnmarshalTypeError: `json: cannot unmarshal <what> into Go struct field
 * <Struct>.<path> of type <GoType>`, where <Struct> is the Go struct that holds the field and
 * <path> the JSON field names from the root WITHOUT list indexes or map keys (decode.go
 * addErrorContext joins errorContext.FieldStack with "."). <what> is "string", "bool", "object",
 * "array", "number", or "number <literal>" when the target is an integer.
 *
 * `status` is decoded like the rest (its errors count); the registry drops it on create.
 * Duplicate keys cannot occur in a parsed JS object, so "duplicate field" errors are not produced.
 */

import { goQuote } from "./field-errors.js";
import { parseQuantityError } from "./quantity-parse-error.js";
import { parseRFC3339Error } from "./rfc3339-parse-error.js";
import { type FieldKind, STRUCTS } from "./schema.generated.js";
import {
  fitsInt,
  goType,
  isObject,
  type Json,
  type JsonObject,
  jsonKind,
  numberText,
  sortedKeys,
  toJson,
} from "./strict-decode-json.js";

const ROOT: Record<"Job" | "Pod", string> = { Job: "Job", Pod: "Pod" };
const MAX_STRICT_ERRORS = 100; // sigs.k8s.io/json kubernetes_patch.go saveStrictError

/** The decoder's outcome: unknown-field errors (strict), or one fatal decoding error. */
export interface DecodeResult {
  strict: boolean;
  errors: string[];
}

class Abort {
  constructor(readonly message: string) {}
}

interface Ctx {
  /** Go struct holding the current field (errorContext.Struct); "" at the root. */
  struct: string;
  /** JSON field names from the root (errorContext.FieldStack). */
  fields: string[];
  /** Strict-error path: fields joined with ".", list items as "[i]". */
  path: string;
}

class Decoder {
  saved: string | undefined;
  strictErrors: string[] = [];
  seen = new Set<string>();

  typeError(what: string, goType: string, ctx: Ctx): string {
    const where =
      ctx.struct || ctx.fields.length > 0
        ? `Go struct field ${ctx.struct}.${ctx.fields.join(".")}`
        : "Go value";
    return `json: cannot unmarshal ${what} into ${where} of type ${goType}`;
  }

  /** decode.go saveError: keep only the first. */
  save(what: string, goType: string, ctx: Ctx): void {
    this.saved ??= this.typeError(what, goType, ctx);
  }

  unknownField(path: string): void {
    const msg = `unknown field ${goQuote(path)}`;
    if (this.strictErrors.length >= MAX_STRICT_ERRORS || this.seen.has(msg)) return;
    this.seen.add(msg);
    this.strictErrors.push(msg);
  }

  value(v: unknown, kind: FieldKind, ctx: Ctx): void {
    const j = toJson(v);
    if (j === null) return; // null is accepted by every Go type (pointers/maps/slices nil, others unchanged)
    switch (kind.k) {
      case "raw":
        break;
      case "intOrString":
        intOrString(j, this, ctx);
        break;
      case "quantity":
        quantity(j);
        break;
      case "time":
        time(j, this, ctx);
        break;
      case "string":
      case "boolean":
      case "integer":
        this.literal(j, kind, ctx);
        break;
      case "object":
        if (isObject(j)) this.struct(j, kind.ref, ctx);
        else this.save(jsonKind(j), `v1.${kind.ref}`, ctx);
        break;
      case "array":
        if (!Array.isArray(j)) this.save(jsonKind(j), goType(kind), ctx);
        else
          for (const [i, item] of j.entries())
            this.value(item, kind.of, { ...ctx, path: `${ctx.path}[${i}]` });
        break;
      case "map":
        // Map values keep the enclosing struct's error context (no key is pushed). The strict
        // path gets ".key"; no map in Job/Pod holds structs, so that form is never printed.
        if (!isObject(j)) this.save(jsonKind(j), goType(kind), ctx);
        else
          for (const key of sortedKeys(j))
            this.value(j[key], kind.of, { ...ctx, path: `${ctx.path}.${key}` });
        break;
    }
  }

  /** decode.go literalStore / object / array for a string, bool or integer target. */
  literal(j: Json, kind: FieldKind & { k: "string" | "boolean" | "integer" }, ctx: Ctx): void {
    const go = goType(kind);
    if (kind.k === "string" && typeof j === "string") return;
    if (kind.k === "boolean" && typeof j === "boolean") return;
    if (kind.k === "integer" && typeof j === "number") {
      const text = numberText(j);
      if (!fitsInt(text, kind.go)) this.save(`number ${text}`, go, ctx);
      return;
    }
    this.save(jsonKind(j), go, ctx);
  }

  struct(obj: JsonObject, name: string, ctx: Ctx): void {
    const fields = STRUCTS[name];
    for (const key of sortedKeys(obj)) {
      const path = ctx.path ? `${ctx.path}.${key}` : key;
      const kind = fields[key];
      if (kind === undefined) {
        this.unknownField(path); // the value is skipped, so nothing inside it is reported
        continue;
      }
      this.value(obj[key], kind, { struct: name, fields: [...ctx.fields, key], path });
    }
  }
}

/** Decodes a Job or Pod the way the API server does; null when it decodes cleanly. */
export function strictDecode(kindName: "Job" | "Pod", obj: unknown): DecodeResult | null {
  const d = new Decoder();
  try {
    d.value(obj, { k: "object", ref: ROOT[kindName] }, { struct: "", fields: [], path: "" });
  } catch (e) {
    if (e instanceof Abort) return { strict: false, errors: [e.message] };
    throw e;
  }
  if (d.saved !== undefined) return { strict: false, errors: [d.saved] };
  if (d.strictErrors.length > 0) return { strict: true, errors: d.strictErrors };
  return null;
}

/**
 * The API server's decoding error texts, in order: either the unknown-field errors, or the one
 * fatal error (a type mismatch, a bad quantity or timestamp) that replaces them. Empty when the
 * manifest decodes.
 */
export function strictDecodeErrors(kindName: "Job" | "Pod", obj: unknown): string[] {
  return strictDecode(kindName, obj)?.errors ?? [];
}

/**
 * The BadRequest message for errors from strictDecodeErrors (apiserver handlers/rest.go
 * transformDecodeError around runtime.strictDecodingError). kubectl shows it as
 * `Error from server (BadRequest): error when creating "<file>": <message>`.
 */
export function decodeErrorMessage(kind: string, version: string, errors: string[]): string {
  const strict = errors.length > 0 && errors.every((e) => /^(unknown|duplicate) field "/.test(e));
  const body = strict ? `strict decoding error: ${errors.join(", ")}` : errors.join(", ");
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${body}`;
}

// ---------------------------------------------------------------------------------------------
// Custom unmarshalers. Their errors abort decoding (decode.go returns them from value()).

/**
 * apimachinery util/intstr IntOrString.UnmarshalJSON: a JSON string is the string form; anything
 * else goes through encoding/json into an int32, whose UnmarshalTypeError ("Go value of type
 * int32") then gets the outer field context added by decode.go `unmarshal` -> addErrorContext
 * (sigs.k8s.io/json aliases encoding/json's UnmarshalTypeError, kubernetes_patch.go).
 */
function intOrString(j: Json, d: Decoder, ctx: Ctx): void {
  if (typeof j === "string") return;
  if (typeof j === "number") {
    const text = numberText(j);
    if (fitsInt(text, "int32")) return;
    throw new Abort(d.typeError(`number ${text}`, "int32", ctx));
  }
  throw new Abort(d.typeError(jsonKind(j), "int32", ctx));
}

/** Quantity.UnmarshalJSON: strips the quotes of a JSON string, trims spaces, ParseQuantity. */
function quantity(j: Json): void {
  // The raw JSON text, so escapes stay escaped as Go sees them.
  const raw = typeof j === "string" ? JSON.stringify(j).slice(1, -1) : JSON.stringify(j);
  const err = parseQuantityError(raw.trim());
  if (err) throw new Abort(err);
}

/**
 * apimachinery meta/v1 time.go Time.UnmarshalJSON: json.Unmarshal into a string (type errors get
 * the field context, as for IntOrString), then time.Parse(time.RFC3339, s).
 */
function time(j: Json, d: Decoder, ctx: Ctx): void {
  if (typeof j !== "string") throw new Abort(d.typeError(jsonKind(j), "string", ctx));
  const err = parseRFC3339Error(j);
  if (err) throw new Abort(err);
}
