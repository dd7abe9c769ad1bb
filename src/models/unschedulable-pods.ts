import type { PodRecord } from "./objects.js";

/**
 * The scheduling queue's move from unschedulablePods back to the active queue
 * (scheduling_queue.go movePodsToActiveOrBackoffQueue, flushUnschedulablePodsLeftover): the pods
 * `due` picks go to `queue` in list order, the others stay in theirs. Whether any moved.
 * (Kept apart from scheduler.ts so that file stays readable.)
 */
export function movePods(list: PodRecord[], queue: PodRecord[], due: (pod: PodRecord) => boolean): boolean {
  let kept = 0;
  let moved = false;
  for (let i = 0; i < list.length; i++) {
    const pod = list[i];
    if (due(pod)) {
      queue.push(pod);
      moved = true;
    } else list[kept++] = pod;
  }
  list.length = kept;
  return moved;
}
