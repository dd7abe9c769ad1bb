import { type ContainerRun, ContainerState, type ContainerStatus } from "../objects.js";

/**
 * The state changes of one container's status as the kubelet reports them
 * (kuberuntime_container.go / kubelet_pods.go convertToAPIContainerStatuses): what becomes
 * `state`, `lastState`, `restartCount`, `ready` and `started`.
 */

/** A new run has started: the previous one becomes lastState, and a restart is counted. */
export function enterRunning(c: ContainerStatus, run: ContainerRun): void {
  if (c.current !== null) {
    c.last = c.current;
    c.restartCount = run.restart;
  }
  c.current = run;
  c.state = ContainerState.Running;
  c.waitingReason = "";
  c.waitingMessage = "";
  c.started = true;
  // A running init container is not ready: only one that exited 0 is (prober_manager.go
  // UpdatePodStatus); a regular one or a sidecar without a readiness probe is ready once running.
  c.ready = !c.init || c.sidecar;
}

/** The running process has ended (seen at a relist, or at the end of a kill). */
export function enterTerminated(c: ContainerStatus): void {
  const run = c.current!;
  run.finishedMs = run.exitAtMs;
  c.state = ContainerState.Terminated;
  c.ready = false;
}

/**
 * Waiting in CrashLoopBackOff with `message`, the last run shown as lastState (previousRun).
 * Returns whether the status changed (the kubelet writes it only then).
 */
export function enterCrashLoop(c: ContainerStatus, message: string): boolean {
  if (
    c.state === ContainerState.Waiting &&
    c.waitingReason === "CrashLoopBackOff" &&
    c.waitingMessage === message
  )
    return false;
  c.state = ContainerState.Waiting;
  c.waitingReason = "CrashLoopBackOff";
  c.waitingMessage = message;
  return true;
}
