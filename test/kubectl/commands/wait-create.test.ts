import { describe, expect, it } from "vitest";
import { parseFor } from "../../../src/kubectl/wait-condition.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { Session } from "../../../src/session/session.js";
import { commandOutput, WORK_JOB_FILE } from "./session.js";

/**
 * `kubectl wait --for=create` (kubectl 1.31 to 1.35: staging/src/k8s.io/kubectl/pkg/cmd/wait
 * wait.go RunWait and conditionFuncFor, create.go IsCreated): the builder is polled every 500 ms
 * (wait.PollUntilContextTimeout, immediate) until it finds the objects; a single NotFound keeps
 * the poll going, several (an aggregate) end it; the deadline gives wait.ErrorInterrupted(nil)'s
 * "timed out waiting for the condition", naming no object. Then each object's
 * `<kind>/<name> condition met`.
 */
describe("kubectl wait --for=create", () => {
  it("is a condition kubectl 1.35 knows, in any case", () => {
    expect(parseFor("create")).toEqual({ kind: "create" });
    expect(parseFor("Create")).toEqual({ kind: "create" });
  });

  it("an object that exists: condition met at once", () => {
    expect(commandOutput(["kubectl apply -f job.yaml"], "kubectl wait --for=create job/work")).toBe(
      "job.batch/work condition met\n",
    );
  });

  it("an object that never comes: the poll's own timeout message, with no object named", () => {
    expect(
      commandOutput(["kubectl apply -f job.yaml"], "kubectl wait --for=create job/nope --timeout=2s"),
    ).toBe("2> error: timed out waiting for the condition\n");
  });

  it("--timeout=0 looks once", () => {
    expect(commandOutput([], "kubectl wait --for=create job/work --timeout=0")).toBe(
      "2> error: timed out waiting for the condition\n",
    );
  });

  it("two missing names are an aggregate of NotFound errors, which ends the poll at once", () => {
    expect(commandOutput([], "kubectl wait --for=create job/a job/b")).toBe(
      '2> Error from server (NotFound): jobs.batch "a" not found\n2> Error from server (NotFound): jobs.batch "b" not found\n',
    );
  });

  it("a selector that matches nothing yet waits for the pods the Job makes", () => {
    expect(
      commandOutput(
        ["kubectl apply -f job.yaml"],
        "kubectl wait --for=create pod -l job-name=work --timeout=30s",
      ),
    ).toBe("pod/work-skg54 condition met\n");
  });

  it("sees a new object at the poll's next 500 ms tick", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cmd}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 30, outcomes: [{probability: 1, exitCode: 0}]}
files:
${WORK_JOB_FILE}steps:
  - kubectl apply -f job.yaml
  - sleep 0.123s
  - kubectl wait --for=create pod -l job-name=work --timeout=30s
`;
    const session = new Session(parseScenario(text, "cmd.yaml", "/nonexistent"));
    session.run({ prompt: () => {}, stdout: () => {}, stderr: () => {} });
    const pod = session.cluster.store.findJob("default", "work")!.pods[0];
    const start = 123;
    const now = session.cluster.sim.now;
    expect((now - start) % 500).toBe(0);
    expect(now).toBeGreaterThanOrEqual(pod.creationMs);
    expect(now - pod.creationMs).toBeLessThan(500);
  });
});
