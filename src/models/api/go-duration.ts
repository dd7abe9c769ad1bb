/**
 * Go's `time.Duration.String()` (golang/go src/time/time.go), which the kubelet puts inside
 * event and waiting messages ("pulled image ... in 1.873s", "back-off 1m20s restarting ...").
 * Inputs are milliseconds (the simulation clock); a fractional input is taken to the nearest
 * nanosecond, since Go works in integer nanoseconds.
 */

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * Milliseconds → integer nanoseconds (Go's representation of both `time.Duration` and `UnixNano`).
 * Integral input converts exactly; a fractional part is rounded to the nearest nanosecond so float noise such
 * as 1872.9999999999998 still means 1.873 s. Done in two parts because `ms * 1e6` overflows 2^53 for
 * epoch-sized values.
 */
export function millisToNanos(ms: number): bigint {
  if (!Number.isFinite(ms)) throw new RangeError(`millisToNanos: not a finite number: ${ms}`);
  const intPart = Math.trunc(ms);
  const fracNs = Math.round((ms - intPart) * 1e6); // |ms - intPart| < 1 and exact, so this is < 1e6
  return BigInt(intPart) * 1_000_000n + BigInt(fracNs);
}

/**
 * Writes the fractional digits of `v / 10^prec` with trailing zeros dropped (and no "." at all when the fraction
 * is zero), as Go's `fmtFrac` does. Returns the text and the integer part.
 */
function splitFraction(v: bigint, prec: number): [string, bigint] {
  const scale = 10n ** BigInt(prec);
  const frac = (v % scale).toString().padStart(prec, "0").replace(/0+$/, "");
  return [frac === "" ? "" : `.${frac}`, v / scale];
}

/**
 * Go `time.Duration.String()` for an int64 nanosecond count. Below one second the unit is the largest of
 * ns/µs/ms that keeps the integer part non-zero ("850ms", "1.5µs"); from one second up it is h/m/s with the
 * seconds always present and leading zero units omitted ("1.873s", "1m20s", "5m0s", "1h0m0s").
 * The micro sign is U+00B5, as Go writes it.
 */
export function goDurationNs(ns: bigint): string {
  if (ns < INT64_MIN || ns > INT64_MAX) throw new RangeError(`goDurationNs: ${ns} is outside int64`);
  if (ns === 0n) return "0s";
  const sign = ns < 0n ? "-" : "";
  const u = ns < 0n ? -ns : ns; // bigint, so negating math.MinInt64 needs no uint64 trick
  if (u < 1_000_000_000n) {
    const [prec, unit] = u < 1_000n ? [0, "ns"] : u < 1_000_000n ? [3, "\u00b5s"] : [6, "ms"];
    const [frac, int] = splitFraction(u, prec);
    return `${sign}${int}${frac}${unit}`;
  }
  const [frac, totalSeconds] = splitFraction(u, 9);
  let out = `${totalSeconds % 60n}${frac}s`;
  const totalMinutes = totalSeconds / 60n;
  if (totalMinutes > 0n) {
    out = `${totalMinutes % 60n}m${out}`;
    const hours = totalMinutes / 60n;
    if (hours > 0n) out = `${hours}h${out}`;
  }
  return sign + out;
}

/** Go `time.Duration.String()` for a duration in milliseconds, e.g. 1873 → "1.873s", 80000 → "1m20s". */
export function goDuration(ms: number): string {
  return goDurationNs(millisToNanos(ms));
}

/**
 * Units of Go's time.ParseDuration in nanoseconds (golang/go src/time/format.go, unitMap): the
 * micro sign U+00B5 and the Greek letter mu U+03BC both spell microseconds.
 */
const UNIT_NS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  "\u00b5s": 1_000n,
  "\u03bcs": 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const TWO_63 = 1n << 63n;

/**
 * Go's time.quote (format.go) for error messages: double quotes, `"` and `\` escaped, and every
 * byte of a non-ASCII or control character's UTF-8 written as \xNN ("1µx" → "1\xc2\xb5x").
 */
function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return `${out}"`;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/**
 * Go's time.ParseDuration (format.go) in integer nanoseconds, or Go's error text. Followed
 * step by step, since kubectl's duration flags (--timeout, --since, ...) take it and print its
 * errors: a possibly signed sequence of numbers, each with an optional fraction and a unit; no
 * space anywhere (" 30s" is invalid); "0" alone needs no unit. The sum must fit in int64
 * nanoseconds (at most 2562047h47m16.854775807s; its negative one more): the whole part of a
 * number is refused past 2^63 as it is read (leadingInt), a fraction only stops gaining
 * precision (leadingFraction), and the fraction's nanoseconds are computed in float64 as Go does.
 */
export function parseGoDurationNs(text: string): bigint | string {
  const invalid = `time: invalid duration ${goQuote(text)}`;
  let i = 0;
  let neg = false;
  if (text[0] === "-" || text[0] === "+") {
    neg = text[0] === "-";
    i = 1;
  }
  if (text.slice(i) === "0") return 0n;
  if (i === text.length) return invalid;
  let d = 0n;
  while (i < text.length) {
    if (!(text[i] === "." || isDigit(text[i]))) return invalid;
    // The whole part: more than 2^63 is an overflow.
    const wholeStart = i;
    let v = 0n;
    for (; isDigit(text[i]); i++) {
      v = v * 10n + BigInt(text.charCodeAt(i) - 48);
      if (v > TWO_63) return invalid;
    }
    const pre = i > wholeStart;
    // The fraction: digits past what 2^63 holds are read but not counted.
    let f = 0n;
    let scale = 1;
    let post = false;
    if (text[i] === ".") {
      i++;
      const fracStart = i;
      let overflow = false;
      for (; isDigit(text[i]); i++) {
        if (overflow) continue;
        const y = f * 10n + BigInt(text.charCodeAt(i) - 48);
        if (f > (TWO_63 - 1n) / 10n || y > TWO_63) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = i > fracStart;
    }
    if (!pre && !post) return invalid;
    // The unit: everything up to the next digit or ".".
    const unitStart = i;
    while (i < text.length && !(text[i] === "." || isDigit(text[i]))) i++;
    if (i === unitStart) return `time: missing unit in duration ${goQuote(text)}`;
    const u = text.slice(unitStart, i);
    const unit = UNIT_NS[u];
    if (unit === undefined) return `time: unknown unit ${goQuote(u)} in duration ${goQuote(text)}`;
    if (v > TWO_63 / unit) return invalid;
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > TWO_63) return invalid;
    }
    d += v;
    if (d > TWO_63) return invalid;
  }
  if (neg) return -d;
  if (d > TWO_63 - 1n) return invalid;
  return d;
}

/**
 * Go's time.ParseDuration (as kubectl flags such as --timeout take it) in milliseconds, rounded
 * to the nearest (half up, as Math.round), or Go's error text.
 */
export function parseGoDuration(text: string): number | string {
  const ns = parseGoDurationNs(text);
  if (typeof ns === "string") return ns;
  // Math.round's half up is floor(x + 1/2); BigInt division truncates toward zero.
  const n = ns + 500_000n;
  const q = n / 1_000_000n;
  return Number(n % 1_000_000n < 0n ? q - 1n : q);
}
