/**
 * apimachinery api/resource quantity.go ParseQuantity, reduced to which error it returns: what the
 * API server's strict decoding reports for a bad Quantity (Quantity.UnmarshalJSON, strict-decode.ts).
 */

/** apimachinery api/resource quantity.go: the three errors ParseQuantity returns. */
const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = "unable to parse numeric part of quantity";
const ERR_SUFFIX = "unable to parse quantity's suffix";

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
