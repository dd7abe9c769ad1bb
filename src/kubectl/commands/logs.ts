import { rfc3339NanoFixed } from "../../models/api/time-format.js";
import {
  type ContainerRun,
  ContainerState,
  type ContainerStatus,
  type PodRecord,
  previousRun,
} from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { defaultLogContainer } from "../default-container.js";
import { readLogs, runLines, tailStart } from "../log-lines.js";
import { listPods, namespaceOf, selectorOf } from "../lookup.js";
import { boolFlag, type KubectlCommand } from "../parse.js";
import { type ResourceError, type ResourceKind, resolveResourceArgs } from "../resources.js";
import {
  type LogsArgs,
  parseLogsArgs,
  podLogOptionsInvalid,
  podlessObjectError,
  sinceRefusedByServer,
  validateLogs,
} from "./logs-options.js";

/**
 * `kubectl logs` (staging/src/k8s.io/kubectl/pkg/cmd/logs; the kubelet's
 * validateContainerLogStatus for the errors): a pod, `job/NAME` (one pod, chosen as
 * podutil.ByLogging orders them, with "Found N pods, using pod/x" on stderr; every pod with
 * `--all-pods`), or `-l selector`
 * (every matching pod, --tail defaulting to 10), `--prefix`, `--previous`, `--tail`,
 * `-c`, `--all-containers`, `-f` (waits for the container to end), `--timestamps`, `--since`,
 * `--since-time`.
 */

export const FOLLOW_LIMIT_MS = 24 * 3_600_000;

/**
 * The instant before which lines are skipped, as the kubelet reads --since / --since-time:
 * sinceSeconds (0 means unset) counts back from now; sinceTime is a metav1.Time (whole seconds).
 */
function sinceOf(ctx: KubectlContext, a: LogsArgs): number {
  if (a.sinceSeconds > 0) return ctx.cluster.sim.now - a.sinceSeconds * 1000;
  if (a.sinceTimeWallMs !== null) return a.sinceTimeWallMs - ctx.cluster.wallMs(0);
  return Number.NEGATIVE_INFINITY;
}

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

