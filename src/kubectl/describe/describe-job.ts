/**
 * `kubectl describe job NAME`.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`describeJob`, `capIndexesListOrNone`, `DescribePodTemplate`). Field order:
 * Name, Namespace, Selector, Labels, Annotations, Controlled By, Parallelism, Completions (`<unset>`),
 * Completion Mode, Suspend, Backoff Limit, TTL Seconds After Finished (each only when set), Start Time,
 * Completed At, Duration (HumanDuration(completion − start); only with both times, so a failed job has neither),
 * Active Deadline Seconds, Pods Statuses (`A Active (R Ready) / S Succeeded / F Failed` when status.ready is set),
 * Completed Indexes (Indexed jobs), Pod Template, Events. There is no Conditions section.
 */
import type { Job } from "kubernetes-types/batch/v1.js";
import type { Event } from "kubernetes-types/core/v1.js";
import { humanDuration } from "../durations.js";
import { writeEvents } from "./events.js";
import type { DescribeOptions } from "./options.js";
import {
  controllerOf,
  describePodTemplate,
  labelSelectorString,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from "./sections.js";
import { formatRfc1123z, LEVEL_0, PrefixWriter, parseApiTime } from "./writer.js";

/** `capIndexesListOrNone`: cut after the first comma at or past `softLimit` bytes, with `...`. */
export function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return "<none>";
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ",") ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

/**
 * The text of `kubectl describe job`, ending with a newline. `events` are the events about this job (any
 * order); `null` leaves the Events section out, as `--show-events=false` does.
 */
export function describeJob(
  job: Job,
  events: Event[] | null,
  nowWallMs: number,
  opts: DescribeOptions,
): string {
  const w = new PrefixWriter();
  const meta = job.metadata ?? {};
  const spec = job.spec ?? { template: {} };
  const status = job.status ?? {};

  w.write(LEVEL_0, `Name:\t${meta.name ?? ""}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  const controlledBy = controllerOf(meta);
  if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if (spec.parallelism !== undefined && spec.parallelism !== null)
    w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  if (spec.completions !== undefined && spec.completions !== null)
    w.write(LEVEL_0, `Completions:\t${spec.completions}\n`);
  else w.write(LEVEL_0, "Completions:\t<unset>\n");
  if (spec.completionMode !== undefined && spec.completionMode !== null)
    w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined && spec.suspend !== null) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined && spec.backoffLimit !== null) {
    w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  }
  if (spec.ttlSecondsAfterFinished !== undefined && spec.ttlSecondsAfterFinished !== null) {
    w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  }
  const start = parseApiTime(status.startTime);
  const completion = parseApiTime(status.completionTime);
  if (start !== null) w.write(LEVEL_0, `Start Time:\t${formatRfc1123z(status.startTime, opts)}\n`);
  if (completion !== null)
    w.write(LEVEL_0, `Completed At:\t${formatRfc1123z(status.completionTime, opts)}\n`);
  if (start !== null && completion !== null)
    w.write(LEVEL_0, `Duration:\t${humanDuration(completion - start)}\n`);
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  const active = status.active ?? 0;
  const succeeded = status.succeeded ?? 0;
  const failed = status.failed ?? 0;
  if (status.ready === undefined || status.ready === null) {
    w.write(LEVEL_0, `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`);
  } else {
    w.write(
      LEVEL_0,
      `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`,
    );
  }
  if (spec.completionMode === "Indexed") {
    w.write(LEVEL_0, `Completed Indexes:\t${capIndexesListOrNone(status.completedIndexes ?? "", 50)}\n`);
  }
  describePodTemplate(spec.template, w, opts);
  if (events !== null) writeEvents(w, events, nowWallMs, opts);
  return w.finish();
}
