import { rfc3339NanoFixed } from "../../models/api/time-format.js";
import {
  type ContainerRun,
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
import { FOLLOW_LIMIT_MS, followedRunEnded, logContainers, podsForLogs } from "./logs-streams.js";

/**
 * `kubectl logs` (staging/src/k8s.io/kubectl/pkg/cmd/logs; the kubelet's
 * validateContainerLogStatus for the errors): a pod, `job/NAME` (one pod, chosen as
 * podutil.ByLogging orders them, with "Found N pods, using pod/x" on stderr; every pod with
 * `--all-pods`), or `-l selector`
 * (every matching pod, --tail defaulting to 10), `--prefix`, `--previous`, `--tail`,
 * `-c`, `--all-containers`, `-f` (waits for the container to end), `--timestamps`, `--since`,
 * `--since-time`.
 */

/**
 * The instant before which lines are skipped, as the kubelet reads --since / --since-time:
 * sinceSeconds (0 means unset) counts back from now; sinceTime is a metav1.Time (whole seconds).
 */
function sinceOf(ctx: KubectlContext, a: LogsArgs): number {
  if (a.sinceSeconds > 0) return ctx.cluster.sim.now - a.sinceSeconds * 1000;
  if (a.sinceTimeWallMs !== null) return a.sinceTimeWallMs - ctx.cluster.wallMs(0);
  return Number.NEGATIVE_INFINITY;
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