/** The pod `kubectl logs job/NAME` reads among the Job's pods, or null when it has none. */
export function podForLogs(pods: readonly PodRecord[]): PodRecord | null {
  if (pods.length === 0) return null;
  return [...pods].sort(byLogging)[0];
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

export function logsCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const ns = namespaceOf(cmd);
  const sel = selectorOf(cmd);
  const store = ctx.cluster.store;
  let pods: PodRecord[];
  let notices = "";
  const args = parseLogsArgs(cmd);
  if (typeof args === "string") return fail(args);
  // --all-pods (kubectl 1.32+, logs.go RunLogs: AllPodLogsForObject): every pod of a Job, and
  // no "Defaulted container" notice for any pod (logsforobject.go, allPods).
  const allPods = boolFlag(cmd, "all-pods");
  const refused = () => validateLogs(cmd, args);
  let tailN = args.tail ?? -1;
  const sinceMs = sinceOf(ctx, args);
  const timestamps = boolFlag(cmd, "timestamps");
  const stamp = timestamps ? (ms: number) => rfc3339NanoFixed(ctx.cluster.wallMs(ms)) : null;
  if (sel !== null) {
    // ResourceNames makes resource tuples of any name, which a selector cannot go with (the
    // resource builder's visitBySelector).
    if (args.resource !== undefined)
      return fail("error: selectors and the all flag cannot be used when passing resource/name arguments");
    pods = listPods(store, ns, sel);
    const none = pods.length === 0 ? `No resources found in ${ns} namespace.\n` : "";
    const bad = refused();
    if (bad !== null) return { stdout: "", stderr: `${bad}\n`, stderrBefore: none, exitCode: 1 };
    if (pods.length === 0) return { stdout: "", stderr: none, exitCode: 0 };
    if (args.tail === undefined) tailN = 10;
  } else {
    const arg = args.resource ?? "";
    // ResourceNames("pods", arg): a TYPE/NAME goes through the builder's splitResourceTypeName
    // and the RESTMapper, as `get` reads it; anything else names a pod.
    let type: ResourceKind = "pods";
    let name = arg;
    if (arg.includes("/")) {
      try {
        ({ kind: type, name } = resolveResourceArgs([arg]).named[0]);
      } catch (e) {
        return fail((e as ResourceError).message);
      }
    }
    if (type === "jobs") {
      const job = store.findJob(ns, name);
      if (job === undefined)
        return fail(
          `error: error from server (NotFound): jobs.batch "${name}" not found in namespace "${ns}"`,
        );
      const bad = refused();
      if (bad !== null) return fail(bad);
      if (job.pods.length === 0) {
        // GetFirstPod lists none, so it watches for --pod-running-timeout: the pod of the first
        // Added event is the one, counted as one (no "Found N pods").
        ctx.waitUntil(() => job.pods.length > 0, args.podRunningTimeoutMs);
        if (job.pods.length === 0) return fail(`error: timed out waiting for the condition`);
        pods = [job.pods[0]];
      } else {
        const chosen = podsForLogs(job.pods, allPods);
        notices += chosen.notice;
        pods = chosen.pods;
      }
    } else if (type === "pods") {
      const pod = store.findPod(ns, name);
      if (pod === undefined)
        return fail(`error: error from server (NotFound): pods "${name}" not found in namespace "${ns}"`);
      const bad = refused();
      if (bad !== null) return fail(bad);
      pods = [pod];
    } else return fail(podlessObjectError(store, type, name, ns));
  }

  // --all-pods sets --prefix (logs.go Complete).
  const prefix = boolFlag(cmd, "prefix") || allPods;
  const previous = boolFlag(cmd, "previous");
  const follow = boolFlag(cmd, "follow");
  const ignoreErrors = boolFlag(cmd, "ignore-errors");
  const containerName = args.container;
  const all = boolFlag(cmd, "all-containers");
  const maxRequests = args.maxRequests;
  // logsForObjectWithClient: one request per pod and container, built in list order; a -c that
  // names no container of a pod ends it there, before anything is read.
  const streams: LogStream[] = [];
  for (const pod of pods) {
    let name = containerName;
    if (name === undefined && !all) {
      const chosen = defaultLogContainer(pod, allPods);
      notices += chosen.notice;
      name = chosen.name;
    }
    // (The init containers of a pod with a sidecar, which jobsim does not run, are not among those
    // it can read.)
    const containers = logContainers(pod, name, all);
    if (containers === undefined)
      return {
        stdout: "",
        stderr: `error: container ${name} is not valid for pod ${pod.name}\n`,
        stderrBefore: notices,
        exitCode: 1,
      };
    // Each stream reads the run that is the container's at the request (the latest, or with
    // --previous the one before): a later restart is another stream kubectl never opened.
    for (const c of containers) streams.push({ pod, c, run: previous ? previousRun(c) : c.current });
  }
  const refusedSince = sinceRefusedByServer(args);
  const read = (stream: LogStream): string | LogError => {
    const { pod, c, run } = stream;
    // LogREST.Get validates the options before it asks the node (pkg/registry/core/pod/rest/log.go).
    if (refusedSince) return { message: podLogOptionsInvalid(pod.name), invalid: true };
    // LogLocation (pkg/registry/core/pod/strategy.go): no node, no location, and the API server
    // streams nothing — no kubelet is asked, so not even --previous is an error.
    if (pod.nodeName === null) return "";
    if (previous) {
      if (run === null)
        return { message: `previous terminated container "${c.name}" in pod "${pod.name}" not found` };
    } else {
      // validateContainerLogStatus: terminated with no container ID and no lastState.
      if (run === null && c.statusUnknown)
        return { message: `container "${c.name}" in pod "${pod.name}" is terminated` };
      if (run === null) {
        const reason =
          c.waitingReason === "ErrImagePull"
            ? "image can't be pulled"
            : c.waitingReason === "ImagePullBackOff"
              ? "trying and failing to pull image"
              : c.waitingReason;
        return { message: `container "${c.name}" in pod "${pod.name}" is waiting to start: ${reason}` };
      }
    }
    const lines = runLines(run, ctx.cluster.sim.now);
    // A followed stream reads on from where its tail started at the request.
    const followed = stream.fromLine !== undefined;
    return withPrefix(
      stream,
      readLogs(
        followed ? lines.slice(stream.fromLine) : lines,
        followed ? -1 : tailN,
        sinceMs,
        stamp,
        args.limitBytes,
      ),
    );
  };
  const withPrefix = (stream: LogStream, text: string) =>
    prefix
      ? text
          .split("\n")
          .map((l, i, arr) =>
            i === arr.length - 1 && l === "" ? "" : `[pod/${stream.pod.name}/${stream.c.name}] ${l}`,
          )
          .join("\n")
      : text;
  // An error ends the command (its StatusError: `Error from server (BadRequest): ...`) unless
  // --ignore-errors, which writes `error: <message>` among the logs and goes on.
  const failed = (stdout: string, e: LogError): CommandResult => ({
    stdout,
    // (An Invalid StatusError is CheckErr's "The <kind> <name> is invalid: ..." instead.)
    stderr: e.invalid === true ? `The ${e.message}\n` : `Error from server (BadRequest): ${e.message}\n`,
    stderrBefore: notices,
    exitCode: 1,
  });

  if (follow && streams.length > 1) {
    // RunLogs: several streams followed at once (parallelConsumeRequest), at most
    // --max-log-requests of them.
    if (streams.length > maxRequests)
      return fail(
        `error: you are attempting to follow ${streams.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit`,
      );
    return followAll(ctx, streams, read, withPrefix, {
      previous,
      ignoreErrors,
      tailN,
      sinceMs,
      stamp,
      notices,
      failed,
    });
  }
  // sequentialConsumeRequest, in list order (kubectl's own order is a Go map's: any).
  let stdout = "";
  for (const stream of streams) {
    // (A container waiting to start is not waited for: its request fails at once.)
    const run = stream.run;
    if (follow && !previous && run !== null && !refusedSince) {
      stream.fromLine = tailStart(run, ctx.cluster.sim.now, tailN);
      ctx.waitUntil(() => followedRunEnded(stream.pod, stream.c, run), FOLLOW_LIMIT_MS);
    }
    const r = read(stream);
    if (typeof r === "string") stdout += r;
    else if (ignoreErrors) stdout += `error: ${r.message}\n`;
    else return failed(stdout, r);
  }
  return { stdout, stderr: "", stderrBefore: notices, exitCode: 0 };
}

