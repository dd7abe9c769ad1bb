import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../src/scenario/load.js";

/**
 * Two `kubectl create -f` of one generateName manifest make two Jobs (`db-backup-9hvl4`,
 * `db-backup-fhwhm`). Monte Carlo knows both by the prefix, and a result row follows the first
 * Job of its name (README): its pods, failures and pod-seconds, not the sum over both Jobs with
 * the outcome of whichever finished first.
 */
const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: gen-rows}
images:
  app:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 4, outcomes: [{probability: 1, exitCode: 0}]}
files:
  gen.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {generateName: db-backup-}
    spec:
      completions: 2
      parallelism: 2
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl create -f gen.yaml
  - sleep 30s
  - kubectl create -f gen.yaml
  - sleep 1h
`;

describe("generateName Jobs in Monte Carlo", () => {
  it("a row counts the first Job's pods only", () => {
    const mc = new MonteCarlo(parseScenario(text, "gen-rows.yaml", "/nonexistent"), 1);
    const [row] = mc.runOne(0);
    expect(row.outcome).toBe("Complete");
    expect(row.pods).toBe(2);
  });
});
