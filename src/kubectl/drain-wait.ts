import { evictPod } from "../models/eviction.js";
import { NONE, type PodRecord } from "../models/objects.js";
import type { KubectlContext } from "./context.js";
import { shouldSkipPod } from "./drain-filters.js";
import type { DrainOptions } from "./drain-options.js";

/**
 * drain.Helper.DeleteOrEvictPods (staging/src/k8s.io/kubectl/pkg/drain/drain.go) in simulated
 * time: evictPods (the default: discovery lists pods/eviction on every version jobsim models, so
 * kubectl sends policy/v1 Evictions) or deletePods (--disable-eviction), each followed by
 * waitForDelete's polling. Output goes to `out` as it happens; Monte Carlo passes null and no
 * text is made.
 */

/** Where drain writes as it goes (the session's terminal), or null (a Monte Carlo replay). */
export interface DrainOutput {
  out(text: string): void;
  err(text: string): void;
}

/** What DeleteOrEvictPods returned: null (success), an aggregate of messages (evictPods'
 * utilerrors.NewAggregate) or one plain error (deletePods' wait.ErrWaitTimeout). */
export type DrainFailure = { aggregate: boolean; messages: string[] } | null;

/** waitForDelete's interval (wait.PollImmediate(1 * time.Second, …)). */
const POLL_MS = 1000;
/** How long jobsim lets a drain without --timeout wait (math.MaxInt64 upstream), as `delete`. */
const WAIT_LIMIT_MS = 24 * 3_600_000;
/** Said, in kubectl's error trailer, when that limit ends a wait: words of jobsim's own, since
 * kubectl would still be waiting. */
const GAVE_UP: NonNullable<DrainFailure> = {
  aggregate: false,
  messages: [
    "jobsim stopped waiting for the pods after 24h of simulated time (kubectl drain without --timeout waits on)",
  ],
};
/** wait.ErrWaitTimeout's text (apimachinery pkg/util/wait/error.go). */
const WAIT_TIMEOUT = "timed out waiting for the condition";
/** A predicate that never holds: waitUntil then lets exactly the time asked for pass (one
 * function for every run, not a closure per poll). */
const NEVER = () => false;

/**
 * Lets time pass to `untilMs`; false when it could not get there (a Monte Carlo run stops at its
 * horizon), which ends the wait.
 */
function passTo(ctx: KubectlContext, untilMs: number): boolean {
  const sim = ctx.cluster.sim;
  if (untilMs > sim.now) ctx.waitUntil(NEVER, untilMs - sim.now);
  return sim.now >= untilMs;
}

/**
 * evictPods: one goroutine per pod, all started at once, each printing `evicting pod ns/name`
 * and POSTing its Eviction, then polling its own pod every second from that moment. Upstream
 * the goroutines race; jobsim runs them in list order, and within one poll tick reports pods in
 * list order (docs/fidelity.md). --timeout is one context over all of them: a pod still there at
 * the first poll at or after it fails with `global timeout reached`.
 */
