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

/** Units of Go time.ParseDuration, in milliseconds. */
const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "\u00b5s": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go time.ParseDuration (as kubectl flags such as --timeout take it) → milliseconds (rounded to whole ms), or an error message. */
export function parseGoDuration(text: string): number | string {
  const s = text.trim();
  if (s === "0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let i = 0;
  let sign = 1;
  if (s[0] === "-" || s[0] === "+") {
    sign = s[0] === "-" ? -1 : 1;
    i = 1;
  }
  if (i >= s.length) return `time: invalid duration "${text}"`;
  let total = 0;
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) {
      return /^[+-]?[\d.]+$/.test(s.slice(i))
        ? `time: missing unit in duration "${text}"`
        : `time: invalid duration "${text}"`;
    }
    total += Number(m[1]) * UNITS[m[2]];
    i = re.lastIndex;
  }
  return Math.round(sign * total);
}
