/**
 * API-server validation errors, shaped like k8s.io/apimachinery/pkg/util/validation/field
 * (errors.go): `<path>: <Type>[: <value>][: <detail>]`, strings quoted as Go's %q, numbers bare.
 * And the two ways a client shows a rejected object:
 * - the API server's own message: `Job.batch "x" is invalid: [e1, e2]` (apierrors.NewInvalid);
 * - kubectl's: `The Job "x" is invalid: <e>` for one cause, or the first line
 *   `The Job "x" is invalid: ` followed by `* <e>` per cause (kubectl cmd/util/helpers.go,
 *   checkErr + MultilineError).
 */

export type FieldErrorType =
  | "Required value"
  | "Invalid value"
  | "Unsupported value"
  | "Duplicate value"
  | "Not found"
  | "Forbidden"
  | "Too many"
  | "Too long"
  | "Internal error";

export interface FieldError {
  field: string;
  type: FieldErrorType;
  /** The offending value; undefined when the error type does not show one. */
  value?: unknown;
  detail?: string;
}

/** Go's strconv.Quote for the characters a manifest can hold. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * How a composite bad value was typed in Go, which decides its JSON: a map (keys sorted by
 * encoding/json), or an internal API struct (no json tags: fields under their capitalised Go
 * names). A plain object stands for a versioned type with json tags (e.g. metav1.LabelSelector)
 * and prints as it is.
 */
export class GoMap {
  constructor(readonly entries: Readonly<Record<string, unknown>>) {}
}

export class GoStruct {
  constructor(readonly fields: unknown) {}
}

export function goMap(m: Readonly<Record<string, unknown>>): GoMap {
  return new GoMap(m);
}

export function goStruct(v: unknown): GoStruct {
  return new GoStruct(v);
}

/** A bad value as the API server prints it: strings quoted, numbers and booleans bare, composites as JSON. */
function valueString(v: unknown): string {
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  // field.Error.ErrorBody (apimachinery util/validation/field/errors.go) turns a nil value or nil
  // pointer into the string "null" and then prints it as a string: `Invalid value: "null"`.
  if (v === null || v === undefined) return goQuote("null");
  return JSON.stringify(goJson(v, false));
}

function goJson(v: unknown, internal: boolean): unknown {
  if (v instanceof GoMap)
    return Object.fromEntries(
      Object.keys(v.entries)
        .sort()
        .map((k) => [k, goJson(v.entries[k], internal)]),
    );
  if (v instanceof GoStruct) return goJson(v.fields, true);
  if (Array.isArray(v)) return v.map((x) => goJson(x, internal));
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const name = (k: string) => (internal ? k.charAt(0).toUpperCase() + k.slice(1) : k);
    return Object.fromEntries(Object.keys(o).map((k) => [name(k), goJson(o[k], internal)]));
  }
  return v;
}

/** The error's text after the field path (field.Error.ErrorBody). */
export function errorBody(e: FieldError): string {
  let s: string = e.type;
  const showsValue =
    e.type !== "Required value" &&
    e.type !== "Forbidden" &&
    e.type !== "Too long" &&
    e.type !== "Internal error";
  if (showsValue && e.value !== undefined) s += `: ${valueString(e.value)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Go's math.MaxInt32: the bound of many int32 fields (IDs, activeDeadlineSeconds). */
export const MAX_INT32 = 2147483647;

/** validation.InclusiveRangeError (apimachinery pkg/util/validation/validation.go). */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

export const required = (field: string, detail = ""): FieldError => ({
  field,
  type: "Required value",
  detail,
});
export const invalid = (field: string, value: unknown, detail = ""): FieldError => ({
  field,
  type: "Invalid value",
  value,
  detail,
});
export const forbidden = (field: string, detail: string): FieldError => ({
  field,
  type: "Forbidden",
  detail,
});
/** field.NotFound (ErrorTypeNotFound): the value is shown. */
export const notFound = (field: string, value: unknown): FieldError => ({ field, type: "Not found", value });
export const duplicate = (field: string, value: unknown): FieldError => ({
  field,
  type: "Duplicate value",
  value,
});
export const tooMany = (field: string, actual: number, max: number): FieldError => ({
  field,
  type: "Too many",
  value: actual,
  detail: `must have at most ${max} items`,
});
/** field.TooLong: the value is not shown. */
export const tooLong = (field: string, max: number): FieldError => ({
  field,
  type: "Too long",
  detail: `may not be more than ${max} bytes`,
});
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return {
    field,
    type: "Unsupported value",
    value,
    detail: `supported values: ${supported.map(goQuote).join(", ")}`,
  };
}

/** Drops exact repeats, keeping the first occurrence (the API server's aggregate de-duplicates). */
export function dedupe(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const k = formatFieldError(e);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/** The message an API client gets: `Job.batch "x" is invalid: ...`. */
export function apiServerInvalidMessage(
  kind: string,
  group: string,
  name: string,
  errors: readonly FieldError[],
): string {
  const qualified = group ? `${kind}.${group}` : kind;
  const list = errors.map(formatFieldError);
  const body = list.length === 1 ? list[0] : `[${list.join(", ")}]`;
  return `${qualified} ${goQuote(name)} is invalid: ${body}`;
}

/** What kubectl prints on stderr for an Invalid error (ends with a newline). */
export function kubectlInvalidMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  const prefix = `The ${kind} ${goQuote(name)} is invalid: `;
  if (errors.length === 1) return `${prefix}${formatFieldError(errors[0])}\n`;
  return `${prefix}\n${errors.map((e) => `* ${formatFieldError(e)}\n`).join("")}`;
}
