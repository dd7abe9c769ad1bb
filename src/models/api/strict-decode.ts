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
import { type FieldKind, STRUCTS } from "./schema.generated.js";

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
// JSON values as kubectl sends them.

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

/** What JSON.stringify would send for a value parsed from YAML. */
function toJson(v: unknown): Json {
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

function isObject(j: Json): j is JsonObject {
  return typeof j === "object" && j !== null && !Array.isArray(j);
}

/** Go sorts map keys by bytes (encoding/json encode.go mapEncoder); UTF-8 order, not UTF-16. */
function sortedKeys(o: JsonObject): string[] {
  return Object.keys(o).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The value descriptions of UnmarshalTypeError (decode.go literalStore/object/array). */
function jsonKind(j: Json): string {
  if (Array.isArray(j)) return "array";
  if (typeof j === "object") return "object";
  if (typeof j === "boolean") return "bool";
  return typeof j; // "string" | "number"
}

/** Go's float64 JSON text matches JavaScript's Number#toString (both switch to 1e+21 / 1e-7). */
function numberText(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

/** strconv.ParseInt(text, 10, 64) succeeds and the value does not overflow the target. */
function fitsInt(text: string, go: "int32" | "int64"): boolean {
  if (!/^-?\d+$/.test(text)) return false;
  const n = BigInt(text);
  return go === "int32" ? n >= -(2n ** 31n) && n < 2n ** 31n : n >= -(2n ** 63n) && n < 2n ** 63n;
}

function goType(kind: FieldKind): string {
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

/** apimachinery api/resource quantity.go: the three errors ParseQuantity returns. */
const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = "unable to parse numeric part of quantity";
const ERR_SUFFIX = "unable to parse quantity's suffix";

/** Quantity.UnmarshalJSON: strips the quotes of a JSON string, trims spaces, ParseQuantity. */
function quantity(j: Json): void {
  // The raw JSON text, so escapes stay escaped as Go sees them.
  const raw = typeof j === "string" ? JSON.stringify(j).slice(1, -1) : JSON.stringify(j);
  const err = parseQuantityError(raw.trim());
  if (err) throw new Abort(err);
}

const DIGITS = /[0-9]/;
const SUFFIX_CHARS = "eEinumkKMGTP";
const DECIMAL_SUFFIXES = new Set(["n", "u", "m", "", "k", "M", "G", "T", "P", "E"]);
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** quantity.go ParseQuantity/parseQuantityString, reduced to which error (if any) it returns. */
export function parseQuantityError(str: string): string | null {
  if (str.length === 0) return ERR_FORMAT_WRONG;
  if (str === "0") return null;
  const end = str.length;
  let pos = 0;
  if (str[0] === "-" || str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return null; // all zeros
  let numStart = pos;
  while (pos < end && DIGITS.test(str[pos])) pos++;
  let num = str.slice(numStart, pos);
  if (pos >= end) return null;
  if (num.length === 0) num = "0";
  let denom = "";
  if (str[pos] === ".") {
    numStart = ++pos;
    while (pos < end && DIGITS.test(str[pos])) pos++;
    denom = str.slice(numStart, pos);
    if (pos >= end) return null;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === "-" || str[pos] === "+")) pos++;
  while (pos < end && DIGITS.test(str[pos])) pos++;
  if (pos < end) return ERR_FORMAT_WRONG;
  const suffix = str.slice(suffixStart);

  // quantitySuffixer.interpret
  let base: 2 | 10;
  let exponent: number;
  if (DECIMAL_SUFFIXES.has(suffix)) {
    base = 10;
    exponent = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }[suffix] as number;
  } else if (suffix in BINARY_SUFFIXES) {
    base = 2;
    exponent = BINARY_SUFFIXES[suffix];
  } else if (
    suffix.length > 1 &&
    (suffix[0] === "e" || suffix[0] === "E") &&
    /^[+-]?\d+$/.test(suffix.slice(1))
  ) {
    const e = BigInt(suffix.slice(1));
    if (e >= 2n ** 63n || e < -(2n ** 63n)) return ERR_SUFFIX;
    base = 10;
    exponent = Number(BigInt.asIntN(32, e));
  } else {
    return ERR_SUFFIX;
  }
  // The fast int64 path never fails; the slow path parses `value` with inf.Dec.SetString, which
  // needs at least one digit.
  let precision: number;
  let scale = 0;
  if (base === 10) {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  } else {
    precision =
      exponent >= 0 && denom.length === 0 ? 15 - num.length - Math.trunc((exponent * 3) / 10) - 1 : -1;
  }
  const fast = precision >= 0 && scale - denom.length >= -9;
  if (!fast && !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) return ERR_NUMERIC;
  return null;
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

const RFC3339 = "2006-01-02T15:04:05Z07:00";

/**
 * Go time.Parse(time.RFC3339, value), reduced to its error text (time/format.go `parse` walking
 * the layout chunks 2006 -01 -02 T15 :04 :05 Z07:00, ParseError.Error, and time's own `quote`).
 */
export function parseRFC3339Error(value: string): string | null {
  const cannot = (layoutElem: string, valueElem: string) =>
    `parsing time ${timeQuote(value)} as ${timeQuote(RFC3339)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`;
  const message = (msg: string) => `parsing time ${timeQuote(value)}${msg}`;
  const digit = (s: string, i: number) => i < s.length && s[i] >= "0" && s[i] <= "9";
  const getnum = (s: string, fixed: boolean): [number, string] | null => {
    if (!digit(s, 0)) return null;
    if (!digit(s, 1)) return fixed ? null : [Number(s[0]), s.slice(1)];
    return [Number(s.slice(0, 2)), s.slice(2)];
  };
  const chunks: [string, string][] = [
    ["", "2006"],
    ["-", "01"],
    ["-", "02"],
    ["T", "15"],
    [":", "04"],
    [":", "05"],
    ["", "Z07:00"],
  ];
  let v = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const [prefix, std] of chunks) {
    if (prefix && v[0] !== prefix) return cannot(prefix, v);
    if (prefix) v = v.slice(1);
    const hold = v;
    let bad = false;
    let range = "";
    if (std === "2006") {
      if (v.length < 4 || !digit(v, 0) || !/^\d{4}$/.test(v.slice(0, 4))) bad = true;
      else [year, v] = [Number(v.slice(0, 4)), v.slice(4)];
    } else if (std === "Z07:00") {
      if (v[0] === "Z") v = v.slice(1);
      else if (v.length < 6 || v[3] !== ":") bad = true;
      else {
        // As Go: a failed hour skips the minute; the range checks and the sign check still run.
        const hr = getnum(v.slice(1, 3), true);
        const mm = hr ? getnum(v.slice(4, 6), true) : null;
        bad = !hr || !mm || (v[0] !== "+" && v[0] !== "-");
        if ((hr?.[0] ?? 0) > 24) range = "time zone offset hour";
        if ((mm?.[0] ?? 0) > 60) range = "time zone offset minute";
        v = v.slice(6);
      }
    } else {
      const r = getnum(v, std !== "15");
      if (!r) bad = true;
      else {
        let n: number;
        [n, v] = r;
        if (std === "01") [month, range] = [n, n <= 0 || n > 12 ? "month" : ""];
        if (std === "02") day = n;
        if (std === "15" && n >= 24) range = "hour";
        if (std === "04" && n >= 60) range = "minute";
        if (std === "05" && n >= 60) range = "second";
        // A fractional second is accepted even though the layout has none.
        if (std === "05" && !range && v.length >= 2 && (v[0] === "." || v[0] === ",") && digit(v, 1)) {
          let i = 2;
          while (digit(v, i)) i++;
          v = v.slice(i);
        }
      }
    }
    if (range) return message(`: ${range} out of range`);
    if (bad) return cannot(std, hold);
  }
  if (v.length > 0) return message(`: extra text: ${timeQuote(v)}`);
  const daysIn =
    month === 2
      ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
        ? 29
        : 28
      : 30 + ((month + Math.floor(month / 8)) % 2);
  if (day < 1 || day > daysIn) return message(": day out of range");
  return null;
}

/** time/format.go quote: backslash before " and \, non-ASCII and control bytes as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return `${out}"`;
}
