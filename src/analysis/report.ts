import type { IntHistogram } from "../engine/stats/histogram.js";
import { wilsonInterval, Z_95 } from "../engine/stats/wilson.js";
import { type JobStats, OUTCOMES } from "./accumulators.js";
import {
  type ClosedForm,
  type DiscreteDistribution,
  mean,
  quantile,
  skewness,
  variance,
} from "./closed-form.js";
import type { Fingerprint } from "./fingerprint.js";

/**
 * The `mc --json` object (contract in ../shared/design.md) and its parts. Numbers are rounded
 * for reading (rates and intervals to 6 decimals, means to 4); nothing wall-clock enters it.
 */

export interface Summary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface Check {
  /** "agrees": the exact value is inside the estimate's 95% interval. */
  verdict: "agrees" | "disagrees";
  exact: number;
  estimate: number;
  interval: [number, number];
}

export interface JobReport {
  complete: number;
  failed: number;
  unfinished: number;
  deleted: number;
  successRate: number;
  successCI95: [number, number];
  reasons: Record<string, number>;
  /** Outcome → the first run that ended so: `jobsim run --seed S --run N` replays it. */
  firstRuns: Record<string, number>;
  pods: Summary;
  failedPods: Summary;
  durationSeconds: Summary | null;
  completeSeconds: Summary | null;
  podSeconds: Summary;
  wastedPodSeconds: Summary;
  closedForm: ClosedFormReport | { applies: false; reason: string };
}

export interface ClosedFormReport {
  applies: true;
  p: number;
  backoffLimit: number;
  successRate: number;
  pods: Summary;
  durationSeconds: Summary | null;
  durationNote?: string;
  checks: Record<string, Check>;
  /** Mean checks not made: the runs each needs (Cochran's rule, see meanRunsNeeded). */
  unjudged?: Record<string, number>;
}

export interface McReport {
  scenario: string;
  seed: number | string;
  runs: number;
  jobs: Record<string, JobReport>;
  fingerprint: string;
}

export const r6 = (x: number): number => Math.round(x * 1e6) / 1e6;
export const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export function summary(h: IntHistogram): Summary | null {
  if (h.count === 0) return null;
  return {
    mean: r4(h.mean()),
    p50: h.quantile(0.5),
    p95: h.quantile(0.95),
    p99: h.quantile(0.99),
    max: h.max(),
  };
}

function exactSummary(d: DiscreteDistribution): Summary {
  return {
    mean: r4(mean(d)),
    p50: quantile(d, 0.5),
    p95: quantile(d, 0.95),
    p99: quantile(d, 0.99),
    max: d.values[d.values.length - 1],
  };
}

/**
 * Runs below which a mean is not checked against its exact value: the normal interval rests on
 * the central limit theorem and a sample's variance, and with one run (or a few equal ones) it
 * has zero width, so any difference would read as "disagrees". The Wilson interval of the
 * success rate holds at any size and is always checked.
 */
/** The fewest runs any mean is judged from. */
export const MIN_RUNS_FOR_MEAN_CHECK = 30;

/** Expected runs cut short by the horizon (runs × pastHorizon) from which the closed form is set aside. */
const HORIZON_CUT_RUNS = 1e-3;

/** A share as a percentage with 4 significant digits ("0.6047%"). */
function pctText(share: number): string {
  return `${Number((share * 100).toPrecision(4))}%`;
}

/**
 * The runs a mean needs before its normal interval is trusted: Cochran's rule for the sample
 * mean of a skewed population, n > 25·G1² (W. G. Cochran, Sampling Techniques, 3rd ed., 1977,
 * §2.15), with G1 the exact distribution's skewness, and never fewer than 30. Times to finish
 * are very skewed (rare long back-off chains): at 100 runs of the tutorial's Job the nominal
 * 95% interval missed the exact mean about 13% of the time.
 */
export function meanRunsNeeded(exact: DiscreteDistribution): number {
  return Math.max(MIN_RUNS_FOR_MEAN_CHECK, Math.floor(25 * skewness(exact) ** 2) + 1);
}

/**
 * The estimated mean against the exact one: the interval is the estimate ± 1.96 standard
 * errors of the exact distribution (the spread is known under the closed form, so a sample
 * whose runs happen to be all alike — no sample variance — is still judged fairly).
 */
export function meanCheck(exact: DiscreteDistribution, h: IntHistogram): Check {
  const m = h.mean();
  const half = (Z_95 * Math.sqrt(variance(exact))) / Math.sqrt(h.count);
  return check(mean(exact), m, [m - half, m + half]);
}

