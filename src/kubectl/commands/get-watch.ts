import type { EventListener } from "../../models/events.js";
import type { JobListener, NodeListener, PodListener, WatchType } from "../../models/store.js";
import type { KubectlContext } from "../context.js";
import type { ResourceKind } from "../resources.js";
import type { Obj } from "./get-objects.js";

/**
 * `kubectl get -w`: after the list, every watch event on the one resource type
 * (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go `watch`: `r.Watch(rv)` from the list's
 * resourceVersion, so no synthetic ADDED for what was listed) is printed as it arrives, until
 * the session's next kubectl command interrupts it. Jobs and Pods come from the store's
 * watches, Events from the recorder's (a new Event is ADDED, a repeat that patches its count
 * MODIFIED), Nodes from the node watch. Namespaces change only through kubectl commands, which
 * end the watch first, so their watch prints nothing.
 */

export interface WatchSpec {
  kind: ResourceKind;
  /** Whether a changed object is one the request selected (namespace, names, selectors). */
  matches(o: Obj): boolean;
  /** What the watch's printer writes for one event ("" for nothing). */
  print(type: WatchType, o: Obj): string;
}

export function startWatch(ctx: KubectlContext, spec: WatchSpec): void {
  const store = ctx.cluster.store;
  const emit = (type: WatchType, o: Obj) => {
    if (!spec.matches(o)) return;
    const text = spec.print(type, o);
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
