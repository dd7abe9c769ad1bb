import { apiTime, ContainerState, type ContainerStatus, NONE, type PodRecord } from "../objects.js";

/**
 * The Job controller's pod-failure back-off (pkg/controller/job/backoff_utils.go, since the
 * v1.27 refactor of PR #114768): an in-memory record per Job of the failures since the last
 * success and the time of the last one; a replacement pod waits
 * min(10 s · 2^(n−1), 10 min) after the last failure's finish time.
 */

/** DefaultJobPodFailureBackOff: the first failure delays its replacement 10 s. */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff: the delay stops doubling at 10 minutes. */
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** Finish time (API seconds, as ms) of the latest counted failure; NONE when none. */
  lastFailureMs: number;
}

export function emptyBackoff(): BackoffRecord {
  return { failuresAfterLastSuccess: 0, lastFailureMs: NONE };
}

/**
 * The record after a sync that newly saw pods finish (newBackoffRecord upstream). Each list
 * holds finish times; both are sorted here (callers pass scratch arrays). Rules:
 * no news → unchanged; failures only → count += k, last = latest; a success resets, and
 * failures strictly after the latest success count again.
 */
export function nextBackoffRecord(
  old: BackoffRecord,
  succeeded: number[],
  failed: number[],
  out: BackoffRecord,
): BackoffRecord {
  out.failuresAfterLastSuccess = old.failuresAfterLastSuccess;
  out.lastFailureMs = old.lastFailureMs;
  if (succeeded.length === 0) {
    if (failed.length === 0) return out;
    if (failed.length > 1) failed.sort(ascending);
    out.failuresAfterLastSuccess += failed.length;
    out.lastFailureMs = failed[failed.length - 1];
    return out;
  }
  out.failuresAfterLastSuccess = 0;
  out.lastFailureMs = NONE;
  if (failed.length === 0) return out;
  if (succeeded.length > 1) succeeded.sort(ascending);
  if (failed.length > 1) failed.sort(ascending);
  const lastSuccess = succeeded[succeeded.length - 1];
  for (let i = failed.length - 1; i >= 0; i--) {
    if (!(failed[i] > lastSuccess)) break;
    if (out.lastFailureMs === NONE) out.lastFailureMs = failed[i];
    out.failuresAfterLastSuccess++;
  }
  return out;
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** min(10 s · 2^(n−1), 10 min) for n ≥ 1 (getRemainingTimeForFailuresCount's loop). */
export function backoffDurationMs(failures: number): number {
  let d = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= MAX_POD_FAILURE_BACKOFF_MS) return MAX_POD_FAILURE_BACKOFF_MS;
  }
  return d;
}

/** Time left before a replacement may be created; 0 when none is due (exactly equal → 0). */
export function remainingBackoffMs(failures: number, lastFailureMs: number, nowMs: number): number {
  if (failures === 0) return 0;
  const backoff = backoffDurationMs(failures);
  const elapsed = nowMs - lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

/**
 * A pod's finish time (getFinishedTime): the latest container finishedAt when every container
 * terminated; else the Ready=False transition; else deletionTimestamp − grace; else creation.
 *
 * getFinishTimeFromContainers (backoff_utils.go, since kubernetes/kubernetes PR #124942, 1.31):
 * the regular containers' latest finishedAt (none unless all terminated), then the sidecars'
 * (restartable init containers only) folded into it — a pass that starts from the first one's
 * result even when that is none, so a pod whose regular containers never all ended (an init
 * container failed) takes its stopped sidecars' latest finishedAt.
 */
export function podFinishedMs(pod: PodRecord): number {
  let latest = latestFinish(pod.containers, NONE, false);
  if (pod.sidecarCount > 0) latest = latestFinish(pod.initContainers, latest, true);
  if (latest !== NONE) return latest;
  if (!pod.ready && pod.readyMs !== NONE) return pod.readyMs;
  if (pod.deletionMs !== NONE) return pod.deletionMs - Math.max(0, pod.deletionGraceSeconds) * 1000;
  return pod.creationMs;
}

/** latestFinishTime: `prev` raised to every container's finishedAt (only sidecars' when
 * `sidecarsOnly`); NONE (nil) as soon as one has not terminated with a finishedAt. */
function latestFinish(list: readonly ContainerStatus[], prev: number, sidecarsOnly: boolean): number {
  let latest = prev;
  for (const c of list) {
    if (sidecarsOnly && !c.sidecar) continue;
    // (An unknown state — ContainerStatusUnknown — has no finishedAt: the zero time.)
    if (
      c.state !== ContainerState.Terminated ||
      c.statusUnknown ||
      c.current === null ||
      c.current.finishedMs === NONE
    )
      return NONE;
    const f = apiTime(c.current.finishedMs);
    if (latest === NONE || f > latest) latest = f;
  }
  return latest;
}
