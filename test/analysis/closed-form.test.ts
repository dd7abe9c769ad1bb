import { describe, expect, it } from "vitest";
import { closedFormFor, mean } from "../../src/analysis/closed-form.js";
import { runHere } from "../../src/analysis/execute.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { jobReport, meanCheck, meanRunsNeeded } from "../../src/analysis/report.js";
import { Xor128 } from "../../src/engine/random/xor128.js";
import { IntHistogram } from "../../src/engine/stats/histogram.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenario } from "./helpers.js";

/**
 * Monte Carlo estimates against the closed forms, on fixed seeds (deterministic), with
 * tolerances of 4 standard errors of each estimate.
 */

const RUNS = 20_000;

describe.each([
  [0.4, 10],
  [0.4, 0],
  [0.1, 3],
  [0.9, 2],
  [0.25, 6],
])("p = %f, backoffLimit = %i", (p, backoffLimit) => {
  const s = scenario({ p, backoffLimit });
  const mc = new MonteCarlo(s, 2026);
  const { stats } = runHere(mc, 0, RUNS);
  const st = stats[0];
  const cf = closedFormFor(s, mc.plan, 0);

  it("P(success) = 1 − (1 − p)^(backoffLimit + 1) within 4 SE", () => {
    if (typeof cf === "string") throw new Error(cf);
    expect(cf.successRate).toBeCloseTo(1 - (1 - p) ** (backoffLimit + 1), 12);
    const est = st.count("Complete") / RUNS;
    const se = Math.sqrt((cf.successRate * (1 - cf.successRate)) / RUNS);
    expect(Math.abs(est - cf.successRate)).toBeLessThanOrEqual(4 * se + 1e-12);
    expect(st.count("Complete") + st.count("Failed")).toBe(RUNS);
  });

  it("the distribution of pods created matches the truncated geometric (each value within 4 SE)", () => {
    if (typeof cf === "string") throw new Error(cf);
    const exactMean = mean(cf.pods);
    const seMean = Math.sqrt(st.pods.variance() / RUNS);
    expect(Math.abs(st.pods.mean() - exactMean)).toBeLessThanOrEqual(4 * seMean + 1e-12);
    const observed = new Map(st.pods.toPairs());
    cf.pods.values.forEach((k, i) => {
      const prob = cf.pods.probs[i];
      const se = Math.sqrt((prob * (1 - prob)) / RUNS);
      expect(Math.abs((observed.get(k) ?? 0) / RUNS - prob)).toBeLessThanOrEqual(4 * se + 1e-12);
    });
    expect(st.pods.max()).toBeLessThanOrEqual(backoffLimit + 1);
  });

  it("with fixed durations the time to finish takes only the exact distribution's values, at its probabilities (4 SE)", () => {
    if (typeof cf === "string" || cf.durationSeconds === null) throw new Error("no exact time distribution");
    const d = cf.durationSeconds;
    const support = new Set(d.values);
    const pairs = st.durationSeconds.toPairs();
    for (const [v] of pairs) expect(support.has(v)).toBe(true);
    const observed = new Map(pairs);
    d.values.forEach((v, i) => {
      const prob = d.probs[i];
      const se = Math.sqrt((prob * (1 - prob)) / RUNS);
      expect(Math.abs((observed.get(v) ?? 0) / RUNS - prob)).toBeLessThanOrEqual(4 * se + 1e-9);
    });
  });
});

