import { DistributionKind } from "../engine/random/distributions.js";
import type { PreparedJob } from "../models/cluster.js";
import { RestartPolicy } from "../models/objects.js";
import { PriorityClasses } from "../models/priority-classes.js";
import type { Scenario } from "../scenario/load.js";
import { finishTimeDistribution } from "./closed-form-time.js";
import type { RunPlan } from "./plan.js";

/**
 * Exact answers, computed from the rules rather than by simulation, for a Job that runs one pod
 * at a time (parallelism 1, completions 1, restartPolicy Never, no podFailurePolicy or deadline)
 * with a task that succeeds with probability p on each attempt:
 *   P(success) = 1 − (1 − p)^(backoffLimit + 1)
 *   pods created N: P(N = k) = (1 − p)^(k−1) p for k ≤ backoffLimit, P(N = backoffLimit + 1) = (1 − p)^backoffLimit
 * and, when every duration is fixed, the distribution of the time to finish (closed-form-time.ts).
 * Monte Carlo prints these beside its estimates as a check, never instead of them.
 */

export interface DiscreteDistribution {
  /** Ascending values with their probabilities. */
  values: number[];
  probs: number[];
}

export interface ClosedForm {
  p: number;
  backoffLimit: number;
  successRate: number;
  pods: DiscreteDistribution;
  /** Whole seconds from creation to Complete/Failed; null when some duration is random. */
  durationSeconds: DiscreteDistribution | null;
  /** Why the time distribution is missing, if it is. */
  durationNote: string;
  /**
   * Whole seconds to Complete, of the runs that end Complete before the horizon (sums to
   * successRate when the horizon cuts no run); null with durationSeconds.
   */
  completeSeconds: DiscreteDistribution | null;
  /**
   * P(the Job ends after the scenario's horizon), from the exact time distribution (0 when
   * there is none: the report then judges from the runs whether the horizon cut any).
   */
  pastHorizon: number;
}

/** P(Complete within `seconds` of creation), or null when the time distribution is unknown. */
export function completeWithin(cf: ClosedForm, seconds: number): number | null {
  if (cf.completeSeconds === null) return null;
  let sum = 0;
  for (let i = 0; i < cf.completeSeconds.values.length; i++)
    if (cf.completeSeconds.values[i] <= seconds) sum += cf.completeSeconds.probs[i];
  return sum;
}

export function mean(d: DiscreteDistribution): number {
  let s = 0;
  for (let i = 0; i < d.values.length; i++) s += d.values[i] * d.probs[i];
  return s;
}

export function variance(d: DiscreteDistribution): number {
  const m = mean(d);
  let s = 0;
  for (let i = 0; i < d.values.length; i++) s += (d.values[i] - m) ** 2 * d.probs[i];
  return s;
}

/** The third standardized moment (0 for a distribution with no spread). */
export function skewness(d: DiscreteDistribution): number {
  const m = mean(d);
  const v = variance(d);
  if (v <= 0) return 0;
  let s = 0;
  for (let i = 0; i < d.values.length; i++) s += (d.values[i] - m) ** 3 * d.probs[i];
  return s / v ** 1.5;
}

/** The smallest value whose cumulative probability reaches q (type-1 quantile, as the estimates). */
export function quantile(d: DiscreteDistribution, q: number): number {
  let acc = 0;
  for (let i = 0; i < d.values.length; i++) {
    acc += d.probs[i];
    if (acc >= q - 1e-12) return d.values[i];
  }
  return d.values[d.values.length - 1];
}

/** Why no closed form applies to this Job, or null when one does. */
export function inapplicable(job: PreparedJob, scenario: Scenario): string | null {
  const v = job.view;
  if (v.parallelism !== 1) return "parallelism is not 1";
  if (v.completions !== 1 && v.completions !== -1) return "completions is not 1";
  if (v.restartPolicy !== RestartPolicy.Never) return "restartPolicy is not Never";
  if (v.podFailurePolicy !== null) return "a podFailurePolicy is set";
  if (v.activeDeadlineMs !== -1) return "activeDeadlineSeconds is set";
  if (v.suspend) return "the Job starts suspended";
  if (v.indexed) return "the Job is Indexed";
  if (v.managedByOther) return "the Job is managed by another controller (spec.managedBy)";
  if (
    v.podCreateErrors !== null ||
    new PriorityClasses(scenario.priorityClasses).admit(job.object.spec?.template.spec).forbidden !== null
  )
    return "the API server refuses the Job's pods (FailedCreate)";
  if (typeof job.object.spec?.template.spec?.activeDeadlineSeconds === "number")
    return "the pod template's activeDeadlineSeconds is set (a pod may fail for its deadline)";
  const containers = job.object.spec?.template.spec?.containers ?? [];
  if (containers.length !== 1) return "the pod has more than one container";
  // (Each init container adds its own start, run and outcome before the container's.)
  if ((job.object.spec?.template.spec?.initContainers ?? []).length > 0) return "the pod has init containers";
  const b = scenario.workload.get(containers[0].image ?? "");
  if (b.spec.script !== null) return "the image's outcomes are scripted";
  return null;
}

