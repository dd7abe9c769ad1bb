import { MAX_GENERATED_NAME_PREFIX } from "../identity.js";
import { NONE, PodPhase, type PodRecord } from "../objects.js";
import { compareForRemoval } from "./active-pods.js";
import type { SyncContext } from "./sync-state.js";

/**
 * completionMode Indexed (pkg/controller/job/indexed_job_utils.go): completion indexes as
 * ordered intervals, the `.status.completedIndexes` text, which indexes the next pods get,
 * and which active pods an Indexed Job must delete whatever its parallelism.
 *
 * Intervals are a flat list [first0, last0, first1, last1, ...], sorted, disjoint and not
 * adjacent (a run of consecutive indexes is one interval).
 */
export type Intervals = number[];

/**
 * succeededIndexesFromString: the intervals of a `.status.completedIndexes` text, indexes at
 * or past `completions` dropped (an interval reaching past is cut); a part that is not a
 * number is skipped, as upstream logs and ignores it.
 */
export function parseIndexIntervals(text: string, completions: number): Intervals {
  const out: Intervals = [];
  if (text === "") return out;
  for (const part of text.split(",")) {
    const limits = part.split("-");
    const first = atoi(limits[0]);
    if (first === null) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const l = atoi(limits[1]);
      if (l === null) continue;
      last = Math.min(l, completions - 1);
    }
    const n = out.length;
    if (n > 0 && out[n - 1] === first - 1) out[n - 1] = last;
    else out.push(first, last);
  }
  return out;
}

/** strconv.Atoi for the decimal texts the controller writes (a sign allowed); null if not one. */
function atoi(s: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = Number(s);
  return Number.isSafeInteger(v) ? v : null;
}

/** withOrderedIndexes: the intervals with `indexes` (ascending) added, merged where they touch. */
export function withOrderedIndexes(intervals: Intervals, indexes: readonly number[]): Intervals {
  const single: Intervals = [];
  for (const ix of indexes) single.push(ix, ix);
  return mergeIntervals(intervals, single);
}

/** total: how many indexes the intervals hold. */
export function intervalsTotal(intervals: Intervals): number {
  let n = 0;
  for (let i = 0; i < intervals.length; i += 2) n += intervals[i + 1] - intervals[i] + 1;
  return n;
}

/** String: "0-2,5,7,8" — a range of three or more as first-last, of two as first,last. */
export function intervalsText(intervals: Intervals): string {
  let s = "";
  for (let i = 0; i < intervals.length; i += 2) {
    const first = intervals[i];
    const last = intervals[i + 1];
    if (s !== "") s += ",";
    s += String(first);
    if (last > first) s += (last === first + 1 ? "," : "-") + String(last);
  }
  return s;
}

/** has: whether `index` is in the intervals. */
export function intervalsHave(intervals: Intervals, index: number): boolean {
  for (let i = 0; i < intervals.length; i += 2) {
    if (index < intervals[i]) return false;
    if (index <= intervals[i + 1]) return true;
  }
  return false;
}

/** Numbers ascending, each once: the form withOrderedIndexes takes new indexes in. */
export function ascendingOnce(indexes: Iterable<number>): number[] {
  return [...new Set(indexes)].sort((a, b) => a - b);
}

/** The completion indexes of `pods` that are set (every pod of an Indexed Job has one here), ascending, once each. */
export function podIndexes(pods: readonly PodRecord[]): number[] {
  const out: number[] = [];
  for (const p of pods) if (p.completionIndex !== NONE) out.push(p.completionIndex);
  return ascendingOnce(out);
}

/** getValidPodsWithFilter's index test: the pod has a completion index below `completions`. */
export function hasValidIndex(pod: PodRecord, completions: number): boolean {
  return pod.completionIndex !== NONE && pod.completionIndex < completions;
}

/** byCompletionIndex, stable: creation order within an index, so that the simulation is
 * deterministic — upstream's sort.Sort is stable only for the short lists it sorts by insertion. */
