import type { JobRecord, NodeRecord, PodRecord } from "./objects.js";

/**
 * What the simulated API server's watches deliver (store.ts): the event type and the listener
 * per kind of object. A listener gets the object itself after the write, as an informer's
 * handler gets the new object.
 */

export enum WatchType {
  Added = 0,
  Modified = 1,
  Deleted = 2,
}
export const WATCH_TYPE_NAMES = ["ADDED", "MODIFIED", "DELETED"] as const;

export interface JobListener {
  /** `generationChanged` is true when the spec changed (the controller syncs at once then). */
  onJob(type: WatchType, job: JobRecord, generationChanged: boolean): void;
}
export interface PodListener {
  onPod(type: WatchType, pod: PodRecord): void;
}
export interface NodeListener {
  onNode(type: WatchType, node: NodeRecord): void;
}
