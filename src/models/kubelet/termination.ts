import { type ContainerRun, ContainerState, type ContainerStatus, NONE, type PodRecord } from "../objects.js";
import { MINIMUM_KILL_GRACE_SECONDS } from "./actions.js";
import { enterTerminated } from "./container-transitions.js";

/**
 * Killing a pod's containers on deletion (kuberuntime_container.go killContainer): each running
 * container gets SIGTERM and has the grace period to exit. One that stops within it exits as its
 * image's onSigterm says (143, 128 + SIGTERM, with nothing written, for a process that does not
 * handle the signal) after its own termination time; one that does not is killed at the end of
 * the grace period with 137 (128 + SIGKILL) and writes nothing. A container whose process ends by
 * itself before either keeps its own exit. Killed containers write no outcome log line.
 */

/** The exit code of a container SIGKILLed: 128 + the signal number (SIGTERM's is the image's
 * onSigterm, 143 by default: workload.ts DEFAULT_ON_SIGTERM). */
export const EXIT_CODE_SIGKILL = 137;

/**
 * Sets each running container's exit for a kill starting at `now` and returns when the last
 * one has exited. `graceSeconds` is the grace period killContainer starts from (before the
 * 2 s minimum), `graceMs` the one it gives a container without a preStop hook (after it).
 * `stopMs(c, run)` is asked, in container order, for each container still running (and only
 * those): how long it takes to stop after SIGTERM.
 */
export function planKill(
  pod: PodRecord,
  now: number,
  graceSeconds: number,
  graceMs: number,
  stopMs: (c: ContainerStatus, run: ContainerRun) => number,
): number {
  if (pod.sidecarCount > 0) return planKillWithSidecars(pod, now, graceSeconds, graceMs, stopMs);
  // (A running init container is killed like a regular one; at most one runs at a time.)
  const doneAt = Math.max(
    planKillOf(pod.initContainers, now, graceSeconds, graceMs, stopMs),
    planKillOf(pod.containers, now, graceSeconds, graceMs, stopMs),
  );
  return Math.max(doneAt, lastExit(pod.initContainers, now), lastExit(pod.containers, now));
}

function planKillOf(
  list: readonly ContainerStatus[],
  now: number,
  graceSeconds: number,
  graceMs: number,
  stopMs: (c: ContainerStatus, run: ContainerRun) => number,
): number {
  let doneAt = now;
  for (const c of list)
    if (c.state === ContainerState.Running)
      doneAt = Math.max(doneAt, killContainer(c, now, graceSeconds, graceMs, stopMs));
  return doneAt;
}

/** killRun for a container that may have a preStop sleep (killContainer's preStop step). */
function killContainer(
  c: ContainerStatus,
  now: number,
  graceSeconds: number,
  graceMs: number,
  stopMs: (c: ContainerStatus, run: ContainerRun) => number,
): number {
  if (c.preStopSleepMs === NONE || graceSeconds <= 0) return killRun(c, now, graceMs, stopMs);
  const run = c.current!;
  if (run.exitAtMs <= now) return run.exitAtMs; // not running: no hook, no kill
  // The Killing event comes before the hook (killContainer records it first).
  const stop = stopMs(c, run);
  const waitedMs = preStopWaitMs(c, graceSeconds);
  const left = Math.max(graceSeconds - waitedMs / 1000, MINIMUM_KILL_GRACE_SECONDS);
  return signal(c, run, now + waitedMs, left * 1000, stop);
}

/**
 * How long killContainer waits for a preStop sleep (kuberuntime_container.go executePreStopHook):
 * for the hook or for the grace period, whichever ends first — whole seconds, as the sleep is,
 * and as the elapsed time it returns is truncated to.
 */
function preStopWaitMs(c: ContainerStatus, graceSeconds: number): number {
  return Math.min(c.preStopSleepMs, graceSeconds * 1000);
}

/**
 * SIGTERM to running container `c` at `at`, with `graceMs` before SIGKILL: sets when and how its
 * run ends, and returns that instant. A run that ends by itself first keeps its own exit.
 */
export function killRun(
  c: ContainerStatus,
  at: number,
  graceMs: number,
  stopMs: (c: ContainerStatus, run: ContainerRun) => number,
): number {
  const run = c.current!;
  if (run.exitAtMs <= at) return run.exitAtMs; // already ended; the kill finds it exited
  return signal(c, run, at, graceMs, stopMs(c, run));
}