export function byCompletionIndex(pods: readonly PodRecord[]): PodRecord[] {
  return [...pods].sort((a, b) => a.completionIndex - b.completionIndex);
}

/** merge: the union of two interval lists. */
export function mergeIntervals(a: Intervals, b: Intervals): Intervals {
  const out: Intervals = [];
  const add = (first: number, last: number) => {
    const n = out.length;
    if (n === 0 || first > out[n - 1] + 1) out.push(first, last);
    else if (out[n - 1] < last) out[n - 1] = last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] < b[j]) {
      add(a[i], a[i + 1]);
      i += 2;
    } else {
      add(b[j], b[j + 1]);
      j += 2;
    }
  }
  for (; i < a.length; i += 2) add(a[i], a[i + 1]);
  for (; j < b.length; j += 2) add(b[j], b[j + 1]);
  return out;
}

/**
 * firstPendingIndexes: the lowest `count` indexes below `completions` not succeeded, not failed
 * (backoffLimitPerIndex) and not held by an active pod (nor, with podReplacementPolicy Failed,
 * by a terminating one).
 */
export function firstPendingIndexes(
  succeeded: Intervals,
  heldIndexes: readonly number[],
  count: number,
  completions: number,
  failed: Intervals | null = null,
): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  let nonPending = withOrderedIndexes(succeeded, heldIndexes);
  if (failed !== null) nonPending = mergeIntervals(nonPending, failed);
  let candidate = 0;
  for (let i = 0; i < nonPending.length; i += 2) {
    for (; candidate < completions && out.length < count && candidate < nonPending[i]; candidate++)
      out.push(candidate);
    if (candidate < nonPending[i + 1] + 1) candidate = nonPending[i + 1] + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}

/**
 * appendDuplicatedIndexPodsForRemoval: active pods an Indexed Job deletes whatever its
 * parallelism — those without an index, those whose index is at or past `completions`, and all
 * but one of the pods sharing an index (the one kept is the last in ActivePods order, the one
 * furthest along). `left` gets the others, in index order.
 */
export function duplicatedIndexPodsForRemoval(
  active: readonly PodRecord[],
  completions: number,
): { rm: PodRecord[]; left: PodRecord[] } {
  const rm: PodRecord[] = [];
  const left: PodRecord[] = [];
  const sorted = byCompletionIndex(active);
  let i = 0;
  while (i < sorted.length) {
    const ix = sorted[i].completionIndex;
    let j = i + 1;
    while (j < sorted.length && sorted[j].completionIndex === ix) j++;
    const group = sorted.slice(i, j);
    if (ix === NONE) rm.push(...group);
    else if (ix >= completions) {
      rm.push(...sorted.slice(i));
      break;
    } else if (group.length === 1) left.push(group[0]);
    else {
      group.sort(compareForRemoval);
      rm.push(...group.slice(0, -1));
      left.push(group[group.length - 1]);
    }
    i = j;
  }
  return { rm, left };
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the Job name cut so that it fits 58 characters. */
export function indexedPodGenerateName(jobName: string, index: number): string {
  const append = `-${index}-`;
  const prefix = jobName + append;
  if (prefix.length <= MAX_GENERATED_NAME_PREFIX) return prefix;
  return prefix.slice(0, MAX_GENERATED_NAME_PREFIX - append.length) + append;
}

/**
 * calculateSucceededIndexes, into the sync context: the indexes `.status.completedIndexes`
 * holds, and those with the indexes of succeeded pods not yet counted (still carrying the
 * tracking finalizer) added.
 */
export function succeededIndexes(ctx: SyncContext): void {
  const job = ctx.job;
  const completions = job.view.completions;
  ctx.prevSucceededIndexes = parseIndexIntervals(job.status.completedIndexes, completions);
  const fresh: number[] = [];
  for (const p of job.pods)
    if (p.phase === PodPhase.Succeeded && hasValidIndex(p, completions) && p.trackingFinalizer)
      fresh.push(p.completionIndex);
  ctx.succeededIndexes = withOrderedIndexes(ctx.prevSucceededIndexes, ascendingOnce(fresh));
}