function check(exact: number, estimate: number, interval: [number, number]): Check {
  const inside = exact >= interval[0] - 1e-12 && exact <= interval[1] + 1e-12;
  return {
    verdict: inside ? "agrees" : "disagrees",
    exact: r6(exact),
    estimate: r6(estimate),
    interval: [r6(interval[0]), r6(interval[1])],
  };
}

export function jobReport(s: JobStats, cf: ClosedForm | string): JobReport {
  const complete = s.count("Complete");
  const n = s.runs;
  const ci = wilsonInterval(complete, n);
  const reasons: Record<string, number> = {};
  for (const [k, v] of [...s.reasons.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) reasons[k] = v;
  const report: JobReport = {
    complete,
    failed: s.count("Failed"),
    unfinished: s.count("Unfinished"),
    deleted: s.count("Deleted"),
    successRate: r6(n > 0 ? complete / n : 0),
    successCI95: [r6(ci[0]), r6(ci[1])],
    reasons,
    firstRuns: Object.fromEntries(
      OUTCOMES.filter((o) => s.firstRuns.has(o)).map((o) => [o, s.firstRuns.get(o)!]),
    ),
    pods: summary(s.pods)!,
    failedPods: summary(s.failedPods)!,
    durationSeconds: summary(s.durationSeconds),
    completeSeconds: summary(s.completeSeconds),
    podSeconds: summary(s.podSeconds)!,
    wastedPodSeconds: summary(s.wastedPodSeconds)!,
    closedForm: { applies: false, reason: typeof cf === "string" ? cf : "" },
  };
  // The closed forms count every run to the Job's end; a run cut short by the horizon or a
  // deletion has no end to compare, so the estimate and the exact value would differ by design.
  // With an exact time distribution this is decided from the rules: the horizon cuts a share
  // pastHorizon of runs, too many when the runs would be expected to hold even 1/1000 of one.
  const cutShort = report.unfinished + report.deleted;
  if (typeof cf !== "string" && cf.pastHorizon * n >= HORIZON_CUT_RUNS) {
    report.closedForm = {
      applies: false,
      reason: `the horizon ends ${pctText(cf.pastHorizon)} of runs before the Job does (exactly, from the time distribution), and the closed form counts every run to its end`,
    };
  } else if (typeof cf !== "string" && cutShort > 0) {
    report.closedForm = {
      applies: false,
      reason: `${cutShort.toLocaleString("en-US")} of ${n.toLocaleString("en-US")} runs ended before the Job did (${[
        report.unfinished > 0 ? "still running at the horizon" : "",
        report.deleted > 0 ? "deleted" : "",
      ]
        .filter((x) => x !== "")
        .join(", ")}), and the closed form counts every run to its end`,
    };
  } else if (typeof cf !== "string") {
    const checks: Record<string, Check> = { successRate: check(cf.successRate, complete / n, ci) };
    const unjudged: Record<string, number> = {};
    const judge = (name: string, exact: DiscreteDistribution, h: IntHistogram) => {
      const needed = meanRunsNeeded(exact);
      if (h.count >= needed) checks[name] = meanCheck(exact, h);
      else unjudged[name] = needed;
    };
    judge("podsMean", cf.pods, s.pods);
    if (cf.durationSeconds !== null) judge("durationMean", cf.durationSeconds, s.durationSeconds);
    const c: ClosedFormReport = {
      applies: true,
      p: r6(cf.p),
      backoffLimit: cf.backoffLimit,
      successRate: r6(cf.successRate),
      pods: exactSummary(cf.pods),
      durationSeconds: cf.durationSeconds === null ? null : exactSummary(cf.durationSeconds),
      checks,
    };
    if (Object.keys(unjudged).length > 0) c.unjudged = unjudged;
    if (cf.durationSeconds === null) c.durationNote = cf.durationNote;
    report.closedForm = c;
  }
  return report;
}

/** "example-job" for the default namespace, else "ns/name". */
export function jobLabel(key: string): string {
  return key.startsWith("default/") ? key.slice("default/".length) : key;
}

export function mcReport(
  scenario: string,
  seed: number | string,
  runs: number,
  keys: readonly string[],
  stats: JobStats[],
  fp: Fingerprint,
  closed: (ClosedForm | string)[],
): McReport {
  const jobs: Record<string, JobReport> = {};
  keys.forEach((k, i) => {
    jobs[jobLabel(k)] = jobReport(stats[i], closed[i]);
  });
  return { scenario, seed, runs, jobs, fingerprint: fp.hex() };
}