/** SIGTERM at `at` to container `c`'s run, which takes `stop` ms to exit on it, SIGKILL `graceMs` later. */
function signal(c: ContainerStatus, run: ContainerRun, at: number, graceMs: number, stop: number): number {
  if (run.exitAtMs <= at) return run.exitAtMs; // ended by itself (during the preStop hook)
  const natural = run.exitAtMs - at;
  if (natural <= Math.min(stop, graceMs)) return run.exitAtMs;
  if (stop <= graceMs) {
    // The runtime's reason is the exit's (containerd: Completed for 0, else Error), as for any exit.
    const onSigterm = c.behaviour.spec.onSigterm;
    run.exitAtMs = at + stop;
    run.exitCode = onSigterm.exitCode;
    run.reason = onSigterm.reason ?? (onSigterm.exitCode === 0 ? "Completed" : "Error");
    run.exitLog = run.sigtermLog; // stopped before it wrote its outcome: what its handler writes
  } else {
    run.exitAtMs = at + graceMs;
    run.exitCode = EXIT_CODE_SIGKILL;
    run.reason = "Error";
    run.exitLog = null;
  }
  return run.exitAtMs;
}

/**
 * The kill of a pod with sidecars (kuberuntime_termination_order.go, PR #120620, 1.29): the regular
 * containers — and a running init container — get SIGTERM at once; each sidecar waits for them
 * and for the sidecar after it in spec order, so the sidecars stop in reverse spec order. The
 * grace period is one budget counted from the start of the kill (killContainer,
 * setTerminationGracePeriod): a sidecar gets what is left when its turn comes, the wait taken
 * off in whole seconds, and never less than minimumGracePeriodInSeconds (2 s). `stopMs` is asked
 * (and a Killing event recorded: killContainer records it before waiting its turn) for each
 * container still running, the regular ones first, then the sidecars in reverse order. Returns
 * when the last one has exited.
 */
export function planKillWithSidecars(
  pod: PodRecord,
  now: number,
  graceSeconds: number,
  graceMs: number,
  stopMs: (c: ContainerStatus, run: ContainerRun) => number,
): number {
  let turnAt = now;
  for (const list of [pod.initContainers, pod.containers])
    for (const c of list)
      if (!c.sidecar && c.state === ContainerState.Running)
        turnAt = Math.max(turnAt, killContainer(c, now, graceSeconds, graceMs, stopMs));
  const inits = pod.initContainers;
  for (let j = inits.length - 1; j >= 0; j--) {
    const c = inits[j];
    if (!c.sidecar || c.state !== ContainerState.Running) continue;
    if (c.preStopSleepMs !== NONE && graceSeconds > 0) {
      turnAt = Math.max(turnAt, sidecarAfterPreStop(c, now, turnAt, graceSeconds, stopMs));
      continue;
    }
    const waitedMs = Math.floor((turnAt - now) / 1000) * 1000;
    const left = Math.max(graceMs - waitedMs, MINIMUM_KILL_GRACE_SECONDS * 1000);
    turnAt = Math.max(turnAt, killRun(c, turnAt, left, stopMs));
  }
  return turnAt;
}

/**
 * A sidecar with a preStop sleep (killContainer): the hook runs from the start of the kill,
 * alongside the regular containers' shutdown, and takes its time off the grace period; only then
 * does the sidecar wait its turn (`turnAt`: the containers it waits for have exited) for at most
 * the grace left (waitForTurn, none when nothing is left), that wait taken off in whole seconds;
 * SIGTERM then, with what is left, at least 2 s. Returns when it exits.
 */
function sidecarAfterPreStop(
  c: ContainerStatus,
  now: number,
  turnAt: number,
  graceSeconds: number,
  stopMs: (c: ContainerStatus, run: ContainerRun) => number,
): number {
  const run = c.current!;
  if (run.exitAtMs <= now) return run.exitAtMs;
  const stop = stopMs(c, run);
  const hookEnd = now + preStopWaitMs(c, graceSeconds);
  let left = graceSeconds - (hookEnd - now) / 1000;
  let termAt = hookEnd;
  if (left > 0) {
    termAt = Math.max(hookEnd, Math.min(turnAt, hookEnd + left * 1000));
    left -= Math.floor((termAt - hookEnd) / 1000);
  }
  return signal(c, run, termAt, Math.max(left, MINIMUM_KILL_GRACE_SECONDS) * 1000, stop);
}

/** When the last running container of `list` exits (`now` if none runs). */
function lastExit(list: readonly ContainerStatus[], now: number): number {
  let doneAt = now;
  for (const c of list)
    if (c.state === ContainerState.Running) doneAt = Math.max(doneAt, c.current!.exitAtMs);
  return doneAt;
}