/** The most values the exact distribution of pods created may take (see closedFormFor). */
const MAX_POD_VALUES = 1_000_000;

export function closedFormFor(scenario: Scenario, plan: RunPlan, jobIndex: number): ClosedForm | string {
  const creations = plan.steps
    .flatMap((s) => (s.kind === "create" ? s.jobs : []))
    .filter((j) => j.tag === jobIndex);
  if (creations.length !== 1) return "more than one step applies the Job (a later apply may change it)";
  const job = creations[0];
  if (plan.steps.some((s) => s.kind === "patch" && s.namespace === job.namespace && s.name === job.name))
    return "a step patches the Job";
  if (plan.steps.some((s) => s.kind === "deletePods")) return "a step deletes pods";
  // The closed form places pods on an idle cluster's preferred node (idle-placement.ts).
  if (plan.steps.some((s) => s.kind === "cordon")) return "a step cordons or uncordons a node";
  if (plan.steps.some((s) => s.kind === "drain")) return "a step drains a node";
  // Its pods then die unseen and are evicted 5 minutes on (node-lifecycle.ts, taint-eviction.ts).
  if (plan.steps.some((s) => s.kind === "docker")) return "a step stops a node (docker stop)";
  const why = inapplicable(job, scenario);
  if (why !== null) return why;
  const image = job.object.spec!.template.spec!.containers[0].image ?? "";
  const behaviour = scenario.workload.get(image);
  const p = behaviour.spec.outcomes.reduce((s, o) => s + (o.exitCode === 0 ? o.probability : 0), 0);
  const b = job.view.backoffLimit;
  const q = 1 - p;
  const values: number[] = [];
  const probs: number[] = [];
  // k pods: k − 1 failures then a success (k ≤ backoffLimit), or backoffLimit + 1 failures.
  // Values past the point where q^(k−1)·p is 0 in floating point are left out, so a limit in
  // the billions costs no more than a small one. The last one, backoffLimit + 1, stays: q^b is
  // above 0 whenever q is, even where the double rounds it to 0. With p = 1 (q = 0) it is
  // exactly 0 for any limit above 0: kept, it would read as the exact max.
  for (let k = 1; k <= b; k++) {
    const prob = q ** (k - 1) * p;
    if (prob === 0) break;
    if (values.length === MAX_POD_VALUES)
      return `more than ${MAX_POD_VALUES.toLocaleString("en-US")} pod counts have a probability above 0`;
    values.push(k);
    probs.push(prob);
  }
  if (q > 0 || b === 0) {
    values.push(b + 1);
    probs.push(q ** b);
  }
  const fixed =
    behaviour.spec.startSeconds.kind === DistributionKind.Constant &&
    behaviour.spec.runSeconds.kind === DistributionKind.Constant &&
    behaviour.spec.pullSeconds.kind === DistributionKind.Constant &&
    behaviour.spec.outcomes.every(
      (o) => o.runSeconds === undefined || o.runSeconds.kind === DistributionKind.Constant,
    );
  let durationSeconds: DiscreteDistribution | null = null;
  let completeSeconds: DiscreteDistribution | null = null;
  let durationNote = "";
  let pastHorizon = 0;
  if (!fixed) durationNote = "some duration is random";
  else if (plan.jobKeys.length > 1)
    // Its pods may wait for a node another Job's pods hold, or pull the image anew elsewhere.
    durationNote = "other Jobs share the cluster's nodes and image pulls";
  else {
    const t = finishTimeDistribution(scenario, plan, job, p);
    if (typeof t === "string") durationNote = t;
    else {
      durationSeconds = t.all;
      completeSeconds = t.complete;
      pastHorizon = t.pastHorizon;
    }
  }
  return {
    p,
    backoffLimit: b,
    successRate: 1 - q ** (b + 1),
    pods: { values, probs },
    durationSeconds,
    durationNote,
    completeSeconds,
    pastHorizon,
  };
}
