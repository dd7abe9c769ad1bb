/**
 * The plumbing every describer shares: kubectl's `PrefixWriter` over a `text/tabwriter`, the `Writer` interface the
 * section printers write to (and its nested form), timestamps and ages.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`prefixWriter.Write`/`WriteLine`/`Flush`, `NewNestedPrefixWriter`, `tabbedString`, `translateTimestampSince`,
 * `translateMicroTimestampSince`) and `staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go`
 * (`WriteEscaped`: ESC → `^[`, CR → `\r`).
 */
import { rfc1123z } from "../../models/api/time-format.js";
import { humanDuration } from "../durations.js";
import { DESCRIBE_TABWRITER, tabulate } from "../tabwriter.js";
import type { DescribeOptions } from "./options.js";

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

/** cli-runtime `terminalEscaper`: defuses terminal escape sequences in object data. */
export function escapeTerminal(s: string): string {
  return s.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}

/**
 * kubectl's prefixWriter writing into a tabwriter (minwidth 0, tabwidth 8, padding 2). `write` indents the text
 * by two spaces per level (only at its start, as Go prefixes the format string); `flush` formats what has been
 * written so far — Go's `w.Flush()` flushes the tabwriter, ending every column block — and `finish` returns the
 * whole output.
 */
export class PrefixWriter {
  private done = "";
  private pending = "";

  write(level: number, text: string): void {
    this.pending += escapeTerminal("  ".repeat(level) + text);
  }

  /** `WriteLine(a...)`: the text and a newline, no indentation. */
  writeLine(text: string): void {
    this.pending += escapeTerminal(`${text}\n`);
  }

  flush(): void {
    if (this.pending.length > 0) this.done += tabulate(this.pending, DESCRIBE_TABWRITER);
    this.pending = "";
  }

  finish(): string {
    this.flush();
    return this.done;
  }
}

/** What the section printers write to: kubectl's PrefixWriter (or a nested one). */
export interface Writer {
  write(level: number, text: string): void;
  writeLine(text: string): void;
}

/** `NewNestedPrefixWriter(w, indent)`: every write `indent` levels deeper — WriteLine included. */
export class NestedWriter implements Writer {
  constructor(
    private readonly inner: Writer,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(text: string): void {
    this.inner.write(this.indent, `${text}\n`);
  }
}

/**
 * Parses a metav1.Time / metav1.MicroTime as JSON carries it (RFC 3339, optional fraction, `Z` or ±hh:mm) into
 * epoch milliseconds (fractional below the millisecond). Missing, null, empty or Go's zero time
 * (0001-01-01T00:00:00Z) give null — what Go's `IsZero()` reports as zero.
 */
export function parseApiTime(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(value);
  if (m === null) throw new RangeError(`describe: not an RFC 3339 time: ${JSON.stringify(value)}`);
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number(y) < 100) {
    // Date.UTC maps years 0–99 to 1900–1999.
    const dt = new Date(ms);
    dt.setUTCFullYear(Number(y));
    ms = dt.getTime();
  }
  if (frac !== undefined) ms += Number(`0${frac}`) * 1000;
  if (zone !== "Z" && zone !== "z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    ms -= sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * 60_000;
  }
  return ms === GO_ZERO_TIME_MS ? null : ms;
}

/** 0001-01-01T00:00:00Z, Go's zero time.Time, in epoch ms. */
const GO_ZERO_TIME_MS = (() => {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(1);
  return d.getTime();
})();

/** `translateTimestampSince` / `translateMicroTimestampSince`: `<unknown>` for a zero time, else its age. */
export function timestampSince(value: string | null | undefined, nowMs: number): string {
  const t = parseApiTime(value);
  return t === null ? "<unknown>" : humanDuration(nowMs - t);
}

/** `t.Format(time.RFC1123Z)` in the client's zone. */
export function formatRfc1123z(value: string | null | undefined, opts: DescribeOptions): string {
  const t = parseApiTime(value);
  // A zero metav1.Time (null in the API, e.g. the times of a ContainerStatusUnknown state) is
  // Go's zero time.Time, whose location is UTC: metav1.Time's decoders make only non-zero
  // times Local. So it prints "Mon, 01 Jan 0001 00:00:00 +0000" whatever the client's zone.
  return t === null ? rfc1123z(GO_ZERO_TIME_MS, 0) : rfc1123z(t, opts.utcOffsetMinutes ?? 0);
}

const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** Go's `strings.TrimSpace` (unicode.IsSpace: no U+FEFF, unlike String.prototype.trim, but U+0085). */
export function goTrimSpace(s: string): string {
  return s.replace(GO_SPACE, "");
}

/** UTF-8 length of a string, Go's `len(s)`. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** Go's `s[:n]` on the UTF-8 bytes (a cut inside a character leaves the bytes Go would leave, shown as U+FFFD). */
export function byteSlice(s: string, n: number): string {
  const b = Buffer.from(s, "utf8");
  return b.length <= n ? s : b.subarray(0, n).toString("utf8");
}
