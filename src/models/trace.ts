import type { Materializer } from "./materialize.js";
import type { JobRecord, PodRecord } from "./objects.js";
import { type Store, WATCH_TYPE_NAMES, type WatchType } from "./store.js";

/**
 * The trace of a session: one JSON line per change to a Job or Pod — simulated time in ms,
 * the watch event type, kind, namespace, name, and the fields that changed (dotted paths with
 * [i] for list elements; a removed field is null, listed before the fields set). An ADDED line
 * carries the whole object. Applied in order to the previous object, a line's changes give the
 * new one.
 * resourceVersion is left out: it changes on every write and says nothing more.
 */

export interface TraceLine {
  t: number;
  type: string;
  kind: string;
  namespace: string;
  name: string;
  object?: unknown;
  changed?: Record<string, unknown>;
}

/**
 * An object's leaves by dotted path, with each leaf's ancestor paths. The ancestors are kept
 * from the object's structure, not read back from the path text: a label key such as
 * `app.kubernetes.io/name` holds dots that are no nesting.
 */
export interface Flat {
  leaves: Map<string, unknown>;
  ancestors: Map<string, readonly string[]>;
}

export class TraceRecorder {
  private readonly previous = new Map<object, Flat>();

  constructor(
    private readonly store: Store,
    private readonly materializer: Materializer,
    private readonly sink: (line: TraceLine) => void,
  ) {
    store.watchJobs(this);
    store.watchPods(this);
  }

  onJob(type: WatchType, job: JobRecord): void {
    this.emit(type, "Job", job, job.namespace, job.name, () => this.materializer.job(job));
  }

  onPod(type: WatchType, pod: PodRecord): void {
    this.emit(type, "Pod", pod, pod.namespace, pod.name, () => this.materializer.pod(pod));
  }

  detach(): void {
    this.store.unwatch(this);
  }

  private emit(
    type: WatchType,
    kind: string,
    key: object,
    namespace: string,
    name: string,
    build: () => unknown,
  ): void {
    const t = this.store.now;
    const typeName = WATCH_TYPE_NAMES[type];
    if (typeName === "DELETED") {
      this.previous.delete(key);
      this.sink({ t, type: typeName, kind, namespace, name });
      return;
    }
    const obj = stripResourceVersion(build());
    const flat = flatten(obj);
    const before = this.previous.get(key);
    this.previous.set(key, flat);
    if (before === undefined) {
      this.sink({ t, type: typeName, kind, namespace, name, object: obj });
      return;
    }
    this.sink({ t, type: typeName, kind, namespace, name, changed: changes(before, flat) });
  }
}

function stripResourceVersion(obj: unknown): unknown {
  const o = obj as { metadata?: Record<string, unknown> };
  if (o.metadata) delete o.metadata.resourceVersion;
  return obj;
}

/**
 * The changes from `before` to `after` (flattened): first the removed paths, then the paths set.
 * A path that was a leaf (an empty {} or []) and now holds fields is not removed, nor is a field
 * whose parent is now a leaf itself (set below): each would undo the other when applied.
 */
export function changes(before: Flat, after: Flat): Record<string, unknown> {
  const interior = new Set<string>();
  for (const list of after.ancestors.values()) for (const p of list) interior.add(p);
  const changed: Record<string, unknown> = {};
  for (const [k, ancestors] of before.ancestors) {
    if (after.leaves.has(k) || interior.has(k)) continue;
    if (ancestors.some((p) => after.leaves.has(p))) continue;
    changed[k] = null;
  }
  for (const [k, v] of after.leaves)
    if (!before.leaves.has(k) || before.leaves.get(k) !== v)
      changed[k] = v === EMPTY_OBJECT ? {} : v === EMPTY_LIST ? [] : v;
  return changed;
}

const EMPTY_OBJECT = Symbol("{}");
const EMPTY_LIST = Symbol("[]");

/** Leaf values by dotted path (under `prefix`); empty objects and lists are leaves. */
export function flatten(value: unknown, prefix = ""): Flat {
  const out: Flat = { leaves: new Map(), ancestors: new Map() };
  flattenInto(value, prefix, [], out);
  return out;
}

function flattenInto(value: unknown, path: string, ancestors: readonly string[], out: Flat): void {
  const leaf = (v: unknown) => {
    out.leaves.set(path, v);
    out.ancestors.set(path, ancestors);
  };
  const below = path === "" ? ancestors : [...ancestors, path];
  if (Array.isArray(value)) {
    if (value.length === 0) leaf(EMPTY_LIST);
    value.forEach((v, i) => {
      flattenInto(v, `${path}[${i}]`, below, out);
    });
  } else if (value !== null && typeof value === "object") {
    const keys = Object.keys(value as object).sort();
    if (keys.length === 0) leaf(EMPTY_OBJECT);
    for (const k of keys)
      flattenInto((value as Record<string, unknown>)[k], path ? `${path}.${k}` : k, below, out);
  } else leaf(value);
}
