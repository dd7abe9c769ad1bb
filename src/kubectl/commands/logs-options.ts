import { parseGoDuration, parseGoDurationNs } from "../../models/api/go-duration.js";
import { parseRFC3339Error } from "../../models/api/rfc3339-parse-error.js";
import type { Store } from "../../models/store.js";
import { parseGoInt } from "../go-int.js";
import { flag, type KubectlCommand } from "../parse.js";
import type { ResourceKind } from "../resources.js";

/**
 * What `kubectl logs` reads from its flags and arguments before it runs, and the errors it gives
 * on the way, in kubectl's order (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go):
 *
 * 1. pflag parses the typed flags (--tail, --since, --max-log-requests, --pod-running-timeout);
 *    a value it cannot parse is a flag error, which the FlagErrorFunc kubectl's root command sets
 *    ends with "See 'kubectl logs --help' for usage." (pkg/util/templates/templater.go).
 * 2. Complete: the arguments (POD, or POD CONTAINER; usage errors end with "See 'kubectl logs
 *    -h' for help and examples", cmdutil.UsageErrorf), --pod-running-timeout > 0
 *    (GetPodRunningTimeoutFlag), --since-time (ToLogOptions), then the object is fetched.
 * 3. Validate, after the fetch (see validateLogs).
 *
 * The session (logs.ts) and Monte Carlo's plan (analysis/plan.ts) both read a command through
 * here, so a command kubectl refuses lets no time pass in either.
 */

export interface LogsArgs {
  /** The POD or TYPE/NAME argument (undefined with a selector). */
  resource: string | undefined;
  /** The container: `-c NAME` or the inline second argument. */
  container: string | undefined;
  /** Whether the container came as the inline second argument. */
  inlineContainer: boolean;
  /** --tail as given (undefined: not given). */
  tail: number | undefined;
  /** --since as given, in ms (0: unset). */
  sinceMs: number;
  /** --since rounded to whole seconds (ToLogOptions). */
  sinceSeconds: number;
  /** --since-time as Unix ms in whole seconds (a metav1.Time), or null when not given. */
  sinceTimeWallMs: number | null;
  maxRequests: number;
  podRunningTimeoutMs: number;
  /** --limit-bytes as given (0: no limit). */
  limitBytes: number;
}

/** kubectl logs --max-log-requests: the most streams it follows at once. */
export const DEFAULT_MAX_LOG_REQUESTS = 5;

/** kubectl logs --pod-running-timeout (default 20s): how long it waits for a pod to read. */
const DEFAULT_POD_RUNNING_TIMEOUT_MS = 20_000;

const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

/** A flag value pflag refuses, as kubectl's FlagErrorFunc prints it. */
function flagValueError(name: string, value: string, reason: string): string {
  return `error: invalid argument "${value}" for "--${name}" flag: ${reason}\nSee 'kubectl logs --help' for usage.`;
}

/** cmdutil.UsageErrorf for `kubectl logs`. */
function usageError(message: string): string {
  return `error: ${message}\nSee 'kubectl logs -h' for help and examples`;
}

/** An integer flag (pflag Int / Int64), or kubectl's error. */
function intFlag(cmd: KubectlCommand, name: string): number | undefined | string {
  const text = flag(cmd, name);
  if (text === undefined) return undefined;
  const n = parseGoInt(text);
  return typeof n === "string" ? flagValueError(name, text, n) : n;
}

/** A duration flag (pflag Duration) in ms, or kubectl's error. */
function durationFlag(cmd: KubectlCommand, name: string): number | undefined | string {
  const text = flag(cmd, name);
  if (text === undefined) return undefined;
  const d = parseGoDuration(text);
  return typeof d === "string" ? flagValueError(name, text, d) : d;
}

/** kubectl logs --max-log-requests (default 5), or kubectl's error. */
export function maxLogRequests(cmd: KubectlCommand): number | string {
  return intFlag(cmd, "max-log-requests") ?? DEFAULT_MAX_LOG_REQUESTS;
}

/** kubectl logs --pod-running-timeout (default 20s) in ms, or kubectl's error. */
export function podRunningTimeoutMs(cmd: KubectlCommand): number | string {
  const t = durationFlag(cmd, "pod-running-timeout") ?? DEFAULT_POD_RUNNING_TIMEOUT_MS;
  if (typeof t === "string") return t;
  // GetPodRunningTimeoutFlag (cmd/util/helpers.go) compares the time.Duration, in nanoseconds:
  // 1us is a timeout (of 0 ms here), -1us is refused, though both round to 0 ms.
  const text = flag(cmd, "pod-running-timeout");
  const ns = text === undefined ? 1n : parseGoDurationNs(text);
  if (typeof ns === "bigint" && ns <= 0n) return "error: --pod-running-timeout must be higher than zero";
  return t;
}

