/**
 * go-yaml v2's scalar resolution (goyaml.v2 resolve.go `resolve`, `parseTimestamp`): would this text, written
 * plain, read back as something other than a string — and so need quoting? Plus how a JSON number is written
 * (encode.go `floatv`), which shares resolve's int64/uint64 limits.
 */

const RESOLVE_MAP = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** strconv.ParseInt / ParseUint syntax with base 0 (underscores already removed by resolve). */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** strconv.ParseFloat on text that starts with ".": a decimal fraction with an optional exponent. */
const GO_FLOAT_DOT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function goIntValue(body: string): bigint {
  const p = body.slice(0, 2).toLowerCase();
  if (p === "0x" || p === "0o" || p === "0b") return BigInt(`0${p[1]}${body.slice(2)}`);
  if (body.length > 1 && body[0] === "0") return BigInt(`0o${body.slice(1)}`);
  return BigInt(body);
}

/**
 * The integer branch of resolve: ParseInt (int64), then ParseUint (unsigned text only, uint64), then — after the
 * float check — big.Int when ParseUint failed for range (unsigned text only).
 */
function resolvesToInt(plain: string): boolean {
  const m = GO_INT.exec(plain);
  if (m === null) return false;
  const magnitude = goIntValue(m[2]);
  const value = m[1] === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return true;
  return m[1] === ""; // uint64, or the big.Int fallback
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const TS_DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
const TS_TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?";
/** allowedTimestampFormats, as Go's time.Parse reads them: `2006-1-2T15:4:5.999999999Z07:00` (also with "t"),
 * `2006-1-2 15:4:5.999999999`, `2006-1-2`. */
const TIMESTAMP_FORMATS = [
  new RegExp(`^${TS_DATE}[Tt]${TS_TIME}(Z|[+-](\\d{2}):(\\d{2}))$`),
  new RegExp(`^${TS_DATE} ${TS_TIME}$`),
  new RegExp(`^${TS_DATE}$`),
];

/** `parseTimestamp`: one of the allowed formats, with Go's range checks (month, day of month, hour, minute,
 * second, zone offset). */
export function isYamlTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  for (const re of TIMESTAMP_FORMATS) {
    const m = re.exec(s);
    if (m === null) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) continue;
    if (m[4] !== undefined) {
      if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) continue;
      if (m[8] !== undefined && (Number(m[8]) > 24 || Number(m[9]) > 60)) continue;
    }
    return true;
  }
  return false;
}

/** `resolve("", s)` returns a tag other than !!str. */
export function resolvesToNonString(s: string): boolean {
  // the map lookup (bools, nulls, .inf/.nan) only happens for a hinted first character; "<<" has none
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === ".") return GO_FLOAT_DOT.test(s);
  if (c === "+" || c === "-" || (c >= "0" && c <= "9")) {
    if (isYamlTimestamp(s)) return true;
    const plain = s.replaceAll("_", "");
    return resolvesToInt(plain) || YAML_STYLE_FLOAT.test(plain);
  }
  return false;
}

export function isBase60Float(s: string): boolean {
  if (s === "") return false;
  const c = s[0];
  if (!(c === "+" || c === "-" || (c >= "0" && c <= "9")) || !s.includes(":")) return false;
  return BASE60_FLOAT.test(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** Go's `strconv.FormatFloat(f, 'g', -1, 64)`: shortest digits; %e when the exponent is < -4 or >= 6 (the
 * precision `'g'` uses for the shortest form), with at least two exponent digits. */
export function goFormatFloatG(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Number.POSITIVE_INFINITY) return ".inf";
  if (f === Number.NEGATIVE_INFINITY) return "-.inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expStr);
  let s: string;
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const e = Math.abs(exp);
    s = `${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else if (exp < 0) {
    s = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    s = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  }
  return neg ? `-${s}` : s;
}

/** A JSON number as go-yaml re-reads and writes it: JSON digits that fit int64 or uint64 stay integers; anything
 * else (fractions, exponents, larger integers) becomes a float64. */
export function formatNumber(n: number): string {
  const text = JSON.stringify(n); // the JSON text Go's encoder would produce for this value
  if (/^-?[0-9]+$/.test(text)) {
    const v = BigInt(text);
    if (v >= INT64_MIN && v <= UINT64_MAX) return text;
  }
  return goFormatFloatG(Number(text));
}
