/**
 * Durations as people write them in scenarios and as kubectl's --timeout takes them: Go's
 * time.ParseDuration syntax ("30m", "1h30m", "1.5s", "500ms"); in scenarios a bare number is
 * seconds.
 */

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "\u00b5s": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go time.ParseDuration → milliseconds (rounded to whole ms), or an error message. */
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

/** A scenario duration: a number of seconds, or Go syntax. */
export function parseScenarioDuration(value: unknown): number | string {
  if (typeof value === "number")
    return Number.isFinite(value) && value >= 0
      ? Math.round(value * 1000)
      : `${value} is not a duration (seconds ≥ 0 or e.g. "2m")`;
  if (typeof value === "string") {
    if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
    const ms = parseGoDuration(value);
    if (typeof ms === "number" && ms < 0) return `"${value}" is negative`;
    return typeof ms === "number"
      ? ms
      : `"${value}" is not a duration (seconds, or e.g. "90s", "2m", "1h30m")`;
  }
  return `${JSON.stringify(value)} is not a duration (seconds, or e.g. "90s", "2m", "1h30m")`;
}
