/**
 * JSON values as kubectl's JSONPath engine sees and prints them: Go's reflect values over
 * unstructured content, printed with fmt and encoding/json (facts in jsonpath.ts).
 */

/** A parsed float literal (`1.0` compares as float64, not int). */
export class GoFloat {
  constructor(readonly value: number) {}
}
/** reflect.Value{} — the datum of a range over an empty list, or of a range item that was null. */
export const INVALID: unique symbol = Symbol("invalid reflect.Value");
export type Val = unknown;

export function isMap(v: Val): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof GoFloat);
}

// ---------------------------------------------------------------- printing (Go fmt / encoding/json)

/** Whole JSON numbers are int64 in unstructured content (apimachinery's JSON decoding). */
export function isGoInt(n: number): boolean {
  return Number.isInteger(n) && Math.abs(n) < 2 ** 63;
}

/** PrintResults for one value: maps/slices as JSON, everything else with fmt.Fprint. */
export function printValue(v: Val): string {
  if (Array.isArray(v) || isMap(v)) return goJson(v);
  return goV(v);
}

/** encoding/json.Marshal of JSON data: sorted keys, HTML-safe escaping. */
export function goJson(v: Val): string {
  const s = JSON.stringify(v, (_k, x) => {
    if (isMap(x)) {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort(goStringCompare)) o[k] = x[k];
      return o;
    }
    return x;
  });
  return s.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Go's fmt %v of a float64: strconv 'g' shortest, %e form when exp < -4 || exp >= 6 (e.g. 1.2345675e+06). */
export function goFloatV(f: number): string {
  if (Number.isNaN(f)) return "NaN";
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : "-Inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const [mant, expStr] = f.toExponential().split("e") as [string, string];
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? "-" : "+";
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(f);
}

/** Go's fmt %v of JSON data. */
export function goV(v: Val): string {
  if (v === INVALID) return "<no value>";
  if (v === null || v === undefined) return "<nil>";
  if (v instanceof GoFloat) return goFloatV(v.value);
  if (typeof v === "number") return isGoInt(v) ? BigInt(v).toString() : goFloatV(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(" ")}]`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort(goStringCompare)
      .map((k) => `${k}:${goV(v[k])}`)
      .join(" ")}]`;
  return String(v);
}

/** Go's fmt %#v of unstructured content (map[string]interface {}{...}). */
export function goSharpV(v: Val, top = true): string {
  if (v === null || v === undefined) return top ? "<nil>" : "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x, false)).join(", ")}}`;
  if (isMap(v))
    return `map[string]interface {}{${Object.keys(v)
      .sort(goStringCompare)
      .map((k) => `${goQuote(k)}:${goSharpV(v[k], false)}`)
      .join(", ")}}`;
  return goV(v);
}

/** strconv.Quote (ASCII control characters and quotes escaped; printable Unicode kept). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const named: Record<number, string> = {
      7: "\\a",
      8: "\\b",
      12: "\\f",
      10: "\\n",
      13: "\\r",
      9: "\\t",
      11: "\\v",
    };
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (named[c]) out += named[c];
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (/[\p{C}\p{Z}]/u.test(ch) && ch !== " ")
      out += c > 0xffff ? `\\U${c.toString(16).padStart(8, "0")}` : `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Go compares strings bytewise (UTF-8); code-point order gives the same result. */
export function goStringCompare(a: string, b: string): number {
  const ai = [...a];
  const bi = [...b];
  for (let i = 0; i < Math.min(ai.length, bi.length); i++) {
    const d = ai[i]!.codePointAt(0)! - bi[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ai.length - bi.length;
}

export function goTypeName(v: Val): string {
  if (v === INVALID) return "<invalid>";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoFloat) return "float64";
  if (typeof v === "number") return isGoInt(v) ? "int64" : "float64";
  if (isMap(v)) return "map[string]interface {}";
  return "interface {}";
}