export function evictAndWait(
  ctx: KubectlContext,
  opts: DrainOptions,
  pods: readonly PodRecord[],
  serverDryRun: boolean,
  o: DrainOutput | null,
): DrainFailure {
  const sim = ctx.cluster.sim;
  const t0 = sim.now;
  const deadline = opts.timeoutMs === null ? Number.POSITIVE_INFINITY : t0 + opts.timeoutMs;
  const grace = opts.gracePeriodSeconds >= 0 ? opts.gracePeriodSeconds : undefined;
  const messages: string[] = [];
  const waiting: PodRecord[] = [];
  for (const pod of pods) {
    if (o !== null)
      o.out(`evicting pod ${pod.namespace}/${pod.name}${serverDryRun ? " (server dry run)" : ""}\n`);
    // A dry-run Eviction changes nothing, and nothing is waited for after it.
    if (serverDryRun) continue;
    // The context is checked before each POST: a --timeout that is already over.
    if (sim.now >= deadline) {
      if (o !== null)
        messages.push(
          `error when evicting pods/"${pod.name}" -n "${pod.namespace}": global timeout reached: ${opts.timeoutText}`,
        );
      else messages.push("");
      continue;
    }
    // NotFound: the pod went on its own; done, with no `evicted` line.
    if (pod.removed) continue;
    evictPod(ctx.cluster.store, sim.now, pod, grace);
    waiting.push(pod);
  }
  let pending = waiting;
  for (let tick = t0; ; tick += POLL_MS) {
    if (!passTo(ctx, tick)) return null;
    pending = settled(pending, opts, "evicted", sim.now, o);
    if (pending.length === 0) break;
    if (sim.now >= deadline) {
      for (const pod of pending)
        messages.push(
          o === null
            ? ""
            : `error when waiting for pod "${pod.name}" in namespace "${pod.namespace}" to terminate: global timeout reached: ${opts.timeoutText}`,
        );
      break;
    }
    if (tick - t0 >= WAIT_LIMIT_MS) return GAVE_UP;
  }
  return messages.length > 0 ? { aggregate: true, messages } : null;
}

/**
 * deletePods (--disable-eviction): a plain DELETE of each pod in turn, with no line printed and
 * no DisruptionTarget (a DELETE adds none), then one waitForDelete over them all with
 * wait.PollImmediate's own timeout: checked at once and every second; when --timeout runs out
 * first it ends with wait.ErrWaitTimeout, a plain error. A tick at the very instant the timeout
 * fires races it upstream (Go's select); jobsim lets the timeout win.
 */
export function deleteAndWait(
  ctx: KubectlContext,
  opts: DrainOptions,
  pods: readonly PodRecord[],
  o: DrainOutput | null,
): DrainFailure {
  const sim = ctx.cluster.sim;
  const t0 = sim.now;
  const deadline = opts.timeoutMs === null ? t0 + WAIT_LIMIT_MS : t0 + opts.timeoutMs;
  const grace = opts.gracePeriodSeconds >= 0 ? opts.gracePeriodSeconds : undefined;
  for (const pod of pods) if (!pod.removed) ctx.cluster.deletePod(pod, grace);
  let pending: PodRecord[] = pods.slice();
  for (let tick = t0; ; tick += POLL_MS) {
    pending = settled(pending, opts, "deleted", sim.now, o);
    if (pending.length === 0) return null;
    if (tick + POLL_MS >= deadline) {
      if (!passTo(ctx, Math.max(deadline, sim.now))) return null;
      return opts.timeoutMs === null ? GAVE_UP : { aggregate: false, messages: [WAIT_TIMEOUT] };
    }
    if (!passTo(ctx, tick + POLL_MS)) return null;
  }
}

/**
 * One poll of waitForDelete: a pod whose GET is NotFound is done (`pod/NAME evicted` or
 * `deleted`, onPodDeletionOrEvictionFinished through the name printer); one still there whose
 * deletionTimestamp is older than --skip-wait-for-delete-timeout is dropped with
 * podSkipMsgTemplate on stdout. Returns the pods still waited for, in order.
 */
function settled(
  pods: readonly PodRecord[],
  opts: DrainOptions,
  verb: "evicted" | "deleted",
  nowMs: number,
  o: DrainOutput | null,
): PodRecord[] {
  const left: PodRecord[] = [];
  for (const pod of pods) {
    if (pod.removed) {
      if (o !== null) o.out(`pod/${pod.name} ${verb}\n`);
    } else if (
      shouldSkipPod(
        pod.deletionMs !== NONE ? pod.deletionMs : null,
        nowMs,
        opts.skipWaitForDeleteTimeoutSeconds,
      )
    ) {
      if (o !== null)
        o.out(
          `pod "${pod.name}" has DeletionTimestamp older than ${opts.skipWaitForDeleteTimeoutSeconds} seconds, skipping\n`,
        );
    } else left.push(pod);
  }
  return left;
}
