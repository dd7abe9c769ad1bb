import { describe, expect, it } from "vitest";
import { closedFormFor } from "../../src/analysis/closed-form.js";
import { runHere } from "../../src/analysis/execute.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { planFor } from "../../src/analysis/plan.js";
import { Materializer } from "../../src/models/materialize.js";
import { TraceRecorder } from "../../src/models/trace.js";
import { parseScenario, type Scenario } from "../../src/scenario/load.js";
import type { Override } from "../../src/scenario/overrides.js";
import { Session } from "../../src/session/session.js";

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

/** A trace line without what a Monte Carlo run does not write: human-readable messages, and
 * the annotation --save-config adds on the client side. */
function withoutText(line: string): string {
  const l = JSON.parse(line) as {
    object?: { metadata?: { annotations?: unknown } };
    changed?: Record<string, unknown>;
  };
  if (l.object?.metadata?.annotations !== undefined) delete l.object.metadata.annotations;
  for (const k of Object.keys(l.changed ?? {})) if (k.endsWith(".message")) delete l.changed?.[k];
  return JSON.stringify(l);
}

/** The Job and Pod history of run `run` as the session writes it and as Monte Carlo does. */
function traces(sc: Scenario, run: number): { session: string[]; monteCarlo: string[] } {
  const session: string[] = [];
  new Session(sc, {
    seed: 5,
    run,
    trace: (l) => session.push(withoutText(JSON.stringify(l))),
  }).run({ prompt() {}, stdout() {}, stderr() {} });
  const mc = new MonteCarlo(sc, 5);
  const monteCarlo: string[] = [];
  const materializer = new Materializer(sc.epochMs, mc.cluster.identities, sc.profile);
  const recorder = new TraceRecorder(mc.cluster.store, materializer, (l) =>
    monteCarlo.push(withoutText(JSON.stringify(l))),
  );
  mc.runOne(run);
  mc.cluster.store.unwatch(recorder);
  return { session, monteCarlo };
}

describe("kubectl create job: one model, two speeds", () => {
  it.each([0, 1, 2, 3])("run %i writes the session's Job and Pod history", (run) => {
    const sc = scenarioOf([
      "sleep 7s",
      "kubectl create job hello --image=app:1 --save-config -- date",
      "kubectl wait --for=condition=complete job/hello --timeout=2m",
      "kubectl create job later --image=app:1",
      "sleep 2h",
    ]);
    const { session, monteCarlo } = traces(sc, run);
    expect(monteCarlo.length).toBeGreaterThan(10);
    // Monte Carlo stops once every Job finished; the session sleeps on.
    expect(monteCarlo).toEqual(session.slice(0, monteCarlo.length));
  });
});
