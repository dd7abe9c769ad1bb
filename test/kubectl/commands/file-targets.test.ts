import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../../src/analysis/monte-carlo.js";
import { planFor } from "../../../src/analysis/plan.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { commandOutput } from "./session.js";

/**
 * `get`, `describe` and `wait` with `-f FILE` read the file's Jobs by name (cli-runtime
 * FilenameParam); Monte Carlo replays `wait -f` as the session does.
 */

function outputOf(command: string, steps = ["kubectl apply -f job.yaml"]): string {
  return commandOutput(steps, command, { runSeconds: 5 });
}

describe("-f FILE on get, describe and wait", () => {
  it.each([
    ["kubectl get -f job.yaml -o name", "job.batch/work\n"],
    ["kubectl wait --for=condition=complete -f job.yaml --timeout=1m", "job.batch/work condition met\n"],
    [
      "kubectl wait --for=condition=complete -f job.yaml --timeout=1s",
      "2> error: timed out waiting for the condition on jobs/work\n",
    ],
    [
      "kubectl get -f job.yaml job/work",
      "2> error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n",
    ],
  ])("%s", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it("describe -f: the Job's description", () => {
    expect(outputOf("kubectl describe -f job.yaml")).toMatch(/^Name: +work\nNamespace: +default\n/);
  });

  it("an empty file beside a Job's file visits nothing (it is not apply's 'no objects passed to apply')", () => {
    for (const verb of ["get -o name", "wait --for=condition=complete --timeout=1m"]) {
      const out = commandOutput(["kubectl apply -f job.yaml"], `kubectl ${verb} -f empty.yaml -f job.yaml`, {
        runSeconds: 5,
        files: { "empty.yaml": "# nothing yet\n" },
      });
      expect(out).toBe(verb.startsWith("get") ? "job.batch/work\n" : "job.batch/work condition met\n");
    }
  });

  it("an explicit -n other than the file's namespace is refused (the builder's RequireNamespace); the same -n is not", () => {
    const files = {
      "team.yaml":
        'apiVersion: batch/v1\nkind: Job\nmetadata: {name: work, namespace: team}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: "app:1"}]\n      restartPolicy: Never\n',
    };
    const steps = ["kubectl create namespace team", "kubectl apply -f team.yaml"];
    for (const verb of ["get", "describe", "wait --for=condition=complete --timeout=1s"])
      expect(commandOutput(steps, `kubectl ${verb} -f team.yaml -n default`, { files })).toBe(
        `2> error: the namespace from the provided object "team" does not match the namespace "default". You must pass '--namespace=team' to perform this operation.\n`,
      );
    expect(commandOutput(steps, "kubectl get -f team.yaml -n team -o name", { files })).toBe(
      "job.batch/work\n",
    );
  });

  it("a Job of the file not created yet: NotFound", () => {
    expect(outputOf("kubectl get -f job.yaml", ["sleep 1s"])).toBe(
      '2> Error from server (NotFound): jobs.batch "work" not found\n',
    );
  });

  it("Monte Carlo waits for the file's Jobs", () => {
    const s = parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: f}
images:
  app:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work, namespace: team}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
  next.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: next}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl create namespace team
  - kubectl apply -f job.yaml
  - kubectl wait --for=condition=complete -f job.yaml --timeout=1m
  - kubectl apply -f next.yaml
`,
      "f.yaml",
      "/nonexistent",
    );
    expect(planFor(s).steps.map((st) => st.kind)).toEqual(["create", "wait", "create"]);
    const mc = new MonteCarlo(s, 1);
    mc.runOne(0);
    const work = mc.cluster.store.findJob("team", "work")!;
    const next = mc.cluster.store.findJob("default", "next")!;
    const complete = work.status.conditions.find((c) => c.type === "Complete")!;
    expect(complete.lastTransitionMs).toBeGreaterThan(5000);
    // `next` is applied in the instant the wait saw `work` complete (API times are whole seconds).
    expect(next.creationMs).toBeGreaterThanOrEqual(complete.lastTransitionMs);
    expect(next.creationMs).toBeLessThan(complete.lastTransitionMs + 1000);
  });
});

/**
 * -f is a pflag StringSlice (cmdutil.AddFilenameOptionFlags: StringSliceVarP "filename"), so
 * `-f a.yaml,b.yaml` names two paths, as `-f a.yaml -f b.yaml` does.
 */
describe("-f with comma-separated paths", () => {
  const OTHER = `apiVersion: batch/v1
kind: Job
metadata: {name: other}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const out = (command: string) =>
    commandOutput(["kubectl apply -f job.yaml,other.yaml"], command, { files: { "other.yaml": OTHER } });

  it("apply and get read both files", () => {
    expect(
      commandOutput([], "kubectl apply -f job.yaml,other.yaml", { files: { "other.yaml": OTHER } }),
    ).toBe("job.batch/work created\njob.batch/other created\n");
    expect(out("kubectl get -f job.yaml,other.yaml -o name")).toBe("job.batch/work\njob.batch/other\n");
  });
});
