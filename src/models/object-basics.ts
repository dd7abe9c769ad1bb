/**
 * The vocabulary of the stored objects (objects.ts re-exports all of it): the NONE sentinel,
 * API time, pod phases, restart policies and container states.
 */

/** Truncates to the whole second, as metav1.Time serialises (the epoch is a whole second). */
export function apiTime(ms: number): number {
  return ms - (ms % 1000);
}

export const NONE = -1;

export enum PodPhase {
  Pending = 0,
  Running = 1,
  Succeeded = 2,
  Failed = 3,
}
export const POD_PHASE_NAMES = ["Pending", "Running", "Succeeded", "Failed"] as const;

export function isTerminal(phase: PodPhase): boolean {
  return phase === PodPhase.Succeeded || phase === PodPhase.Failed;
}

export enum RestartPolicy {
  Never = 0,
  OnFailure = 1,
  Always = 2,
}

export enum ContainerState {
  Waiting = 0,
  Running = 1,
  Terminated = 2,
}

/**
 * An empty array whose elements kind is already V8's generic one (PACKED_ELEMENTS), for the
 * hot path's lists of objects and strings. A `[]` in a class field starts as a list of small
 * integers and changes kind at its first push of an object; code compiled for the earlier
 * models' (generic) arrays then meets a new model's (integer) ones and is thrown away — each
 * new Monte Carlo model of a sweep ran its first thousands of runs 2–5× slower for it. A
 * performance trick only: the array behaves as `[]` in every other way.
 */
export function objectList<T>(): T[] {
  const list = [undefined] as unknown as T[];
  list.pop();
  return list;
}
