import type { EventHandler, Simulation } from "../../engine/simulation.js";
import {
  apiTime,
  type ContainerRun,
  type ContainerStatus,
  containerAt,
  NONE,
  type PodRecord,
} from "../objects.js";
import { Action } from "./actions.js";
import { enterRunning } from "./container-transitions.js";
import { sidecarStarted } from "./pod-phase.js";
import { showReasonCache } from "./pod-restarts.js";
import type { PodState } from "./pod-state.js";

/**
 * A container's start as the pod's status shows it, and postStart hooks cut short by a kill.
 * kuberuntime_container.go startContainer runs a postStart hook after StartContainer and returns
 * only when it is over; the pod worker writes no status until then (kubelet.ts `start`).
 */

/** What the next status shows of container c (number k) and its started `run`. */
export function showStarted(
  pod: PodRecord,
  st: PodState,
  c: ContainerStatus,
  k: number,
  run: ContainerRun,
  now: number,
): void {
  st.crashLoopMessage[k] = null; // a successful StartContainer clears the reason cache
  enterRunning(c, run);
  if (c.sidecar) sidecarStarted(pod, c, now);
  // The status of the sync after the start (PLEG ContainerStarted) shows what the reason cache
  // holds for the pod's other containers.
  showReasonCache(pod, st);
  if (!pod.readyToStartContainers) {
    pod.readyToStartContainers = true;
    pod.readyToStartContainersMs = apiTime(now);
  }
  pod.ipReported = true;
}

/**
 * A kill starts while postStart hooks are under way: their containers' processes run, and the
 * kill stops them with the others. Upstream the pod worker cancels the sync, which ends the sleep
 * with an error (handlers.go runSleepHandler) — the FailedPostStartHook event and kill that
 * follow are not simulated (docs/fidelity.md).
 */
export function endPostStarts(pod: PodRecord, st: PodState, now: number): void {
  st.postStartEndMs = NONE;
  const runs = st.postStartRun;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k];
    if (run === null) continue;
    runs[k] = null;
    showStarted(pod, st, containerAt(pod, k), k, run, now);
  }
}

/**
 * While a postStart hook runs the pod worker is inside SyncPod (pod_workers.go runs one sync of a
 * pod at a time): another container's exit seen by the PLEG, a crash back-off's retry and the
 * activeDeadlineSeconds check wait for it to return. Such an event of `host` (the kubelet) is put
 * off to the hook's end, after the hook's own end as it is scheduled later; returns whether it was.
 */
export function heldByPostStart(
  sim: Simulation,
  host: EventHandler,
  pod: PodRecord,
  st: PodState,
  action: Action,
  i: number,
): boolean {
  const end = st.postStartEndMs;
  if (sim.now >= end) return false;
  if (action !== Action.ObserveExit && action !== Action.Retry && action !== Action.Deadline) return false;
  const handle = sim.scheduleAt(end, host, action * 256 + i, pod);
  if (action === Action.ObserveExit) st.handles[i] = handle;
  else if (action === Action.Retry) st.retryHandle = handle;
  else st.deadlineHandle = handle;
  return true;
}
