import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sweep } from "../../src/analysis/sweep.js";
import { wilsonInterval } from "../../src/engine/stats/wilson.js";

/**
 * Sweeps on the tutorial's Job with fixed timings (p = 0.4): estimates against the closed form
 * at every value, the recommendation rule, the refinement of values whose interval straddles the
 * target, and reproducibility. Fixed seeds: deterministic, never flaky.
 */

const P = 0.4;

function scenarioFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "jobsim-sweep-"));
  const path = join(dir, "fixed.yaml");
  writeFileSync(
    path,
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: fixed}
seed: 11
images:
  app:1:
    pullSeconds: 2
    startSeconds: 2
    runSeconds: 3
    outcomes:
      - {probability: ${P}, exitCode: 0, log: ok}
      - {probability: ${1 - P}, exitCode: 1, log: failed}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: 6
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`,
  );
  return path;
}

const FILE = scenarioFile();
const exact = (b: number) => 1 - (1 - P) ** (b + 1);

describe("jobsim sweep", () => {
  it("estimates every value within 4 standard errors of the closed form; success never drops as backoffLimit grows", async () => {
    const runs = 4000;
    const { report } = await sweep({
      scenarioPath: FILE,
      parameter: "spec.backoffLimit",
      values: [0, 1, 2, 3, 5, 8],
      runs,
      workers: 1,
    });
    let previous = -1;
    for (const p of report.points) {
      const j = p.jobs.work;
      const e = exact(p.value);
      const se = Math.sqrt((e * (1 - e)) / runs);
      expect(Math.abs(j.successRate - e)).toBeLessThanOrEqual(4 * se);
      expect(j.closedForm.applies && j.closedForm.successRate).toBeCloseTo(e, 6);
      // With common random numbers the Complete count never falls as backoffLimit grows (run by
      // run, a Complete run stays Complete: test/models/properties.test.ts (5)).
      expect(j.complete).toBeGreaterThanOrEqual(previous);
      previous = j.complete;
    }
    expect(report.recommendation).toBeNull();
    expect(report.target).toBeUndefined();
  });

  it("without refinement, recommends the smallest value whose 95% lower bound reaches the target", async () => {
    const o = {
      scenarioPath: FILE,
      parameter: "spec.backoffLimit",
      values: [4, 5, 6, 7, 8, 9],
      runs: 3000,
      workers: 1,
      target: 0.95,
    };
    const { report } = await sweep(o);
    // Reproducible: the same sweep again gives the same JSON.
    expect(JSON.stringify((await sweep(o)).report)).toBe(JSON.stringify(report));
    // Each point's interval is the Wilson interval of its Complete count (6 decimals in the report).
    for (const p of report.points) {
      const [lo, hi] = wilsonInterval(p.jobs.work.complete, p.runs);
      expect(p.target!.ci95[0]).toBeCloseTo(lo, 6);
      expect(p.target!.ci95[1]).toBeCloseTo(hi, 6);
    }
    const meeting = report.points.filter((p) => p.target!.ci95[0] >= 0.95).map((p) => p.value);
    expect(meeting.length).toBeGreaterThan(0);
    expect(report.recommendation?.value).toBe(Math.min(...meeting));
    for (const p of report.points) expect(p.runs).toBe(3000);
    // The closed form's answer: the smallest b with 1 − 0.6^(b+1) ≥ 0.95 is 5 (95.33%).
    expect(report.closedFormRecommendation).toEqual({ value: 5, successRate: expect.closeTo(exact(5), 6) });
  });

  it("refines values whose interval straddles the target until the answer is settled", async () => {
    const o = {
      scenarioPath: FILE,
      parameter: "spec.backoffLimit",
      values: [11, 12, 13, 14],
      runs: 5000,
      workers: 1,
      target: 0.999,
      maxRuns: 640_000,
    };
    const { report } = await sweep(o);
    // 1 − 0.6^14 = 99.922% is the first above 99.9%: refinement finds it.
    expect(report.closedFormRecommendation?.value).toBe(13);
    expect(report.recommendation?.value).toBe(13);
    expect(report.maxRuns).toBe(640_000);
    for (const p of report.points) {
      // Runs are the base doubled some times, never above the cap.
      expect(Number.isInteger(Math.log2(p.runs / 5000))).toBe(true);
      expect(p.runs).toBeLessThanOrEqual(640_000);
      // Every value below the recommendation is shown to miss the target.
      if (p.value < 13) expect(p.target!.ci95[1]).toBeLessThan(0.999);
    }
    expect(report.points.find((p) => p.value === 13)!.runs).toBeGreaterThan(5000);
  });

  it("a refined value equals a fresh run at its final run count; warm workers give the same sweep", async () => {
    // Refinement joins the new runs onto the whole blocks already run (not block-aligned:
    // 5,000 runs is 1 block and 904 runs of the next); the result must be exactly that of
    // running [0, runs) at once.
    const o = {
      scenarioPath: FILE,
      parameter: "spec.backoffLimit",
      values: [11, 12, 13],
      runs: 5000,
      workers: 1,
      target: 0.999,
      maxRuns: 40_000,
    };
    const one = (await sweep(o)).report;
    const refined = one.points.filter((p) => p.runs > 5000);
    expect(refined.length).toBeGreaterThan(0);
    for (const p of refined) {
      const fresh = (await sweep({ ...o, values: [p.value], runs: p.runs, maxRuns: p.runs })).report;
      expect(fresh.points[0].fingerprint).toBe(p.fingerprint);
      expect(JSON.stringify(fresh.points[0])).toBe(JSON.stringify(p));
    }
    // One pool of two worker threads serves every value and refinement: same bytes.
    const two = (await sweep({ ...o, workers: 2 })).report;
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it("sweeps an image's outcome probability too (the complementary outcome follows)", async () => {
    const { report } = await sweep({
      scenarioPath: FILE,
      parameter: "images.app:1.outcomes[0].probability",
      values: [0.2, 0.5, 0.8],
      runs: 3000,
      workers: 1,
    });
    for (const p of report.points) {
      const e = 1 - (1 - p.value) ** 7; // backoffLimit 6
      // At 0.8, e = 0.99998720: about 0.04 failures are expected in 3000 runs, too few for a
      // normal approximation. The exact binomial tails judge the count instead, at the two-sided
      // level of 4 standard errors (6.3e-5).
      const failures = 3000 - p.jobs.work.complete;
      const [below, above] = binomialTails(3000, 1 - e, failures);
      expect(Math.min(below, above)).toBeGreaterThan(6.3e-5 / 2);
    }
  });
});

describe("a sweep reads its scenario once", () => {
  it.each([1, 2])(
    "a scenario file edited while the sweep runs changes no value's runs (%i worker(s))",
    async (workers) => {
      // Every value must run the scenario as it was when the sweep started: common random
      // numbers compare values on the same draws, not on two versions of the file.
      const dir = mkdtempSync(join(tmpdir(), "jobsim-edit-"));
      const file = join(dir, "edited.yaml");
      const text = readFileSync(FILE, "utf8");
      const options = {
        parameter: "spec.backoffLimit",
        values: [0, 1, 2],
        runs: 2000,
        workers,
      };
      writeFileSync(file, text);
      const before = await sweep({ scenarioPath: file, ...options });
      let edited = false;
      const during = await sweep({
        scenarioPath: file,
        ...options,
        progress: (done) => {
          if (done > 0 && !edited) {
            edited = true;
            writeFileSync(
              file,
              text
                .replace(/probability: 0\.4,/, "probability: 0.9,")
                .replace(/probability: 0\.6,/, "probability: 0.1,"),
            );
          }
        },
      });
      expect(edited).toBe(true);
      expect(JSON.stringify(during.report)).toBe(JSON.stringify(before.report));
    },
  );
});

describe("the closed-form recommendation", () => {
  it("compares the exact P(success), not its 6-decimal rounding, with the target", async () => {
    // p = 0.9989996 at backoffLimit 0 rounds to 0.999 but lies below it; 1 attempt more gives
    // 1 − 0.0010004² ≈ 0.999999, the smallest value that truly reaches 99.9%.
    const file = join(mkdtempSync(join(tmpdir(), "jobsim-round-")), "round.yaml");
    writeFileSync(
      file,
      readFileSync(FILE, "utf8").replace(
        /probability: [^,]+, exitCode: 0(.*)\n(.*)probability: [^,]+, exitCode: 1/,
        "probability: 0.9989996, exitCode: 0$1\n$2probability: 0.0010004, exitCode: 1",
      ),
    );
    const { report } = await sweep({
      scenarioPath: file,
      parameter: "spec.backoffLimit",
      values: [0, 1],
      runs: 100,
      target: 0.999,
      workers: 1,
    });
    expect(report.points[0].jobs.work.closedForm).toMatchObject({ applies: true, p: 0.999 });
    expect(report.closedFormRecommendation).toEqual({ value: 1, successRate: 0.999999 });
  });
});

describe("jobsim sweep --within: the closed form of P(Complete within T)", () => {
  // A preloaded image, 2 s start, 3 s run: a first success ends the Job at 6 s, a second
  // attempt's at 21 s (back-off 10 s from the first failure), a third's at 46 s (20 s more).
  // So P(Complete within 21 s) = 0.4 + 0.6·0.4 = 0.64 once backoffLimit ≥ 1, 0.4 at 0.
  const dir = mkdtempSync(join(tmpdir(), "jobsim-within-"));
  const file = join(dir, "preloaded.yaml");
  writeFileSync(
    file,
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: preloaded}
seed: 7
cluster:
  nodes: [{name: n1, images: ["img:1"]}]
images:
  img:1:
    startSeconds: 2
    runSeconds: 3
    outcomes: [{probability: 0.4, exitCode: 0}, {probability: 0.6, exitCode: 1}]
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      backoffLimit: 2
      template:
        spec:
          containers: [{name: c, image: "img:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`,
  );

  it("gives the exact rate beside each estimate and the smallest value it meets", async () => {
    const runs = 8000;
    const { report } = await sweep({
      scenarioPath: file,
      parameter: "spec.backoffLimit",
      values: [0, 1, 2, 3],
      runs,
      maxRuns: runs,
      target: 0.6,
      withinSeconds: 21,
      workers: 1,
    });
    expect(report.points.map((p) => p.target!.exactRate)).toEqual([0.4, 0.64, 0.64, 0.64]);
    for (const p of report.points) {
      const e = p.target!.exactRate!;
      const se = Math.sqrt((e * (1 - e)) / runs);
      expect(Math.abs(p.target!.rate - e)).toBeLessThanOrEqual(4 * se);
    }
    expect(report.closedFormRecommendation).toEqual({ value: 1, successRate: 0.64 });
  });

  it("counts only the successes a run sees before the horizon, as the Monte Carlo does", async () => {
    // horizon 30 s: a third attempt's success (46 s) lies past it, where every run stops, so
    // P(Complete within 60 s) as the runs can show it is 0.64, not 0.4 + 0.24 + 0.144 = 0.784.
    const cut = join(dir, "cut.yaml");
    writeFileSync(cut, readFileSync(file, "utf8").replace("seed: 7\n", "seed: 7\nhorizon: 30s\n"));
    const runs = 8000;
    const { report } = await sweep({
      scenarioPath: cut,
      parameter: "spec.backoffLimit",
      values: [0, 2, 3],
      runs,
      maxRuns: runs,
      target: 0.7,
      withinSeconds: 60,
      workers: 1,
    });
    expect(report.points.map((p) => p.target!.exactRate)).toEqual([0.4, 0.64, 0.64]);
    for (const p of report.points) {
      const e = p.target!.exactRate!;
      const se = Math.sqrt((e * (1 - e)) / runs);
      expect(Math.abs(p.target!.rate - e)).toBeLessThanOrEqual(4 * se);
    }
    expect(report.closedFormRecommendation).toBeNull();
  });
});

/** P(X ≤ k) and P(X ≥ k) for X ~ Binomial(n, q), summed in log space. */
function binomialTails(n: number, q: number, k: number): [number, number] {
  let below = 0;
  let above = 0;
  let logC = 0;
  for (let i = 0; i <= n; i++) {
    if (i > 0) logC += Math.log((n - i + 1) / i);
    const pmf = q === 0 ? (i === 0 ? 1 : 0) : Math.exp(logC + i * Math.log(q) + (n - i) * Math.log1p(-q));
    if (i <= k) below += pmf;
    if (i >= k) above += pmf;
  }
  return [below, above];
}