describe("closed forms are offered only where they hold", () => {
  it("random durations: P(success) and pods, but no exact time", () => {
    const s = scenario({ p: 0.4, backoffLimit: 3, runSeconds: "{lognormal: {median: 1.2, sigma: 0.3}}" });
    const mc = new MonteCarlo(s, 1);
    const cf = closedFormFor(s, mc.plan, 0);
    if (typeof cf === "string") throw new Error(cf);
    expect(cf.durationSeconds).toBeNull();
    expect(cf.durationNote).toBe("some duration is random");
  });

  it.each([
    ["\n      parallelism: 2", "parallelism is not 1"],
    ["\n      activeDeadlineSeconds: 60", "activeDeadlineSeconds is set"],
    ["\n      managedBy: example.com/other", "the Job is managed by another controller (spec.managedBy)"],
  ])("none where they do not hold: %j", (extraSpec, why) => {
    const s = scenario({ p: 0.4, backoffLimit: 3, extraSpec });
    expect(closedFormFor(s, new MonteCarlo(s, 1).plan, 0)).toBe(why);
  });

  it("none when the pod template has a deadline (a pod may fail for it)", () => {
    const s = scenario({ p: 0.4, backoffLimit: 3, podSpecExtra: "\n          activeDeadlineSeconds: 1" });
    expect(closedFormFor(s, new MonteCarlo(s, 1).plan, 0)).toBe(
      "the pod template's activeDeadlineSeconds is set (a pod may fail for its deadline)",
    );
  });
});

describe("the report compares closed forms only with runs that reached the Job's end", () => {
  it("runs cut short by the horizon leave the closed form out, with the reason (random durations: judged from the runs)", () => {
    // A 20 s horizon: a first attempt ends in ~7 s, a second not before ~22 s (10 s back-off).
    // (With fixed durations the exact time distribution decides instead: see below.)
    const s = scenario({
      p: 0.4,
      backoffLimit: 10,
      horizon: "20s",
      runSeconds: "{lognormal: {median: 3, sigma: 0.1}}",
    });
    const mc = new MonteCarlo(s, 7);
    const { stats } = runHere(mc, 0, 2000);
    const cf = closedFormFor(s, mc.plan, 0);
    expect(typeof cf).not.toBe("string");
    const report = jobReport(stats[0], cf);
    expect(report.unfinished).toBeGreaterThan(0);
    expect(report.closedForm).toEqual({
      applies: false,
      reason: `${report.unfinished.toLocaleString("en-US")} of 2,000 runs ended before the Job did (still running at the horizon), and the closed form counts every run to its end`,
    });
  });

  it("runs that all finish keep it", () => {
    const s = scenario({ p: 0.4, backoffLimit: 2 });
    const mc = new MonteCarlo(s, 7);
    const { stats } = runHere(mc, 0, 500);
    const report = jobReport(stats[0], closedFormFor(s, mc.plan, 0));
    expect(report.unfinished + report.deleted).toBe(0);
    expect(report.closedForm.applies).toBe(true);
  });
});

describe("a task that always succeeds (p = 1)", () => {
  it("creates exactly one pod: the exact distribution holds no backoffLimit + 1 of probability 0, and its max is 1", () => {
    const s = scenario({ p: 1, backoffLimit: 6 });
    const mc = new MonteCarlo(s, 1);
    const cf = closedFormFor(s, mc.plan, 0);
    if (typeof cf === "string") throw new Error(cf);
    // P(N = backoffLimit + 1) = (1 − p)^backoffLimit = 0: no run ever creates 7 pods.
    expect(cf.pods).toEqual({ values: [1], probs: [1] });
    const { stats } = runHere(mc, 0, 50);
    const report = jobReport(stats[0], cf);
    if (!report.closedForm.applies) throw new Error(report.closedForm.reason);
    expect(report.closedForm.pods).toEqual({ mean: 1, p50: 1, p95: 1, p99: 1, max: 1 });
    expect(report.pods.max).toBe(1);
  });

  it("backoffLimit 0 keeps its one value, 1 pod", () => {
    const s = scenario({ p: 1, backoffLimit: 0 });
    const cf = closedFormFor(s, new MonteCarlo(s, 1).plan, 0);
    if (typeof cf === "string") throw new Error(cf);
    expect(cf.pods).toEqual({ values: [1], probs: [1] });
  });
});