interface LogStream {
  pod: PodRecord;
  c: ContainerStatus;
  /** The run the stream reads, taken at the request (null: none to read). */
  run: ContainerRun | null;
  /** Following: the first line read, where the tail started at the request. */
  fromLine?: number;
}

interface LogError {
  message: string;
  /** An Invalid error (the API server's validation of the options), not a BadRequest. */
  invalid?: boolean;
}

/**
 * parallelConsumeRequest: every stream at once into one output. A stream that cannot be read
 * ends the command at its start (the pipe closes with its error) unless --ignore-errors. Time
 * passes until every followed container has ended; their lines come in the order they were
 * written (lines of one millisecond in stream order, where goroutines would race).
 */
function followAll(
  ctx: KubectlContext,
  streams: LogStream[],
  read: (s: LogStream) => string | LogError,
  withPrefix: (s: LogStream, text: string) => string,
  o: {
    previous: boolean;
    ignoreErrors: boolean;
    tailN: number;
    sinceMs: number;
    stamp: ((ms: number) => string) | null;
    notices: string;
    failed: (stdout: string, e: LogError) => CommandResult;
  },
): CommandResult {
  let errorsOut = "";
  const live: LogStream[] = [];
  for (const s of streams) {
    const r = read(s);
    if (typeof r !== "string") {
      if (!o.ignoreErrors) return o.failed("", r);
      errorsOut += `error: ${r.message}\n`;
    } else live.push(s);
  }
  // (An unscheduled pod's stream is empty at once: only started containers are followed.)
  const fromLines = live.map((s) => (s.run === null ? 0 : tailStart(s.run, ctx.cluster.sim.now, o.tailN)));
  if (!o.previous)
    ctx.waitUntil(
      () => live.every((s) => s.run === null || followedRunEnded(s.pod, s.c, s.run)),
      FOLLOW_LIMIT_MS,
    );
  const now = ctx.cluster.sim.now;
  const lines: { atMs: number; order: number; text: string }[] = [];
  live.forEach((s, order) => {
    if (s.run === null) return;
    const all = runLines(s.run, now);
    for (let i = fromLines[order]; i < all.length; i++) {
      const l = all[i];
      if (l.atMs < o.sinceMs) continue;
      const text = o.stamp === null ? `${l.text}\n` : `${o.stamp(l.atMs)} ${l.text}\n`;
      lines.push({ atMs: l.atMs, order, text: withPrefix(s, text) });
    }
  });
  lines.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  return {
    stdout: errorsOut + lines.map((l) => l.text).join(""),
    stderr: "",
    stderrBefore: o.notices,
    exitCode: 0,
  };
}
