import type { EventListener } from "../../models/events.js";
import { type JobListener, type NodeListener, type PodListener, WatchType } from "../../models/store.js";
import type { KubectlContext } from "../context.js";
import type { ResourceKind } from "../resources.js";
import { materialize, type Obj } from "./get-objects.js";

/**
 * `kubectl get -w`: after the list, every watch event on the one resource type
 * (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go `watch`: `r.Watch(rv)` from the list's
 * resourceVersion, so no synthetic ADDED for what was listed) is printed as it arrives, until
 * the session's next kubectl command interrupts it. Jobs and Pods come from the store's
 * watches, Events from the recorder's (a new Event is ADDED, a repeat that patches its count
 * MODIFIED), Nodes from the node watch. Namespaces change only through kubectl commands, which
 * end the watch first, so their watch prints nothing.
 *
 * With selectors the API server filters each event by the object's state before and after it
 * (apiserver pkg/storage/cacher/cache_watcher.go `convertToWatchEvent`): ADDED when the object
 * comes to match, MODIFIED while it matches, and DELETED — carrying the object as it was when
 * it last matched — when it stops matching or goes.
 */

export interface WatchSpec {
  kind: ResourceKind;
  /** The objects listed (matching) when the watch starts. */
  listed: Obj[];
  /** Whether the object, in its API form `obj`, is one the request selects. */
  matches(o: Obj, obj: unknown): boolean;
  /** What the watch's printer writes for one event ("" for nothing). */
  print(type: WatchType, obj: unknown): string;
}

/**
 * The DELETED event's object: the previous object's content with the event's resourceVersion
 * (cache_watcher.go `convertToWatchEvent` calls updateResourceVersion on the PrevObject), so a
 * deletion shows a resourceVersion newer than the last MODIFIED.
 */
function withResourceVersionOf(before: unknown, now: unknown): unknown {
  const meta = (before as { metadata?: Record<string, unknown> }).metadata;
  const rv = (now as { metadata?: { resourceVersion?: unknown } }).metadata?.resourceVersion;
  if (meta === undefined || rv === undefined) return before;
  return { ...(before as object), metadata: { ...meta, resourceVersion: rv } };
}

export function startWatch(ctx: KubectlContext, spec: WatchSpec): void {
  const store = ctx.cluster.store;
  // The API object each matching record had at its last event: the "previous object" the
  // server compares against.
  const matching = new Map<object, unknown>();
  for (const o of spec.listed) matching.set(o.record, materialize(ctx, o));
  const emit = (type: WatchType, o: Obj) => {
    const obj = materialize(ctx, o);
    const passes = type !== WatchType.Deleted && spec.matches(o, obj);
    const before = matching.get(o.record);
    let text: string;
    if (passes) {
      matching.set(o.record, obj);
      text = spec.print(before === undefined ? WatchType.Added : WatchType.Modified, obj);
    } else if (before !== undefined) {
      matching.delete(o.record);
      text = spec.print(WatchType.Deleted, withResourceVersionOf(before, obj));
    } else return;
    if (text !== "") ctx.emitWatch(text);
  };
  switch (spec.kind) {
    case "jobs": {
      const l: JobListener = { onJob: (t, job) => emit(t, { kind: "jobs", name: job.name, record: job }) };
      store.watchJobs(l);
      ctx.startWatch(() => store.unwatch(l));
      return;
    }
    case "pods": {
      const l: PodListener = { onPod: (t, pod) => emit(t, { kind: "pods", name: pod.name, record: pod }) };
      store.watchPods(l);
      ctx.startWatch(() => store.unwatch(l));
      return;
    }
    case "nodes": {
      const l: NodeListener = {
        onNode: (t, node) => emit(t, { kind: "nodes", name: node.name, record: node }),
      };
      store.watchNodes(l);
      ctx.startWatch(() => store.unwatch(l));
      return;
    }
    case "events": {
      const recorder = ctx.cluster.recorder;
      if (recorder === null) break;
      const l: EventListener = (t, e) => emit(t, { kind: "events", name: e.name, record: e });
      recorder.watch(l);
      ctx.startWatch(() => recorder.unwatch(l));
      return;
    }
    default:
      break;
  }
  ctx.startWatch(() => {});
}