/** Steps 1 and 2 short of the fetch: the flags and arguments, or kubectl's error. */
export function parseLogsArgs(cmd: KubectlCommand): LogsArgs | string {
  const tail = intFlag(cmd, "tail");
  if (typeof tail === "string") return tail;
  const since = durationFlag(cmd, "since");
  if (typeof since === "string") return since;
  const maxRequests = maxLogRequests(cmd);
  if (typeof maxRequests === "string") return maxRequests;
  const timeout = durationFlag(cmd, "pod-running-timeout");
  if (typeof timeout === "string") return timeout;
  const limitBytes = intFlag(cmd, "limit-bytes");
  if (typeof limitBytes === "string") return limitBytes;

  const selector = flag(cmd, "selector");
  const args = cmd.positionals;
  let resource: string | undefined;
  let container = flag(cmd, "container");
  if (args.length === 0) {
    if (selector === undefined || selector === "") return usageError(USAGE);
  } else if (args.length === 1) {
    if (selector !== undefined && selector !== "")
      return usageError("only a selector (-l) or a POD name is allowed");
    resource = args[0];
  } else if (args.length === 2) {
    resource = args[0];
    container = args[1];
  } else return usageError(USAGE);

  const podRunningTimeout = podRunningTimeoutMs(cmd);
  if (typeof podRunningTimeout === "string") return podRunningTimeout;
  let sinceTimeWallMs: number | null = null;
  const sinceTimeText = flag(cmd, "since-time");
  if (sinceTimeText !== undefined && sinceTimeText !== "") {
    const bad = parseRFC3339Error(sinceTimeText);
    if (bad !== null) return `error: ${bad}`;
    sinceTimeWallMs = Math.floor(Date.parse(sinceTimeText) / 1000) * 1000;
  }
  const sinceMs = since ?? 0;
  return {
    resource,
    container,
    inlineContainer: args.length === 2,
    tail,
    sinceMs,
    // time.Duration.Round(time.Second): halves away from zero.
    sinceSeconds: Math.sign(sinceMs) * Math.round(Math.abs(sinceMs) / 1000),
    sinceTimeWallMs,
    maxRequests,
    podRunningTimeoutMs: podRunningTimeout,
    limitBytes: limitBytes ?? 0,
  };
}

/**
 * LogsOptions.Validate, which runs once the object is fetched (a missing pod is reported
 * first), in its order; null when the command may run.
 */
export function validateLogs(cmd: KubectlCommand, a: LogsArgs): string | null {
  if (flag(cmd, "since-time") && a.sinceMs !== 0)
    return "error: at most one of `sinceTime` or `sinceSeconds` may be specified";
  const allContainers = flag(cmd, "all-containers");
  if (allContainers !== undefined && allContainers !== "false" && a.container)
    return `error: --all-containers=true should not be specified with container name ${a.container}`;
  if (a.inlineContainer && flag(cmd, "container") !== undefined)
    return "error: only one of -c or an inline [CONTAINER] arg is allowed";
  if (a.limitBytes < 0) return "error: --limit-bytes must be greater than 0";
  if (a.sinceSeconds < 0) return "error: --since must be greater than 0";
  if (a.tail !== undefined && a.tail < -1) return "error: --tail must be greater than or equal to -1";
  return null;
}

/**
 * Whether the API server refuses every log request of the command: a --since under half a
 * second (but not 0) is sent as sinceSeconds 0 (ToLogOptions rounds it to whole seconds), which
 * ValidatePodLogOptions (pkg/apis/core/validation) refuses: "must be greater than 0".
 */
export function sinceRefusedByServer(a: LogsArgs): boolean {
  return a.sinceMs !== 0 && a.sinceSeconds === 0;
}

/** That refusal's message: errors.NewInvalid(Kind("PodLogOptions"), pod, ...) (log.go). */
export function podLogOptionsInvalid(pod: string): string {
  return `PodLogOptions "${pod}" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0`;
}

/**
 * `kubectl logs node/x` or `ns/x`: the builder fetches the object (a missing one is its
 * NotFound, which Complete wraps with the namespace, even for a cluster-scoped kind), then
 * logsForObjectWithClient asks SelectorsForObject (polymorphichelpers/helpers.go) for its pods,
 * which a Node or a Namespace has none of: "cannot get the logs from %T: selector for %T not
 * implemented". Events are refused in jobsim's own words.
 */
export function podlessObjectError(
  store: Store,
  kind: ResourceKind,
  name: string,
  namespace: string,
): string {
  const goType = kind === "nodes" ? "*v1.Node" : kind === "namespaces" ? "*v1.Namespace" : null;
  if (goType === null)
    return `error: cannot get the logs from ${kind}: jobsim's kubectl logs reads pods and jobs`;
  const found = kind === "nodes" ? store.findNode(name) : store.findNamespace(name);
  if (found === undefined)
    return `error: error from server (NotFound): ${kind} "${name}" not found in namespace "${namespace}"`;
  return `error: cannot get the logs from ${goType}: selector for ${goType} not implemented`;
}
