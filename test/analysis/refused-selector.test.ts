import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * A `wait` or `delete` step whose `-l` kubectl refuses (the server's BadRequest) changes nothing in
 * a session; Monte Carlo replays it the same way — it ran the command outside runKubectl and
 * stopped with an internal error.
 */
const SCENARIO = parseScenario(
  `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: badsel}
images:
  app:1: {runSeconds: 3, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: w}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - kubectl wait --for=condition=complete jobs -l 'a=b=c' --timeout=1m
  - kubectl delete pods -l 'a in (b'
`,
  "badsel.yaml",
  "/nonexistent",
);

describe("a step kubectl refuses for its -l", () => {
  it("prints the server's BadRequest in a session and waits for nothing", () => {
    const out = sessionTranscript(SCENARIO);
    expect(out).toContain(
      'Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "a=b=c"',
    );
  });

  it("is replayed by Monte Carlo as the session runs it: the Job completes, nothing deleted", () => {
    const mc = new MonteCarlo(SCENARIO, 1);
    const [r] = mc.runOne(0);
    expect(r.outcome).toBe("Complete");
    expect(r.pods).toBe(1);
  });
});
