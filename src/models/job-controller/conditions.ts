import { jobRef } from "../event-refs.js";
import type { EventRecorder } from "../events.js";
import {
  apiTime,
  type JobConditionRecord,
  type JobRecord,
  NONE,
  PodPhase,
  type PodRecord,
  RestartPolicy,
} from "../objects.js";
import { restartSum } from "../pod-status.js";
import { failJobMessage, matchPodFailurePolicy } from "./pod-failure-policy.js";

/**
 * The Job's conditions and the limits that decide them (pkg/controller/job/job_controller.go):
 * a condition record, which pods count as failed, the podFailurePolicy FailJob rule, backoffLimit
 * for OnFailure restarts, activeDeadlineSeconds, and the Suspended condition.
 */

export const JOB_CONTROLLER_COMPONENT = "job-controller";

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): JobConditionRecord {
  const t = apiTime(now);
  return { type, status, reason, message, lastProbeMs: t, lastTransitionMs: t };
}

/** isPodFailed: phase Failed, or (unless podReplacementPolicy is Failed) deleted and not Succeeded. */
export function isPodFailed(pod: PodRecord, job: JobRecord): boolean {
  if (pod.phase === PodPhase.Failed) return true;
  if (job.view.replaceOnlyFailed) return false;
  return pod.deletionMs !== NONE && pod.phase !== PodPhase.Succeeded;
}

/** A FailureTarget condition if a failed pod matches a FailJob rule (first pod in list order);
 * its message only when `withMessage` (a lean cluster writes none). */
export function failJobCondition(
  job: JobRecord,
  now: number,
  withMessage: boolean,
): JobConditionRecord | null {
  for (const pod of job.pods) {
    if (!isPodFailed(pod, job)) continue;
    const m = matchPodFailurePolicy(job.view.podFailurePolicy, pod);
    if (m.action === "FailJob") {
      const message = withMessage ? failJobMessage(m, pod) : "";
      return newCondition("FailureTarget", "True", "PodFailurePolicy", message, now);
    }
  }
  return null;
}

/** OnFailure: restarts of running/pending pods reach backoffLimit (> 0 when the limit is 0). */
export function pastBackoffLimitOnFailure(job: JobRecord): boolean {
  if (job.view.restartPolicy !== RestartPolicy.OnFailure) return false;
  let sum = 0;
  for (const pod of job.pods)
    if (pod.phase === PodPhase.Running || pod.phase === PodPhase.Pending) sum += restartSum(pod);
  return job.view.backoffLimit === 0 ? sum > 0 : sum >= job.view.backoffLimit;
}

export function pastActiveDeadline(job: JobRecord, now: number): boolean {
  const v = job.view;
  if (v.activeDeadlineMs === NONE || job.status.startMs === NONE || v.suspend) return false;
  return now - job.status.startMs >= v.activeDeadlineMs;
}

/** Suspended=True when suspended; flips to False (and resets startTime) on resume. Returns
 * whether the status changed. */
export function updateSuspendCondition(job: JobRecord, now: number, recorder: EventRecorder | null): boolean {
  const status = job.status;
  const cond = job.condition("Suspended");
  if (job.view.suspend) {
    if (cond !== undefined && cond.status === "True" && cond.reason === "JobSuspended") return false;
    const c = newCondition("Suspended", "True", "JobSuspended", "Job suspended", now);
    if (cond !== undefined) Object.assign(cond, c);
    else status.conditions.push(c);
    recorder?.record(jobRef(job), "Normal", "Suspended", "Job suspended", JOB_CONTROLLER_COMPONENT);
    return true;
  }
  if (cond === undefined || (cond.status === "False" && cond.reason === "JobResumed")) return false;
  Object.assign(cond, newCondition("Suspended", "False", "JobResumed", "Job resumed", now));
  recorder?.record(jobRef(job), "Normal", "Resumed", "Job resumed", JOB_CONTROLLER_COMPONENT);
  status.startMs = apiTime(now);
  return true;
}
