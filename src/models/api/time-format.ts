/**
 * Timestamp strings exactly as Kubernetes objects and kubectl print them, from epoch milliseconds.
 *
 * Go's formatter works on (seconds, nanoseconds-in-second) with the nanoseconds always in [0, 1e9), so an instant
 * before a whole second belongs to the earlier second: we floor, never truncate toward zero. JavaScript's
 * `new Date(x)` truncates fractional x toward zero, which is why every function floors before building a Date.
 * Years print as Go's `appendInt(year, 4)` does: at least four digits, with a leading "-" for years before 0.
 */
import { millisToNanos } from "./go-duration.js";

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function year4(y: number): string {
  return y < 0 ? `-${pad(-y, 4)}` : pad(y, 4);
}

/** A Date on the whole millisecond at or before `epochMs`, read back with the UTC getters. */
function utcDate(epochMs: number, fn: string): Date {
  const d = new Date(Math.floor(epochMs));
  if (!Number.isFinite(epochMs) || Number.isNaN(d.getTime())) {
    throw new RangeError(`${fn}: ${epochMs} ms is not a representable instant`);
  }
  return d;
}

/** `2006-01-02T15:04:05` of a Date's UTC fields (the part RFC3339 and RFC3339Micro share). */
function dateTime(d: Date): string {
  return (
    `${year4(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/**
 * metav1.Time as JSON/YAML: `t.UTC().Format(time.RFC3339)`, whole seconds (the sub-second part is dropped, not
 * rounded) and "Z" for UTC. Source: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/time.go
 * `MarshalJSON`. The zero time (JSON null) is the caller's business.
 */
export function rfc3339(epochMs: number): string {
  return `${dateTime(utcDate(epochMs, "rfc3339"))}Z`;
}

/**
 * metav1.MicroTime as JSON/YAML (e.g. an events.k8s.io `eventTime`): layout `2006-01-02T15:04:05.000000Z07:00`,
 * always six fractional digits (the `0` layout digits keep trailing zeros), truncated to the microsecond.
 * Source: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/micro_time.go `RFC3339Micro`, `MarshalJSON`.
 */
export function rfc3339Micro(epochMs: number): string {
  const d = utcDate(epochMs, "rfc3339Micro");
  const floorMs = d.getTime();
  const subMsMicros = Math.floor((epochMs - floorMs) * 1000); // 0..999; integral input gives 0
  const micros = d.getUTCMilliseconds() * 1000 + subMsMicros;
  return `${dateTime(d)}.${pad(micros, 6)}Z`;
}

/**
 * The container runtime's log timestamps as `kubectl logs --timestamps` shows them: Go's
 * RFC3339NanoFixed layout `2006-01-02T15:04:05.000000000Z07:00` (the kubelet's
 * kuberuntime/logs `timeFormatOut`), nine fractional digits; whole milliseconds here.
 */
export function rfc3339NanoFixed(epochMs: number): string {
  const d = utcDate(epochMs, "rfc3339NanoFixed");
  return `${dateTime(d)}.${pad(d.getUTCMilliseconds(), 3)}000000Z`;
}

/**
 * Go's `time.RFC1123Z` layout, `Mon, 02 Jan 2006 15:04:05 -0700`, used for every timestamp `kubectl describe`
 * prints (staging/src/k8s.io/kubectl/pkg/describe/describe.go, `.Format(time.RFC1123Z)`). kubectl shows the
 * client's local zone; `offsetMinutes` is that zone's offset east of UTC at this instant (default 0, which Go
 * prints as "+0000", never "Z"). Fixed-offset only: DST rules are the caller's business.
 */
export function rfc1123z(epochMs: number, offsetMinutes = 0): string {
  if (!Number.isInteger(offsetMinutes)) {
    throw new RangeError(`rfc1123z: offsetMinutes must be an integer, got ${offsetMinutes}`);
  }
  const local = utcDate(Math.floor(epochMs) + offsetMinutes * 60_000, "rfc1123z");
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAY_NAMES[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTH_NAMES[local.getUTCMonth()]} ` +
    `${year4(local.getUTCFullYear())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:` +
    `${pad(local.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

/**
 * The suffix of a core/v1 Event's name: `fmt.Sprintf("%v.%x", ref.Name, t.UnixNano())`, i.e. the lower-case hex
 * of the creation instant in nanoseconds (Go `%x` of a negative int64 is "-" plus the hex of its magnitude, as is
 * BigInt's). Source: kubernetes/kubernetes staging/src/k8s.io/client-go/tools/record/event.go `makeEvent`.
 * The simulated clock counts milliseconds, so the nanoseconds within the millisecond
 * (`subMsNanos`, 0..999999) are supplied by the caller.
 */
export function eventNameSuffix(epochMs: number, subMsNanos = 0): string {
  return (millisToNanos(epochMs) + BigInt(subMsNanos)).toString(16);
}
