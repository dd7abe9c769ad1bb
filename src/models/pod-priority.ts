import type { PodRecord } from "./objects.js";

/** What the scheduler reads of a pod's priority (set by the Priority admission plugin:
 * priority-classes.ts). */

/** The priority the Priority admission plugin gave the pod (0 before it is known). */
export function podPriority(pod: PodRecord): number {
  return pod.owner?.view.priority?.priority ?? 0;
}

/**
 * PrioritySort (the active queue's order): higher priority first, and among equal priorities the
 * pod queued first (framework/plugins/queuesort/priority_sort.go Less). The queue holds pods in
 * the order they were queued, so a stable sort by priority alone gives that order. The scheduler
 * sorts only in a run whose pods have more than one priority (PriorityMix): every single-Job
 * scenario's queue is left as it is.
 */
export function byPriority(queue: PodRecord[]): void {
  queue.sort((a, b) => podPriority(b) - podPriority(a));
}

/** The pod's preemptionPolicy as the Priority admission plugin set it is not Never. */
export function mayPreempt(pod: PodRecord): boolean {
  return pod.owner?.view.priority?.preemptionPolicy !== "Never";
}

/** Whether pods of more than one priority were queued this run: only then can a pod have victims
 * (default_preemption.go isPreemptionAllowed: strictly lower priority), so a one-priority run
 * never dry-runs — one comparison per queued pod until the first other priority. */
export class PriorityMix {
  mixed = false;
  private first = 0;
  private seen = false;

  note(pod: PodRecord): void {
    const p = podPriority(pod);
    if (!this.seen) {
      this.seen = true;
      this.first = p;
    } else if (p !== this.first) this.mixed = true;
  }

  clear(): void {
    this.mixed = false;
    this.seen = false;
  }
}
