import { parseScenario, type Scenario } from "../../src/scenario/load.js";

/** A one-Job scenario with fixed or random timings, for analysis tests. */
export function scenario(opts: {
  p: number;
  backoffLimit: number;
  runSeconds?: string;
  startSeconds?: string;
  pullSeconds?: string;
  extraSpec?: string;
  steps?: string[];
  horizon?: string;
}): Scenario {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: analysis-test
seed: 42${opts.horizon === undefined ? "" : `\nhorizon: ${opts.horizon}`}
images:
  app:1:
    pullSeconds: ${opts.pullSeconds ?? "2"}
    startSeconds: ${opts.startSeconds ?? "2"}
    runSeconds: ${opts.runSeconds ?? "3"}
    outcomes:
      - {probability: ${opts.p}, exitCode: 0, log: ok}
      - {probability: ${Number((1 - opts.p).toPrecision(12))}, exitCode: 1, log: failed}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: ${opts.backoffLimit}${opts.extraSpec ?? ""}
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${(opts.steps ?? ["kubectl apply -f job.yaml"]).map((s) => `  - ${s}`).join("\n")}
`;
  return parseScenario(text, "analysis-test.yaml", "/nonexistent");
}
