import type { PreparedJob } from "../models/cluster.js";
import { preferredNode } from "../models/idle-placement.js";
import { backoffDurationMs } from "../models/job-controller/backoff.js";
import { SYNC_JOB_BATCH_PERIOD_MS } from "../models/job-controller/job-controller.js";
import { PLEG_RELIST_PERIOD_MS } from "../models/kubelet/actions.js";
import { apiTime } from "../models/objects.js";
import type { Scenario } from "../scenario/load.js";
import type { DiscreteDistribution } from "./closed-form.js";
import type { RunPlan } from "./plan.js";

/**
 * The exact distribution of a one-pod-at-a-time Job's time to finish when every duration is
 * fixed, derived from the rules of ../shared/reference (not by running the simulator):
 *
 * - pod k is created at c_1 = creation, c_{k+1} = L_k + min(10 s · 2^(k−1), 600 s), where L_k is
 *   its container's finish time in whole seconds (the back-off formula);
 * - it runs from c_k + pull (first pod on the node) + start to e_k = that + run; the kubelet
 *   reports the exit at the next relist of its node (every 1 s, at phase φ);
 * - the Job controller syncs 1 s after any pod or status change (keeping the earliest pending
 *   sync) and decides Complete/Failed at the first sync after the last pod's exit is reported.
 *
 * The only randomness left is the outcome path (k failures then a success, or backoffLimit + 1
 * failures) and φ, uniform over the 1000 whole milliseconds (weighted exactly as the kubelet
 * draws it from 32 random bits). Enumerating both gives the distribution exactly.
 */

/** The most attempts whose finish times are enumerated (1,000 phases each). */
const MAX_EXACT_ATTEMPTS = 2_000;

interface Ev {
  t: number;
  seq: number;
  kind: "sync" | "pulled" | "start" | "exit";
}

/** Exact weight of relist phase j: how many of the 2^32 uniform inputs floor to j. */
function phaseWeight(j: number): number {
  const span = 2 ** 32;
  return (
    (Math.ceil(((j + 1) * span) / PLEG_RELIST_PERIOD_MS) - Math.ceil((j * span) / PLEG_RELIST_PERIOD_MS)) /
    span
  );
}

/**
 * Finish times (ms) of the paths of 1, 2, … `attempts` pods, with fixed durations and relist
 * phase φ: entry k−1 for a Job whose k-th pod is its last. One pass serves every k, since the
 * path of k pods is the path of more pods up to the sync that sees pod k's exit (where a
 * success or the exhausted limit ends the Job, and a failure goes on). The last attempt's
 * outcome does not move the finish: success and exhaustion are observed at the same relist
 * and synced the same way.
 */
function finishTimesMs(
  attempts: number,
  created: number,
  pullFirst: number,
  pullLater: number,
  start: number,
  run: number,
  phi: number,
): number[] {
  const finishes: number[] = [];
  const events: Ev[] = [];
  let seq = 0;
  let syncAt: Ev | null = null;
  const push = (t: number, kind: Ev["kind"]) => {
    const e = { t, seq: seq++, kind };
    events.push(e);
    return e;
  };
  // AddAfter: keep the earliest pending sync.
  const enqueue = (t: number) => {
    if (syncAt !== null && syncAt.t <= t) return;
    if (syncAt !== null) events.splice(events.indexOf(syncAt), 1);
    syncAt = push(t, "sync");
  };
  let now = created;
  let k = 0; // pods created
  let podState: "none" | "pending" | "running" | "exited" = "none";
  let exitAt = 0;
  let finishL = 0;
  let written = { active: -1, ready: -1 };
  let failures = 0;
  let lastFailureL = -1;
  const createPod = () => {
    k++;
    podState = "pending";
    // ADDED, binding and the kubelet's first status all at this instant → a sync 1 s later.
    enqueue(now + SYNC_JOB_BATCH_PERIOD_MS);
    const pull = k === 1 ? pullFirst : pullLater;
    if (pull > 0) push(now + pull, "pulled");
    else push(now + start, "start");
  };
  enqueue(now); // the Job's ADDED event syncs at once
  for (;;) {
    events.sort((a, b) => a.t - b.t || a.seq - b.seq);
    const ev = events.shift()!;
    now = ev.t;
    if (ev.kind === "pulled") {
      push(now + start, "start");
      continue;
    }
    if (ev.kind === "start") {
      podState = "running";
      exitAt = now + run;
      finishL = apiTime(exitAt);
      enqueue(now + SYNC_JOB_BATCH_PERIOD_MS);
      push(phi + Math.ceil((exitAt - phi) / PLEG_RELIST_PERIOD_MS) * PLEG_RELIST_PERIOD_MS, "exit");
      continue;
    }
    if (ev.kind === "exit") {
      podState = "exited";
      enqueue(now + SYNC_JOB_BATCH_PERIOD_MS);
      continue;
    }
    syncAt = null;
    // A sync: count a newly exited pod, decide the end, create a replacement when due.
    let changedStatus = false;
    if (podState === "exited") {
      podState = "none";
      // A path whose last pod is this one ends the Job in this sync: Complete, or Failed
      // (failed > backoffLimit); the longer paths go on with a failure.
      finishes.push(now);
      if (k === attempts) return finishes;
      failures++;
      lastFailureL = finishL;
      changedStatus = true; // uncounted, then counted: status writes
    }
    if (podState === "none" && lastFailureL >= 0) {
      const remaining = backoffDurationMs(failures) - (now - lastFailureL);
      if (remaining <= 0) createPod();
      else enqueue(now + Math.max(remaining, SYNC_JOB_BATCH_PERIOD_MS));
    } else if (podState === "none" && k === 0) createPod();
    const active = podState === "none" ? 0 : 1;
    const ready = podState === "running" ? 1 : 0;
    if (changedStatus || active !== written.active || ready !== written.ready) {
      written = { active, ready };
      enqueue(now + SYNC_JOB_BATCH_PERIOD_MS);
    }
  }
}

