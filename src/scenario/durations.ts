import { parseGoDuration } from "../models/api/go-duration.js";
import { MAX_DURATION_MS } from "../models/workload.js";
import { shown } from "./problems.js";

/**
 * Durations as people write them in scenarios: Go's time.ParseDuration syntax ("30m", "1h30m",
 * "1.5s", "500ms"), or a bare number of seconds.
 */

/** A scenario duration: a number of seconds, or Go syntax. */
export function parseScenarioDuration(value: unknown): number | string {
  const ms = parseMs(value);
  if (typeof ms === "number" && ms > MAX_DURATION_MS)
    return `${JSON.stringify(value)} is longer than 100 years, the longest duration jobsim simulates`;
  return ms;
}

function parseMs(value: unknown): number | string {
  if (typeof value === "number")
    return Number.isFinite(value) && value >= 0
      ? Math.round(value * 1000)
      : `${shown(value)} is not a duration (seconds ≥ 0 or e.g. "2m")`;
  if (typeof value === "string") {
    if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
    // Spaces around a scenario's duration are forgiven, as around a number of seconds;
    // Go's ParseDuration itself allows none.
    const ms = parseGoDuration(value.trim());
    if (typeof ms === "number" && ms < 0) return `"${value}" is negative`;
    return typeof ms === "number"
      ? ms
      : `"${value}" is not a duration (seconds, or e.g. "90s", "2m", "1h30m")`;
  }
  return `${JSON.stringify(value)} is not a duration (seconds, or e.g. "90s", "2m", "1h30m")`;
}
