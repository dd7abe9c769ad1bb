import {
  apiTime,
  ContainerState,
  type ContainerStatus,
  isTerminal,
  NONE,
  PodPhase,
  type PodRecord,
  RestartPolicy,
} from "../objects.js";

/**
 * Pod phase and readiness from container states (pkg/kubelet/kubelet_pods.go getPhase and the
 * Ready/ContainersReady conditions); while init containers run, initializingPhase:
 * - any container waiting to start for the first time → Pending;
 * - else any running — a sidecar too — → Running;
 * - else (all stopped; a sidecar that ended or waits to restart is not counted): Never →
 *   Succeeded if all exited 0, else Failed; OnFailure → Succeeded if all exited 0, else Running
 *   (a failed container restarts); a pod being killed for deletion goes Failed unless every
 *   container succeeded.
 * Terminal phases never revert. ContainersReady = every sidecar and regular container running and
 * ready; Ready = that and every readiness gate met.
 *
 * Returns whether the kubelet must now stop the pod's sidecars (computePodActions: nothing left
 * to keep, KillPod): its regular containers are done and will not run again while a sidecar runs
 * — the pod stays Running until they are stopped, then its phase comes from the regular
 * containers (PodKills.killed) — or an init container failed under restartPolicy Never while a
 * sidecar runs (initializingPhase).
 */
export function updatePhase(pod: PodRecord, now: number, killed = false): boolean {
  if (isTerminal(pod.phase)) return false;
  if (pod.sidecarCount > 0) refreshInitialized(pod, now);
  if (!killed && !pod.initDone && pod.initContainers.length > 0) return initializingPhase(pod, now);
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  for (const c of pod.containers) {
    if (c.state === ContainerState.Running) running++;
    else if (c.state === ContainerState.Waiting && c.last === null && c.current === null) waiting++;
    else {
      const run = c.current;
      if (run !== null && run.exitCode === 0 && !c.statusUnknown) succeeded++;
    }
  }
  const n = pod.containers.length;
  const sidecarsRunning = pod.sidecarCount > 0 && !killed ? runningSidecars(pod) : 0;
  let phase: PodPhase;
  if (killed) phase = succeeded === n ? PodPhase.Succeeded : PodPhase.Failed;
  else if (waiting > 0) phase = PodPhase.Pending;
  else if (running + sidecarsRunning > 0) phase = PodPhase.Running;
  else if (pod.restartPolicy === RestartPolicy.Never)
    phase = succeeded === n ? PodPhase.Succeeded : PodPhase.Failed;
  else if (pod.restartPolicy === RestartPolicy.OnFailure)
    phase = succeeded === n ? PodPhase.Succeeded : PodPhase.Running;
  else phase = PodPhase.Running;
  if (isTerminal(phase)) {
    enterTerminalPhase(pod, phase, now);
    return false;
  }
  pod.phase = phase;
  const t = apiTime(now);
  let containersReady = running === n;
  for (let i = 0; containersReady && i < n; i++) if (!pod.containers[i].ready) containersReady = false;
  if (containersReady && pod.sidecarCount > 0)
    for (const c of pod.initContainers) if (c.sidecar && !c.ready) containersReady = false;
  if (containersReady !== pod.containersReady) {
    pod.containersReady = containersReady;
    pod.containersReadyMs = t;
  }
  // GeneratePodReadyCondition (pkg/kubelet/status/generate.go): Ready also needs each readiness
  // gate's condition True; nothing here sets a custom pod condition, so a gated pod is never Ready.
  const gates = pod.spec.readinessGates;
  const ready = containersReady && (gates === undefined || gates.length === 0);
  if (ready !== pod.ready) {
    pod.ready = ready;
    pod.readyMs = t;
  }
  pod.notReadyReason = containersReady ? "ReadinessGatesNotReady" : "ContainersNotReady";
  // Only sidecars keep it running: are the regular containers done for good?
  return sidecarsRunning > 0 && running === 0 && waiting === 0 && regularDone(pod, succeeded);
}

/** The regular containers, all stopped (`succeeded` of them with exit 0), will not be restarted. */
function regularDone(pod: PodRecord, succeeded: number): boolean {
  if (pod.restartPolicy === RestartPolicy.Never) return true;
  return pod.restartPolicy === RestartPolicy.OnFailure && succeeded === pod.containers.length;
}

/** The sidecars running now. */
function runningSidecars(pod: PodRecord): number {
  let k = 0;
  for (const c of pod.initContainers) if (c.sidecar && c.state === ContainerState.Running) k++;
  return k;
}

/**
 * A terminal phase: the pod stops holding its node's resources, and its readiness conditions
 * turn False.
 */
export function enterTerminalPhase(pod: PodRecord, phase: PodPhase, now: number): void {
  pod.phase = phase;
  pod.terminalMs = now;
  if (pod.readyToStartContainers) {
    pod.readyToStartContainers = false;
    pod.readyToStartContainersMs = apiTime(now);
  }
  markNotReady(pod, phase, now);
}

