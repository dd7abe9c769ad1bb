import type { JobReport, McReport, Summary } from "../../src/analysis/report.js";
import type { SweepPoint, SweepReport } from "../../src/analysis/sweep.js";
import { wilsonInterval } from "../../src/engine/stats/wilson.js";
import type {
  CdfPoint,
  Distributions,
  ReportMeta,
  TimelineData,
  TimelinePod,
} from "../../src/report/report-data.js";

/**
 * Hand-built report data for the renderers: a sweep of spec.backoffLimit = 0..5 for a task that
 * succeeds with p = 0.4 per attempt (P(success) = 1 − 0.6^(b+1)), its distributions, an `mc`
 * report with two Jobs, and the timeline of one run (three pods on two nodes, back-off gaps).
 * `evil` puts markup and quotes into every user-provided string the renderers must escape.
 */

export const EVIL = `<script>alert("x")</script>"'&`;

export const P = 0.4;
export const RUNS = 10_000;
const RUN_S = 25;
const BACKOFF_S = 10;

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Seconds from creation to the end of attempt k (1-based): k runs plus the back-offs between. */
function finishSeconds(k: number): number {
  let t = 0;
  // Back-off doubles from 10 s and is capped at 6 minutes, as the Job controller does.
  for (let i = 1; i <= k; i++) t += RUN_S + (i > 1 ? Math.min(360, BACKOFF_S * 2 ** (i - 2)) : 0);
  return t;
}

/** P(N = k pods) for backoffLimit b: geometric, truncated at b + 1. */
function podsDistribution(b: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 1; k <= b + 1; k++) {
    const prob = k <= b ? (1 - P) ** (k - 1) * P : (1 - P) ** b;
    out.push([k, prob]);
  }
  return out;
}

/** Integer run counts (summing to RUNS) from probabilities. */
function counts(dist: [number, number][]): [number, number][] {
  const out = dist.map(([v, p]) => [v, Math.floor(p * RUNS)] as [number, number]);
  const missing = RUNS - out.reduce((s, [, n]) => s + n, 0);
  out[0][1] += missing;
  return out.filter(([, n]) => n > 0);
}

function summaryOf(pairs: [number, number][]): Summary {
  const n = pairs.reduce((s, [, c]) => s + c, 0);
  const mean = pairs.reduce((s, [v, c]) => s + v * c, 0) / n;
  const q = (x: number) => {
    let acc = 0;
    for (const [v, c] of pairs) {
      acc += c;
      if (acc >= x * n) return v;
    }
    return pairs[pairs.length - 1][0];
  };
  return { mean: r4(mean), p50: q(0.5), p95: q(0.95), p99: q(0.99), max: pairs[pairs.length - 1][0] };
}

/** Finish times with a little deterministic spread (±2 s) around each attempt's end. */
function finishPairs(b: number): [number, number][] {
  const m = new Map<number, number>();
  for (const [k, n] of counts(podsDistribution(b))) {
    const t = finishSeconds(k);
    const spread = [-2, -1, 0, 1, 2];
    spread.forEach((d, i) => {
      const share = Math.floor(n / 5) + (i < n % 5 ? 1 : 0);
      if (share > 0) m.set(t + d, (m.get(t + d) ?? 0) + share);
    });
  }
  return [...m.entries()].sort((a, b) => a[0] - b[0]);
}

function cdf(pairs: [number, number][]): CdfPoint[] {
  const n = pairs.reduce((s, [, c]) => s + c, 0);
  let acc = 0;
  return pairs.map(([v, c]) => {
    acc += c;
    return [v, acc / n];
  });
}