describe("closed forms for large backoff limits", () => {
  it("backoffLimit 2^31 − 1: P(success) and pods without one value per possible pod", () => {
    const s = scenario({ p: 0.4, backoffLimit: 2147483647 });
    const cf = closedFormFor(s, new MonteCarlo(s, 1).plan, 0);
    if (typeof cf === "string") throw new Error(cf);
    expect(cf.successRate).toBe(1);
    expect(cf.pods.values.length).toBeLessThan(2000);
    expect(cf.pods.values[cf.pods.values.length - 1]).toBe(2147483648);
    expect(cf.pods.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(mean(cf.pods)).toBeCloseTo(1 / 0.4, 9);
    // Fixed durations: the time to finish is exact too, enumerated only over attempts whose
    // probability is above 0.
    expect(cf.durationSeconds).not.toBeNull();
    expect(cf.durationSeconds!.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("a tiny p under a huge limit gives a reason instead of millions of values", () => {
    const s = scenario({ p: 1e-9, backoffLimit: 2147483647 });
    expect(closedFormFor(s, new MonteCarlo(s, 1).plan, 0)).toBe(
      "more than 1,000,000 pod counts have a probability above 0",
    );
  });

  it("the time distribution of backoffLimit 60 sums to 1 and ends past the capped back-off", () => {
    const s = scenario({ p: 0.4, backoffLimit: 60 });
    const cf = closedFormFor(s, new MonteCarlo(s, 1).plan, 0);
    if (typeof cf === "string" || cf.durationSeconds === null) throw new Error("no exact time distribution");
    const d = cf.durationSeconds;
    expect(d.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // 60 failures wait 10 + 20 + … + 320 s, then 54 × 600 s of back-off (capped at 10 min).
    expect(d.values[d.values.length - 1]).toBeGreaterThan(630 + 54 * 600);
  });
});

describe("closed forms where the review found them wrong (each test failed before its fix)", () => {
  const custom = (body: { outcomes: string; jobs?: string[]; horizon?: string }) =>
    parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cf}
seed: 1${body.horizon === undefined ? "" : `\nhorizon: ${body.horizon}`}
images:
  app:1:
    pullSeconds: 2
    startSeconds: 2
    runSeconds: 3
    outcomes:
${body.outcomes}
files:
${(body.jobs ?? ["a"])
  .map(
    (name) => `  ${name}.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: ${name}}
    spec:
      backoffLimit: 10
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never`,
  )
  .join("\n")}
steps:
${(body.jobs ?? ["a"]).map((name) => `  - kubectl apply -f ${name}.yaml`).join("\n")}
`,
      "cf.yaml",
      "/nonexistent",
    );

  it("a second failure outcome with a run time of its own rules the exact time out (not only the first of each kind)", () => {
    const s = custom({
      outcomes: `      - {probability: 0.4, exitCode: 0}
      - {probability: 0.3, exitCode: 1}
      - {probability: 0.3, exitCode: 2, runSeconds: 100}`,
    });
    const cf = closedFormFor(s, new MonteCarlo(s, 1).plan, 0);
    if (typeof cf === "string") throw new Error(cf);
    expect(cf.durationSeconds).toBeNull();
    expect(cf.durationNote).toBe("outcomes have their own run times");
  });

  it("several Jobs: P(success) and pods stay exact, the time does not (they share nodes and pulls)", () => {
    const s = custom({
      outcomes: "      - {probability: 0.4, exitCode: 0}\n      - {probability: 0.6, exitCode: 1}",
      jobs: ["a", "b"],
    });
    const plan = new MonteCarlo(s, 1).plan;
    for (const i of [0, 1]) {
      const cf = closedFormFor(s, plan, i);
      if (typeof cf === "string") throw new Error(cf);
      expect(cf.successRate).toBeCloseTo(1 - 0.6 ** 11, 12);
      expect(cf.durationSeconds).toBeNull();
      expect(cf.durationNote).toBe("other Jobs share the cluster's nodes and image pulls");
    }
  });

  it("whether the horizon cuts runs short is decided from the rules, the same for every seed and run count", () => {
    // 50 min: the 11th pod of a backoffLimit-10 Job cannot finish (10 + 20 + … + 600 s of back-off),
    // so exactly the runs that need it, 0.6^10 of them, are cut short.
    const s = custom({
      outcomes: "      - {probability: 0.4, exitCode: 0}\n      - {probability: 0.6, exitCode: 1}",
      horizon: "50m",
    });
    const reasons = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const mc = new MonteCarlo(s, seed);
      const cf = closedFormFor(s, mc.plan, 0);
      if (typeof cf === "string") throw new Error(cf);
      expect(cf.pastHorizon).toBeCloseTo(0.6 ** 10, 12);
      const report = jobReport(runHere(mc, 0, 100).stats[0], cf);
      expect(report.closedForm.applies).toBe(false);
      if (!report.closedForm.applies) reasons.add(report.closedForm.reason);
    }
    expect([...reasons]).toEqual([
      "the horizon ends 0.6047% of runs before the Job does (exactly, from the time distribution), and the closed form counts every run to its end",
    ]);
  });

  it("a pod with init containers has none: each adds its own start, run and outcome", () => {
    const s = parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cf}
images:
  app:1: {runSeconds: 3, outcomes: [{probability: 0.4, exitCode: 0}, {probability: 0.6, exitCode: 1}]}
files:
  a.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: a}
    spec:
      template:
        spec:
          initContainers: [{name: setup, image: "app:1"}]
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f a.yaml
`,
      "cf.yaml",
      "/nonexistent",
    );
    expect(closedFormFor(s, new MonteCarlo(s, 1).plan, 0)).toBe("the pod has init containers");
  });

  it("a sample whose runs are all alike (no sample variance) is not judged to disagree", () => {
    // p = 0.99: 50 runs all need one pod 60% of the time; the mean's interval then had width 0.
    const s = scenario({ p: 0.99, backoffLimit: 3 });
    for (let seed = 1; seed <= 20; seed++) {
      const mc = new MonteCarlo(s, seed);
      const report = jobReport(runHere(mc, 0, 50).stats[0], closedFormFor(s, mc.plan, 0));
      if (!report.closedForm.applies) throw new Error(report.closedForm.reason);
      for (const c of Object.values(report.closedForm.checks)) expect(c.verdict).toBe("agrees");
      // Too skewed to judge the means with 50 runs (Cochran's rule).
      expect(report.closedForm.unjudged?.podsMean).toBeGreaterThan(50);
    }
  });

  it("meanCheck's false-alarm rate at the runs Cochran's rule asks for is 5% (resampled from the exact distribution, 4 SE)", () => {
    const s = scenario({ p: 0.4, backoffLimit: 10 });
    const cf = closedFormFor(s, new MonteCarlo(s, 1).plan, 0);
    if (typeof cf === "string" || cf.durationSeconds === null) throw new Error("no exact time distribution");
    const rng = new Xor128();
    rng.setState(2026, 11, 29, 7);
    for (const d of [cf.pods, cf.durationSeconds]) {
      const n = meanRunsNeeded(d);
      const cumulative: number[] = [];
      let acc = 0;
      for (const p of d.probs) cumulative.push((acc += p));
      const trials = 2000;
      let alarms = 0;
      for (let t = 0; t < trials; t++) {
        const h = new IntHistogram();
        for (let i = 0; i < n; i++) {
          const u = rng.next();
          let j = 0;
          while (j < cumulative.length - 1 && cumulative[j] < u) j++;
          h.add(d.values[j]);
        }
        if (meanCheck(d, h).verdict === "disagrees") alarms++;
      }
      const se = Math.sqrt((0.05 * 0.95) / trials);
      expect(Math.abs(alarms / trials - 0.05)).toBeLessThanOrEqual(4 * se);
    }
  });
});
