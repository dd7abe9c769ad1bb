import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobsim, tmp } from "../helpers/cli.js";

/**
 * `sweep --csv`: every value's runs add up — complete, failed, and the runs that did not end
 * either way (cut short by the horizon, or whose Job a step deleted), which the CSV left out.
 */
describe("sweep --csv", () => {
  it("counts the runs the horizon cut short (unfinished) and those deleted, so that each row's runs add up", () => {
    const dir = tmp();
    const scenario = join(dir, "s.yaml");
    // p = 0.4, fixed timings: a Job needing its 11th pod spends 10 + 20 + … + 320 + 5 × 360 s
    // in back-off alone (over 40 min), so a 30 min horizon cuts those runs short.
    writeFileSync(
      scenario,
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: s}
horizon: 30m
images:
  app:1: {runSeconds: 3, outcomes: [{probability: 0.4, exitCode: 0}, {probability: 0.6, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: w}
    spec:
      backoffLimit: 10
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`,
    );
    const csv = join(dir, "sweep.csv");
    const r = jobsim("sweep", scenario, "--set", "spec.backoffLimit=2,10", "--runs", "3000", "--csv", csv);
    expect(r.stderr).toBe("");
    const [header, ...rows] = readFileSync(csv, "utf8").trim().split("\n");
    const cols = header.split(",");
    expect(cols.slice(0, 6)).toEqual([
      "spec.backoffLimit",
      "runs",
      "complete",
      "failed",
      "unfinished",
      "deleted",
    ]);
    const cells = rows.map((row) => row.split(",").slice(0, 6).map(Number));
    for (const [, runs, complete, failed, unfinished, deleted] of cells)
      expect(complete + failed + unfinished + deleted).toBe(runs);
    expect(cells[0][4]).toBe(0);
    expect(cells[1][4]).toBeGreaterThan(0);
  });
});
