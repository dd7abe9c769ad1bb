/**
 * Completion-index sets in the API's interval notation ("1,3-5,7"): the parser of
 * pkg/apis/batch/validation (validateIndexesFormat, parseIndexInterval — same messages) and
 * the printer of pkg/controller/job/indexed_job_utils.go (orderedIntervals.String: a run of
 * three or more consecutive indexes is "a-b", a pair is "a,b").
 */

export interface ParsedIndexes {
  /** Inclusive [first, last] intervals, ascending and disjoint. */
  intervals: [number, number][];
  total: number;
}

/** Go's strconv.Atoi on a 64-bit API server: a decimal with an optional sign, within int64 — a
 * longer number is an error ("value out of range"), which parseIndexInterval reports as "cannot
 * convert string to integer", not as a too-large index. */
function atoi(s: string): number | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  const v = BigInt(s);
  return v > INT64_MAX || v < -INT64_MAX - 1n ? null : Number(v);
}

const INT64_MAX = 9_223_372_036_854_775_807n;

/** Parses `text` for a job with `completions`; returns the error text on a bad format. */
export function parseIndexes(text: string, completions: number): ParsedIndexes | string {
  const out: ParsedIndexes = { intervals: [], total: 0 };
  if (text.length === 0) return out;
  let last: number | null = null;
  for (const part of text.split(",")) {
    const limits = part.split("-");
    if (limits.length > 2) {
      return `the fragment "${part}" violates the requirement that an index interval can have at most two parts separated by '-'`;
    }
    const x = atoi(limits[0]);
    if (x === null) return `cannot convert string to integer for index: "${limits[0]}"`;
    if (x >= completions) return `too large index: "${limits[0]}"`;
    let y = x;
    if (limits.length > 1) {
      const parsed = atoi(limits[1]);
      if (parsed === null) return `cannot convert string to integer for index: "${limits[1]}"`;
      if (parsed >= completions) return `too large index: "${limits[1]}"`;
      if (x >= parsed) return `non-increasing order, previous: ${x}, current: ${parsed}`;
      y = parsed;
    }
    if (last !== null && last >= x) return `non-increasing order, previous: ${last}, current: ${x}`;
    out.intervals.push([x, y]);
    out.total += y - x + 1;
    last = y;
  }
  return out;
}

/** Formats ascending distinct indexes. */
export function formatIndexes(sorted: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const len = j - i + 1;
    if (len >= 3) parts.push(`${sorted[i]}-${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(",");
}

/** Expands a parsed set to its indexes, ascending. */
export function expandIndexes(parsed: ParsedIndexes): number[] {
  const out: number[] = [];
  for (const [a, b] of parsed.intervals) for (let k = a; k <= b; k++) out.push(k);
  return out;
}
