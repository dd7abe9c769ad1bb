import type { IntHistogram } from "../engine/stats/histogram.js";
import { wilsonInterval, Z_95 } from "../engine/stats/wilson.js";
import { type JobStats, OUTCOMES } from "./accumulators.js";
import { type ClosedForm, type DiscreteDistribution, mean, quantile } from "./closed-form.js";
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
const MIN_RUNS_FOR_MEAN_CHECK = 30;

/** The mean's 95% normal interval from a histogram. */
function meanInterval(h: IntHistogram): [number, number] {
  const m = h.mean();
  const se = Math.sqrt(h.variance() / h.count);
  return [m - Z_95 * se, m + Z_95 * se];
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
  const cutShort = report.unfinished + report.deleted;
  if (typeof cf !== "string" && cutShort > 0) {
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
    if (s.pods.count >= MIN_RUNS_FOR_MEAN_CHECK)
      checks.podsMean = check(mean(cf.pods), s.pods.mean(), meanInterval(s.pods));
    if (cf.durationSeconds !== null && s.durationSeconds.count >= MIN_RUNS_FOR_MEAN_CHECK) {
      checks.durationMean = check(
        mean(cf.durationSeconds),
        s.durationSeconds.mean(),
        meanInterval(s.durationSeconds),
      );
    }
    const c: ClosedFormReport = {
      applies: true,
      p: r6(cf.p),
      backoffLimit: cf.backoffLimit,
      successRate: r6(cf.successRate),
      pods: exactSummary(cf.pods),
      durationSeconds: cf.durationSeconds === null ? null : exactSummary(cf.durationSeconds),
      checks,
    };
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