/**
 * Ready and ContainersReady False for a pod whose status is generated in a terminal phase
 * (pkg/kubelet/status/generate.go generateContainersReadyConditionForTerminalPhase and
 * generatePodReadyConditionForTerminalPhase): reason PodCompleted for Succeeded, PodFailed for
 * Failed. A condition's lastTransitionTime moves only when its status changes
 * (status_manager.go updateLastTransitionTime compares the status, not the reason): a pod that
 * was never ready keeps the time it became not ready — which the Job controller's back-off
 * takes as the finish of a pod whose containers never ran (backoff_utils.go getFinishedTime).
 */
export function markNotReady(pod: PodRecord, phase: PodPhase, now: number): void {
  const t = apiTime(now);
  if (pod.ready) pod.readyMs = t;
  if (pod.containersReady) pod.containersReadyMs = t;
  pod.ready = false;
  pod.containersReady = false;
  pod.notReadyReason = phase === PodPhase.Failed ? "PodFailed" : "PodCompleted";
}

/**
 * getPhase while initialization is pending (kubelet_pods.go): an init container that failed —
 * terminated with a non-zero exit, or waiting to restart after one — fails the pod under
 * restartPolicy Never (a sidecar's exit does not: it restarts whatever the pod's policy);
 * otherwise the pod is Pending (its regular containers have not started). No container is
 * ready, so Ready and ContainersReady stay False as the first status made them.
 */
function initializingPhase(pod: PodRecord, now: number): boolean {
  if (pod.restartPolicy === RestartPolicy.Never) {
    for (const c of pod.initContainers) {
      const run = c.current;
      if (!c.sidecar && run !== null && run.finishedMs !== NONE && (run.exitCode !== 0 || c.statusUnknown)) {
        // Failed — but while a sidecar runs, status_manager.go mergePodStatus keeps the old phase
        // (a terminal phase is written only once no container can run), with the Ready
        // conditions of the Failed phase; the kubelet stops the sidecars first.
        if (pod.sidecarCount > 0 && runningSidecars(pod) > 0) {
          markNotReady(pod, PodPhase.Failed, now);
          return true;
        }
        enterTerminalPhase(pod, PodPhase.Failed, now);
        return false;
      }
    }
  }
  pod.phase = PodPhase.Pending;
  return false;
}

/**
 * An init container exited 0: it is ready (prober_manager.go UpdatePodStatus marks a terminated
 * init container ready when its exit code is 0), and after the last one the pod is Initialized
 * (status/generate.go GeneratePodInitializedCondition: every init container terminated with 0).
 */
export function initContainerSucceeded(pod: PodRecord, c: ContainerStatus, now: number): void {
  c.ready = true;
  initContainerDone(pod, c, now);
}

/** A sidecar started (isInitContainerInitialized: a sidecar counts once it started). */
export function sidecarStarted(pod: PodRecord, c: ContainerStatus, now: number): void {
  if (!pod.initDone) initContainerDone(pod, c, now);
}

function initContainerDone(pod: PodRecord, c: ContainerStatus, now: number): void {
  const inits = pod.initContainers;
  if (c !== inits[inits.length - 1]) return;
  pod.initDone = true;
  if (pod.sidecarCount > 0) refreshInitialized(pod, now);
  else {
    pod.initialized = true;
    pod.initializedMs = apiTime(now);
  }
}

/**
 * The Initialized condition of a pod with sidecars, as every sync generates it afresh
 * (pkg/kubelet/status/generate.go GeneratePodInitializedCondition): True for a Succeeded pod, or
 * once any regular container has started (HasAnyRegularContainerStarted: running or terminated),
 * else True only while every init container is initialized (isInitContainerInitialized: a sidecar
 * is `started`, i.e. running). So a sidecar that is down before the main container started makes
 * it False again ("containers with incomplete status: [sc]") though the kubelet goes on starting
 * the regular containers (podHasInitialized, `initDone`, is its own and stays set).
 */
function refreshInitialized(pod: PodRecord, now: number): void {
  let value = pod.phase === PodPhase.Succeeded;
  // (Not a ContainerStatusUnknown one: status_manager.go TerminatePod writes it after the last
  // status — and its conditions — was generated.)
  for (const c of pod.containers)
    if (c.state === ContainerState.Running || (c.state === ContainerState.Terminated && !c.statusUnknown))
      value = true;
  if (!value && pod.initDone) {
    value = true;
    for (const c of pod.initContainers)
      if (c.sidecar && !(c.started && c.state === ContainerState.Running)) value = false;
  }
  if (value === pod.initialized) return;
  pod.initialized = value;
  pod.initializedMs = apiTime(now);
}

/**
 * The pod's first status (`t`: its API time), which SyncPod writes before the runtime makes the
 * sandbox (kubelet.go: generateAPIPodStatus, then containerRuntime.SyncPod): startTime, the host
 * IP, no pod IP yet, PodReadyToStartContainers False, not ready; Initialized True from the start
 * unless there are init containers to run.
 */
export function setFirstStatus(pod: PodRecord, t: number, hostIP: string): void {
  pod.startTimeMs = t;
  pod.observedGeneration = pod.generation;
  pod.hostIP = hostIP;
  pod.initialized = pod.initContainers.length === 0;
  pod.initDone = pod.initialized;
  pod.initializedMs = t;
  pod.readyMs = t;
  pod.ready = false;
  pod.containersReadyMs = t;
  pod.containersReady = false;
  pod.notReadyReason = "ContainersNotReady";
  pod.readyToStartContainers = false;
  pod.readyToStartContainersMs = t;
}