export function jobReport(b: number, opts: { closedForm?: boolean } = {}): JobReport {
  const pods = counts(podsDistribution(b));
  const failed = Math.round(RUNS * (1 - P) ** (b + 1));
  const complete = RUNS - failed;
  const ci = wilsonInterval(complete, RUNS);
  const exact = 1 - (1 - P) ** (b + 1);
  const duration = summaryOf(finishPairs(b));
  const podSecondsMean = pods.reduce((s, [k, n]) => s + k * RUN_S * n, 0) / RUNS;
  const wasted = pods.reduce((s, [k, n]) => s + (k === b + 1 ? k : k - 1) * RUN_S * n, 0) / RUNS;
  const podSummary = summaryOf(pods);
  return {
    complete,
    failed,
    unfinished: 0,
    deleted: 0,
    successRate: r6(complete / RUNS),
    successCI95: [r6(ci[0]), r6(ci[1])],
    reasons:
      failed > 0
        ? { BackoffLimitExceeded: failed, CompletionsReached: complete }
        : { CompletionsReached: complete },
    firstRuns: failed > 0 ? { Complete: 0, Failed: 3 } : { Complete: 0 },
    pods: podSummary,
    failedPods: summaryOf(pods.map(([k, n]) => [k === b + 1 ? k : k - 1, n])),
    durationSeconds: duration,
    completeSeconds: duration,
    podSeconds: {
      mean: r4(podSecondsMean),
      p50: RUN_S,
      p95: RUN_S * podSummary.p95,
      p99: RUN_S * podSummary.p99,
      max: RUN_S * (b + 1),
    },
    wastedPodSeconds: { mean: r4(wasted), p50: 0, p95: RUN_S * b, p99: RUN_S * b, max: RUN_S * (b + 1) },
    closedForm:
      opts.closedForm === false
        ? { applies: false, reason: "the image's outcomes are scripted" }
        : {
            applies: true,
            p: P,
            backoffLimit: b,
            successRate: r6(exact),
            pods: podSummary,
            durationSeconds: null,
            durationNote: "runSeconds is random",
            checks: {
              successRate: {
                verdict: ci[0] <= exact && exact <= ci[1] ? "agrees" : "disagrees",
                exact: r6(exact),
                estimate: r6(complete / RUNS),
                interval: [r6(ci[0]), r6(ci[1])],
              },
            },
          },
  };
}

export interface SweepFixtureOptions {
  evil?: boolean;
  target?: number;
  withinSeconds?: number;
  values?: number[];
}

export function sweepFixture(o: SweepFixtureOptions = {}): SweepReport {
  const job = o.evil ? EVIL : "example-job";
  const scenario = o.evil ? `flaky ${EVIL}` : "flaky-job";
  const target = o.target ?? 0.9;
  const values = o.values ?? [0, 1, 2, 3, 4, 5];
  const points: SweepPoint[] = values.map((b) => {
    const j = jobReport(b);
    let successes = j.complete;
    if (o.withinSeconds !== undefined) {
      successes = finishPairs(b)
        .filter(([t]) => t <= o.withinSeconds!)
        .reduce((s, [, n]) => s + n, 0);
      successes = Math.min(successes, j.complete);
    }
    const ci = wilsonInterval(successes, RUNS);
    return {
      value: b,
      scenario,
      seed: 42,
      runs: RUNS,
      jobs: { [job]: j },
      fingerprint: `fp${b.toString(16).padStart(4, "0")}`,
      target: { successes, rate: r6(successes / RUNS), ci95: [r6(ci[0]), r6(ci[1])], meets: ci[0] >= target },
    };
  });
  const best = points.filter((p) => p.target!.meets)[0];
  const r: SweepReport = {
    parameter: "spec.backoffLimit",
    job,
    runs: RUNS,
    seed: 42,
    target,
    points,
    recommendation: best ? { value: best.value, target, lowerBound: best.target!.ci95[0] } : null,
  };
  if (o.withinSeconds !== undefined) {
    r.withinSeconds = o.withinSeconds;
    if (r.recommendation) r.recommendation.withinSeconds = o.withinSeconds;
  }
  return r;
}

export function sweepDistributions(r: SweepReport): Distributions[] {
  return r.points.map((p) => ({
    label: String(p.value),
    value: p.value,
    finishCdf: cdf(finishPairs(p.value)),
    pods: counts(podsDistribution(p.value)),
  }));
}

export function mcFixture(o: { evil?: boolean } = {}): McReport {
  const name = o.evil ? EVIL : "example-job";
  return {
    scenario: o.evil ? `two jobs ${EVIL}` : "two-jobs",
    seed: 7,
    runs: RUNS,
    jobs: { [name]: jobReport(3), "batch/nightly-report": jobReport(1, { closedForm: false }) },
    fingerprint: "9f86d081884c7d65",
  };
}