/**
 * A kill under way is asked again with a SIGKILL at `deadline` (a shorter grace period): each
 * container still running is told (`again`, in container order), and one that would exit after
 * the deadline is killed then (137). Returns when the last one has exited.
 */
export function replanKill(
  pod: PodRecord,
  now: number,
  deadline: number,
  again: (c: ContainerStatus) => void,
): number {
  return Math.max(
    replanKillOf(pod.initContainers, now, deadline, again),
    replanKillOf(pod.containers, now, deadline, again),
  );
}

function replanKillOf(
  list: readonly ContainerStatus[],
  now: number,
  deadline: number,
  again: (c: ContainerStatus) => void,
): number {
  let doneAt = now;
  for (const c of list) {
    if (c.state !== ContainerState.Running) continue;
    const run = c.current!;
    if (run.exitAtMs > now) {
      again(c);
      if (run.exitAtMs > deadline) {
        run.exitAtMs = deadline;
        run.exitCode = EXIT_CODE_SIGKILL;
        run.reason = "Error";
        run.exitLog = null;
      }
    }
    doneAt = Math.max(doneAt, run.exitAtMs);
  }
  return doneAt;
}

/**
 * The kill is over; the container states of the pod worker's last status (kubelet.go
 * SyncTerminatingPod and SyncTerminatedPod, status_manager.go TerminatePod):
 *  - a running container has terminated at its planned exit;
 *  - a container waiting to restart (CrashLoopBackOff) in a deleted pod shows its latest run
 *    again: ShouldContainerBeRestarted (kubelet/container/helpers.go) is false once the pod has
 *    a deletionTimestamp, so convertToAPIContainerStatuses puts no Waiting state over it;
 *  - every other container not terminated — never started, or waiting to restart in a pod that
 *    was not deleted (past its own activeDeadlineSeconds) — is reported terminated with reason
 *    ContainerStatusUnknown and exit code 137 ("because we do not know whether the container
 *    was successful, always report an error"). TerminatePod does this for regular containers once
 *    the pod has initialized, and for the init containers up to the last that ever started.
 */
export function terminateContainers(pod: PodRecord): void {
  if (pod.deletionMs !== NONE) showLastRuns(pod);
  const inits = pod.initContainers;
  if (inits.length > 0) {
    // Init containers: the prefix up to the last one that ever started (at least the first); the
    // waiting ones after it stay waiting (status_manager.go initializedContainers).
    let last = 0;
    for (let j = inits.length - 1; j > 0; j--)
      if (inits[j].current !== null) {
        last = j;
        break;
      }
    for (let j = 0; j <= last; j++) terminate(inits[j]);
    // Regular containers only once the pod has initialized (hasPodInitialized: the last init
    // container exited 0, or a regular container ever left Waiting).
    if (!pod.initDone && !pod.containers.some((c) => c.current !== null)) return;
  }
  for (const c of pod.containers) terminate(c);
}

function terminate(c: ContainerStatus): void {
  if (c.state === ContainerState.Running) enterTerminated(c);
  if (c.state !== ContainerState.Terminated) {
    c.state = ContainerState.Terminated;
    c.statusUnknown = true;
    c.ready = false;
    c.pulling = false;
  }
}

/** A container waits to restart (CrashLoopBackOff): its latest run is over. */
function waitsToRestart(c: ContainerStatus): boolean {
  return c.state === ContainerState.Waiting && c.current !== null;
}

export function hasCrashLoop(pod: PodRecord): boolean {
  return pod.containers.some(waitsToRestart) || pod.initContainers.some(waitsToRestart);
}

/**
 * A deleted pod's containers waiting to restart show their latest run (Terminated) again:
 * ShouldContainerBeRestarted is false once the pod has a deletionTimestamp. Returns whether any
 * changed.
 */
export function showLastRuns(pod: PodRecord): boolean {
  let changed = false;
  for (const list of [pod.initContainers, pod.containers])
    for (const c of list)
      if (waitsToRestart(c)) {
        c.state = ContainerState.Terminated;
        changed = true;
      }
  return changed;
}

/**
 * The pod went terminal while its sidecars were all stopped — one waiting to restart after an
 * exit: getPhase does not count it — so nothing is killed and nothing restarts (the kubelet does
 * not run SyncPod for a terminal pod): a sidecar waiting to restart shows its last run, and the
 * pod's pending restarts are dropped.
 */
export function sidecarsLeftStopped(
  pod: PodRecord,
  st: { cancelPending(cancel: (handle: number) => void): void },
  cancel: (handle: number) => void,
): void {
  showLastRuns(pod);
  st.cancelPending(cancel);
}
