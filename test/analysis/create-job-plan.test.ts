import { describe, expect, it } from "vitest";
import { closedFormFor } from "../../src/analysis/closed-form.js";
import { runHere } from "../../src/analysis/execute.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { planFor } from "../../src/analysis/plan.js";
import { parseScenario, type Scenario } from "../../src/scenario/load.js";
import type { Override } from "../../src/scenario/overrides.js";

/**
 * Monte Carlo replays `kubectl create job NAME --image=IMAGE [-- COMMAND]` as the session runs
 * it: the Job kubectl builds (create_job.go createJob) is created at the step's time, as a
 * `create -f` of the same Job would be — the same runs, fingerprint and closed form.
 */

const IMAGES = `images:
  app:1:
    runSeconds: {uniform: [2, 5]}
    outcomes:
      - {probability: 0.4, exitCode: 0, log: ok}
      - {probability: 0.6, exitCode: 1, log: failed}
`;

/** The Job `create job hello --image=app:1 -- date` builds, written as a manifest. */
const SAME_JOB = `files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: hello}
    spec:
      template:
        spec:
          containers: [{name: hello, image: "app:1", command: [date]}]
          restartPolicy: Never
`;

function scenarioOf(steps: string[], files = "", overrides: Override[] = []): Scenario {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cj}
seed: 5
${IMAGES}${files}steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return parseScenario(text, "cj.yaml", "/nonexistent", overrides);
}

const CREATE_JOB = "kubectl create job hello --image=app:1 -- date";

describe("kubectl create job in a Monte Carlo plan", () => {
  it("is a create step of the Job kubectl builds, at the step's time", () => {
    const plan = planFor(scenarioOf(["sleep 30s", CREATE_JOB, "kubectl get jobs"]));
    expect(plan.steps.map((s) => s.kind)).toEqual(["advance", "create"]);
    expect(plan.jobKeys).toEqual(["default/hello"]);
    const create = plan.steps[1];
    if (create.kind !== "create") throw new Error("not a create step");
    expect(create.apply).toBe(false);
    const container = create.jobs[0].object.spec?.template.spec?.containers[0];
    expect([container?.name, container?.image, container?.command]).toEqual(["hello", "app:1", ["date"]]);
  });

  it.each([
    ["kubectl create job hello --image=app:1 --dry-run=client", "no step creates a Job"],
    ["kubectl create job hello --image=app:1 --dry-run=server", "no step creates a Job"],
    ["kubectl create job hello --from=cronjob/nightly", "no step creates a Job"],
    ["kubectl create job hello", "no step creates a Job"],
    ["kubectl create job hello --image=app:1 -n team", 'namespaces "team" not found'],
  ])("%s creates no Job", (step, message) => {
    expect(() => planFor(scenarioOf([step]))).toThrow(message);
  });

  it("creates into a namespace an earlier step made", () => {
    const plan = planFor(
      scenarioOf(["kubectl create namespace team", "kubectl create job hello -n team --image=app:1 -- date"]),
    );
    expect(plan.jobKeys).toEqual(["team/hello"]);
  });

  it("gives the runs, fingerprint and closed form of the same Job created from a file", () => {
    const fromCommand = new MonteCarlo(scenarioOf(["sleep 10s", CREATE_JOB]), 5);
    const fromFile = new MonteCarlo(scenarioOf(["sleep 10s", "kubectl create -f job.yaml"], SAME_JOB), 5);
    const a = runHere(fromCommand, 0, 2000);
    const b = runHere(fromFile, 0, 2000);
    expect(a.fingerprint.hex()).toBe(b.fingerprint.hex());
    expect(a.stats[0].count("Complete")).toBe(b.stats[0].count("Complete"));
    expect(a.stats[0].count("Complete")).toBeGreaterThan(1900);
    const closed = closedFormFor(fromCommand.scenario, fromCommand.plan, 0);
    expect(typeof closed).not.toBe("string");
    expect(closed).toEqual(closedFormFor(fromFile.scenario, fromFile.plan, 0));
  });

  it("takes a sweep's --set spec.… as a manifest's Job does", () => {
    const swept = scenarioOf([CREATE_JOB], "", [{ path: "spec.backoffLimit", value: 0 }]);
    const create = planFor(swept).steps[0];
    if (create.kind !== "create") throw new Error("not a create step");
    expect(create.jobs[0].object.spec?.backoffLimit).toBe(0);
  });
});
