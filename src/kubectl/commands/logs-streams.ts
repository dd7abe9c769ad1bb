import {
  type ContainerRun,
  ContainerState,
  type ContainerStatus,
  type PodRecord,
} from "../../models/objects.js";

/**
 * Which pods and containers `kubectl logs` reads, and when a followed stream ends: shared by the
 * command (logs.ts) and by Monte Carlo's replay of `logs -f` steps, which must wait exactly as
 * long as the command would.
 */

export const FOLLOW_LIMIT_MS = 24 * 3_600_000;

/**
 * ByLogging (kubectl pkg/util/podutils): which pod `logs job/x` reads. GetFirstPod sorts the
 * API's list — in name order — with sort.Sort, and ByLogging's last step says "not less" for
 * equal creationTimestamps, which the API keeps in whole seconds: pods created in the same
 * second stay in name order (Go's sort is an insertion sort, so stable, up to 12 pods; jobsim
 * keeps name order for any number).
 */
function byLogging(a: PodRecord, b: PodRecord): number {
  const aAssigned = a.nodeName !== null;
  const bAssigned = b.nodeName !== null;
  if (aAssigned !== bAssigned) return aAssigned ? -1 : 1;
  // PodRunning < PodUnknown < PodPending; terminal phases rank with Running (absent from the map).
  const rank = (p: PodRecord) => (p.phase === 0 ? 2 : 0);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.ready !== b.ready) return a.ready ? -1 : 1;
  if (a.ready && b.ready && a.readyMs !== b.readyMs) return a.readyMs - b.readyMs;
  const ra = Math.max(...a.containers.map((c) => c.restartCount));
  const rb = Math.max(...b.containers.map((c) => c.restartCount));
  if (ra !== rb) return rb - ra;
  const ca = Math.floor(a.creationMs / 1000);
  const cb = Math.floor(b.creationMs / 1000);
  if (ca !== cb) return ca - cb;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * The pods `kubectl logs job/NAME` reads: GetFirstPod's one (a "Found N pods, using pod/x"
 * notice when there are several), or with --all-pods every one, as GetPodList gives them
 * (sorted by the same ByLogging), with no notice (logsforobject.go logsForObjectWithClient).
 */
export function podsForLogs(
  pods: readonly PodRecord[],
  allPods: boolean,
): { pods: PodRecord[]; notice: string } {
  const sorted = [...pods].sort(byLogging);
  if (sorted.length <= 1 || allPods) return { pods: sorted, notice: "" };
  return { pods: [sorted[0]], notice: `Found ${sorted.length} pods, using pod/${sorted[0].name}\n` };
}

/**
 * The containers `logs` reads: `-c NAME` (a regular or an init container: podcmd.FindContainerByName),
 * all of them, or the first regular one (undefined: no such name). --all-containers builds its
 * requests for the init containers, then the regular ones, but keeps them in a Go map, so a
 * cluster prints them in an order that changes from one call to the next (kubernetes/kubernetes
 * issue #113869); jobsim prints them in the order they were built.
 */
export function logContainers(
  pod: PodRecord,
  name: string | undefined,
  all: boolean,
): ContainerStatus[] | undefined {
  if (name !== undefined) {
    const named = pod.containers.filter((c) => c.name === name);
    if (named.length === 0) named.push(...pod.initContainers.filter((c) => c.name === name));
    return named.length === 0 ? undefined : named;
  }
  if (!all) return pod.containers.slice(0, 1);
  return pod.initContainers.length === 0 ? pod.containers : [...pod.initContainers, ...pod.containers];
}

/**
 * The streams `logs -f` follows until they end (Monte Carlo replays this): those with a run.
 * One waiting to start answers at once with an error (validateContainerLogStatus, follow or
 * not), which ends the command unless --ignore-errors; so does asking for more streams than
 * --max-log-requests. An unscheduled pod's stream is empty.
 */
export function followedStreams(
  streams: readonly { pod: PodRecord; c: ContainerStatus }[],
  ignoreErrors: boolean,
  maxRequests: number,
): { pod: PodRecord; c: ContainerStatus }[] {
  if (streams.length > 1 && streams.length > maxRequests) return [];
  const failing = streams.some((s) => s.pod.nodeName !== null && s.c.current === null);
  if (failing && !ignoreErrors) return [];
  return streams.filter((s) => s.c.current !== null);
}

/**
 * Where `logs -f` stops following the run it took at its request: the pod is gone, the run
 * ended, or another run began (the container restarted).
 */
export function followedRunEnded(pod: PodRecord, c: ContainerStatus, run: ContainerRun): boolean {
  return c.current !== run || followEnded(pod, c);
}

/** Where `logs -f` of a container stops following: the pod is gone or the current run ended. */
export function followEnded(pod: PodRecord, c: ContainerStatus): boolean {
  return (
    pod.removed ||
    c.state === ContainerState.Terminated ||
    (c.state === ContainerState.Waiting && c.current !== null)
  );
}