export function mcDistributions(r: McReport): Distributions[] {
  const bs = [3, 1];
  return Object.keys(r.jobs).map((label, i) => ({
    label,
    finishCdf: cdf(finishPairs(bs[i])),
    pods: counts(podsDistribution(bs[i])),
  }));
}

export function metaFixture(o: { evil?: boolean; sweep?: boolean } = {}): ReportMeta {
  const file = o.evil ? `scenarios/${EVIL}.yaml` : "scenarios/flaky-job.yaml";
  const mc = o.sweep === false;
  return {
    version: "0.1.0",
    scenario: o.evil ? `${mc ? "two jobs" : "flaky"} ${EVIL}` : mc ? "two-jobs" : "flaky-job",
    scenarioFile: file,
    seed: 42,
    runs: RUNS,
    command:
      o.sweep === false
        ? `mc ${file} --runs 10000 --html report.html`
        : `sweep ${file} --set spec.backoffLimit=0..5 --runs 10000 --target 0.9 --html report.html`,
  };
}

/**
 * One run of a backoffLimit-2 Job whose first two pods fail: pod 1 on node-a, back-off 10 s,
 * pod 2 on node-b, back-off 20 s, pod 3 on node-a completes. A second Job's pod on node-b.
 */
export function timelineFixture(o: { evil?: boolean } = {}): TimelineData {
  const job = o.evil ? EVIL : "example-job";
  const s = (x: number) => x * 1000;
  const pods: TimelinePod[] = [
    {
      name: `${o.evil ? EVIL : "example-job"}-7xk2p`,
      node: "node-a",
      job,
      segments: [
        { fromMs: 0, toMs: s(0.4), phase: "Pending" },
        { fromMs: s(0.4), toMs: s(8), phase: "Pulling" },
        { fromMs: s(8), toMs: s(10), phase: "ContainerCreating" },
        { fromMs: s(10), toMs: s(35), phase: "Running" },
        { fromMs: s(35), toMs: s(36), phase: "Error" },
      ],
    },
    {
      name: "example-job-q9w4z",
      node: "node-b",
      job,
      segments: [
        { fromMs: s(46), toMs: s(46.5), phase: "Pending" },
        { fromMs: s(46.5), toMs: s(48), phase: "ContainerCreating" },
        { fromMs: s(48), toMs: s(73), phase: "Running" },
        { fromMs: s(73), toMs: s(74), phase: "Error" },
      ],
    },
    {
      name: "example-job-m3b8d",
      node: "node-a",
      job,
      segments: [
        { fromMs: s(94), toMs: s(94.5), phase: "Pending" },
        { fromMs: s(94.5), toMs: s(96), phase: "ContainerCreating" },
        { fromMs: s(96), toMs: s(121), phase: "Running" },
        { fromMs: s(121), toMs: s(140), phase: "Completed" },
      ],
    },
    {
      name: "crashy-0",
      node: "node-b",
      job: "crashy",
      segments: [
        { fromMs: s(5), toMs: s(7), phase: "ContainerCreating" },
        { fromMs: s(7), toMs: s(12), phase: "Running" },
        { fromMs: s(12), toMs: s(22), phase: "CrashLoopBackOff" },
        { fromMs: s(22), toMs: s(30), phase: "Running" },
        { fromMs: s(30), toMs: s(50), phase: "CrashLoopBackOff" },
        { fromMs: s(50), toMs: s(60), phase: "Terminating" },
      ],
    },
    {
      name: "unscheduled-0",
      node: "",
      job: "crashy",
      segments: [{ fromMs: s(100), toMs: s(140), phase: "Pending" }],
    },
  ];
  return {
    title: o.evil ? `run of ${EVIL}` : "jobsim run scenarios/flaky-job.yaml",
    epochMs: Date.UTC(2025, 0, 1),
    endMs: s(140),
    pods,
    markers: [
      { atMs: s(74), label: o.evil ? EVIL : "FailureTarget", job: "crashy" },
      { atMs: s(121), label: "SuccessCriteriaMet", job },
      { atMs: s(121), label: "Complete", job },
    ],
    nodes: ["node-a", "node-b"],
  };
}