/** Finish times: of every run (Complete or Failed), and of the runs that end Complete. */
export interface FinishTimes {
  all: DiscreteDistribution;
  /**
   * Each path's success part at the time its last pod ends the Job, for the paths that end by
   * the horizon: sums to P(success) when the horizon cuts no run.
   */
  complete: DiscreteDistribution;
  /** P(the Job ends after `horizonMs`): the share of runs the horizon cuts short. */
  pastHorizon: number;
}

export function finishTimeDistribution(
  scenario: Scenario,
  plan: RunPlan,
  job: PreparedJob,
  p: number,
): FinishTimes | string {
  const horizonMs = plan.horizonMs;
  // Creation time: only fixed steps may come before the Job is created.
  let created = 0;
  for (const s of plan.steps) {
    if (s.kind === "create") {
      if (s.jobs.includes(job)) break;
      continue;
    }
    if (s.kind === "wait") return "a kubectl wait comes before the Job is created";
    if (s.kind === "follow") return "a kubectl logs -f comes before the Job is created";
    // (A patch of this Job, or any pod delete, rules the closed form out earlier.)
    if (
      s.kind === "patch" ||
      s.kind === "deletePods" ||
      s.kind === "cordon" ||
      s.kind === "drain" ||
      s.kind === "docker"
    )
      continue;
    created = s.relative ? created + s.untilMs : Math.max(created, s.untilMs);
  }
  const containers = job.object.spec!.template.spec!.containers;
  const image = containers[0].image ?? "";
  const node = preferredNode(scenario.nodes, job.object.spec!.template.spec!, scenario.workload);
  if (node === null) return "pods may land on different nodes (no node is strictly preferred)";
  const b = scenario.workload.get(image);
  const ms = (d: { sample(r: never): number }) => Math.round(d.sample(undefined as never) * 1000);
  const preloaded = node.images.includes(image);
  const always =
    (containers[0].imagePullPolicy ??
      (image.endsWith(":latest") || !image.includes(":") ? "Always" : "IfNotPresent")) === "Always";
  const pullFirst = preloaded ? (always ? ms(b.spec.repullSeconds) : 0) : ms(b.spec.pullSeconds);
  const pullLater = always ? ms(b.spec.repullSeconds) : 0;
  const start = ms(b.spec.startSeconds);
  // (Any outcome with a run time of its own, not only the first of each kind: the attempts'
  // durations would then depend on which outcome each drew.)
  if (b.spec.outcomes.some((o) => o.runSeconds !== undefined)) return "outcomes have their own run times";
  const run = ms(b.spec.runSeconds);
  const limit = job.view.backoffLimit;
  const q = 1 - p;
  // The probability of the path that ends with pod k: its success, and for the last pod also
  // the exhausted limit. Paths whose probability is 0 in floating point add nothing.
  const pathProbability = (k: number) =>
    (p > 0 ? q ** (k - 1) * p : 0) + (k === limit + 1 && q > 0 ? q ** k : 0);
  let attempts = limit + 1;
  if (p > 0 && q > 0) {
    // q^(k−1)·p reaches 0 in floating point long before a limit in the billions.
    const last = Math.ceil(Math.log(Number.MIN_VALUE / p) / Math.log(q)) + 1;
    if (last < attempts) attempts = last;
  }
  if (attempts > MAX_EXACT_ATTEMPTS)
    return `more than ${MAX_EXACT_ATTEMPTS.toLocaleString("en-US")} attempts have a probability above 0`;
  const probabilities = Array.from({ length: attempts }, (_, i) => pathProbability(i + 1));
  const successProbability = (k: number) => (p > 0 ? q ** (k - 1) * p : 0);
  const byValue = new Map<number, number>();
  const completeByValue = new Map<number, number>();
  const createdApi = apiTime(created);
  let pastHorizon = 0;
  for (let phi = 0; phi < PLEG_RELIST_PERIOD_MS; phi++) {
    const times = finishTimesMs(attempts, created, pullFirst, pullLater, start, run, phi);
    for (let k = 1; k <= attempts; k++) {
      const prob = probabilities[k - 1];
      if (prob === 0) continue;
      if (times[k - 1] > horizonMs) pastHorizon += prob * phaseWeight(phi);
      const seconds = (apiTime(times[k - 1]) - createdApi) / 1000;
      byValue.set(seconds, (byValue.get(seconds) ?? 0) + prob * phaseWeight(phi));
      const success = successProbability(k);
      // A success past the horizon is never seen: the run stops there, Unfinished. Counting it
      // would make P(Complete within W) exceed what the runs measure when W reaches past the
      // horizon (sweep --within).
      if (success > 0 && times[k - 1] <= horizonMs)
        completeByValue.set(seconds, (completeByValue.get(seconds) ?? 0) + success * phaseWeight(phi));
    }
  }
  return { all: distributionOf(byValue), complete: distributionOf(completeByValue), pastHorizon };
}

function distributionOf(byValue: Map<number, number>): DiscreteDistribution {
  const values = [...byValue.keys()].sort((a, b) => a - b);
  return { values, probs: values.map((v) => byValue.get(v)!) };
}
