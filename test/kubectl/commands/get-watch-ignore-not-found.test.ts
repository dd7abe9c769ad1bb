import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { commandTranscript, WORK_JOB_FILE } from "./session.js";

/**
 * `kubectl get -w --ignore-not-found` with a name that is not there: from kubectl 1.34
 * (kubernetes PR #132542, CHANGELOG-1.34 v1.34.0-beta.0: "Support --ignore-not-found in `watch`
 * operation") get.go `watch` returns nil when `r.Infos()` fails with a NotFound and
 * IgnoreNotFound is set — nothing is printed, nothing is watched, exit 0. Its builder does not
 * continue on error, so the first NotFound ends the visit even when another name exists.
 * Before 1.34 the NotFound was returned as the error.
 */

function outputOf(command: string, transcript: (steps: string[]) => string = commandTranscript): string {
  const out = transcript(["kubectl apply -f job.yaml", "sleep 5", command, "sleep 60", "kubectl get jobs"]);
  const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
  return out.slice(start, out.indexOf("$ sleep 60"));
}

function transcript133(steps: string[]): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cmd}
seed: 1
cluster:
  version: "1.33"
  nodes: [{name: node-0}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 30, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
${WORK_JOB_FILE}steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "cmd.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

describe("kubectl get -w --ignore-not-found", () => {
  it("1.35: a missing name ends the command without a word", () => {
    expect(outputOf("kubectl get job nope -w --ignore-not-found")).toBe("");
    expect(outputOf("kubectl get job work nope -w --ignore-not-found")).toBe("");
    expect(outputOf("kubectl get job/nope -w --ignore-not-found -o name")).toBe("");
  });

  it("1.35: without the flag, or with every name found, as before", () => {
    expect(outputOf("kubectl get job nope -w")).toBe(
      '2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
    expect(outputOf("kubectl get job work -w --ignore-not-found")).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           5s         5s\n",
    );
  });

  it("1.33: the NotFound is the command's error", () => {
    expect(outputOf("kubectl get job nope -w --ignore-not-found", transcript133)).toBe(
      '2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
  });
});
