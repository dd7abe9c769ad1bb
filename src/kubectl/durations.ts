/**
 * Duration strings exactly as Kubernetes and Go print them.
 *
 * `humanDuration` / `shortHumanDuration`: the ~2-significant-figure ages in AGE, DURATION, LAST SEEN and
 * describe's event Age column. Rules from k8s.io/apimachinery/pkg/util/duration/duration.go
 * (kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go).
 * Go's `time.Duration.String()` lives in src/models/api/go-duration.ts (the kubelet needs it).
 *
 * Inputs are milliseconds because the simulation clock counts milliseconds. They may be fractional; Go works in
 * integer nanoseconds, so where that matters a fractional input is treated as the nearest nanosecond.
 */

const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;
const HOUR_MS = 60 * MINUTE_MS;

function requireFinite(ms: number, fn: string): void {
  if (!Number.isFinite(ms)) throw new RangeError(`${fn}: duration must be a finite number of ms, got ${ms}`);
}

/**
 * Go's `int(d.Seconds())`: whole seconds truncated toward zero. Both HumanDuration functions start with this,
 * which is where the 2 s clock-skew tolerance comes from: anything above −2 s truncates to −1 or 0.
 * `|| 0` folds −0 (from e.g. −0.5 s) into 0 so it prints as "0s" exactly like Go's int 0.
 */
function truncSeconds(ms: number): number {
  return Math.trunc(ms / SECOND_MS) || 0;
}

/** Whole units of a non-negative duration (Go's `int(d / unit)`; the callers have already excluded d < 0). */
function whole(ms: number, unitMs: number): number {
  return Math.floor(ms / unitMs);
}

/**
 * Kubernetes `duration.HumanDuration`: the AGE/DURATION format (`119s`, `3m39s`, `60m`, `7h59m`, `2d1h`, `2y1d`).
 * Every step truncates; the thresholds make precision decrease as the duration grows.
 */
export function humanDuration(ms: number): string {
  requireFinite(ms, "humanDuration");
  const seconds = truncSeconds(ms);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 120) return `${seconds}s`; // 60 s is "60s", not "1m"
  const minutes = whole(ms, MINUTE_MS);
  if (minutes < 10) {
    const s = whole(ms, SECOND_MS) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`; // one hour prints as "60m"
  const hours = whole(ms, HOUR_MS);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  // Years are flat 365-day years; leap days are ignored upstream too.
  const years = Math.floor(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Kubernetes `duration.ShortHumanDuration`: one unit only (`59s`, `1m`, `23h`, `364d`, `2y`), truncated. */
export function shortHumanDuration(ms: number): string {
  requireFinite(ms, "shortHumanDuration");
  const seconds = truncSeconds(ms);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = whole(ms, MINUTE_MS);
  if (minutes < 60) return `${minutes}m`;
  const hours = whole(ms, HOUR_MS);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.floor(hours / 24)}d`;
  return `${whole(ms, 365 * 24 * HOUR_MS)}y`;
}
