import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../../helpers/session.js";

/**
 * An image's `onSigterm`: how its process exits when a deletion's SIGTERM stops it. The phase
 * follows the exit codes (kubelet_pods.go getPhase: every container exited 0 → Succeeded), and
 * the Job counts what the phase says once it waits for it (a podFailurePolicy makes the Job
 * replace only failed pods and count terminal ones); without a policy the deletion itself was
 * the failure (job_controller.go isPodFailed: a deleted pod that has not succeeded).
 */
const COLUMNS =
  "custom-columns=PHASE:.status.phase,EXIT:.status.containerStatuses[0].state.terminated.exitCode,REASON:.status.containerStatuses[0].state.terminated.reason";

interface Options {
  onSigterm?: string;
  policy?: boolean;
  /** Follow the logs instead of watching the pod. */
  logs?: boolean;
}

function scenario(opts: Options): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: sigterm}
seed: 1
cluster:
  nodes: [{name: k3d-my-cluster-server-0}, {name: k3d-my-cluster-agent-0}]
images:
  app:
    runSeconds: 60
    terminationSeconds: 2
${opts.onSigterm === undefined ? "" : `    onSigterm: ${opts.onSigterm}\n`}    outcomes: [{probability: 1, exitCode: 0, log: "INFO:root:done"}]
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      backoffLimit: 0
${opts.policy === true ? "      podFailurePolicy:\n        rules: [{action: FailJob, onExitCodes: {operator: In, values: [42]}}]\n" : ""}      template:
        spec:
          containers: [{name: c, image: app}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 10s
  - kubectl delete pod -l job-name=j --wait=false
  - ${opts.logs === true ? "kubectl logs -f -l job-name=j" : `kubectl get pods -w -o ${COLUMNS}`}
  - sleep 3s
  - kubectl get jobs
`;
}

function run(opts: Options): string {
  return sessionTranscript(parseScenario(scenario(opts), "sigterm.yaml", "/nonexistent"));
}

/** The lines a step printed. */
function printedBy(out: string, step: string): string {
  const start = out.indexOf(`$ ${step}\n`) + step.length + 3;
  const end = out.indexOf("$ ", start);
  return out.slice(start, end === -1 ? undefined : end);
}

/** The pod's phase, exit code and reason as the watch last printed them. */
function lastWatchRow(out: string): string[] {
  const rows = printedBy(out, "sleep 3s").trim().split("\n");
  return rows[rows.length - 1].split(/ +/);
}

describe("onSigterm", () => {
  it("by default the process has no handler: 143, Error, nothing written, the pod Failed", () => {
    const out = run({ policy: true });
    expect(lastWatchRow(out)).toEqual(["Failed", "143", "Error"]);
    expect(printedBy(run({ policy: true, logs: true }), "kubectl logs -f -l job-name=j")).toBe("");
    expect(printedBy(out, "kubectl get jobs")).toMatch(/\nj +Failed +0\/1 /);
  });

  it("an app exiting 0 on SIGTERM ends Succeeded with its line logged; with a policy the Job completes", () => {
    const onSigterm = '{exitCode: 0, log: "INFO:root:SIGTERM, stopping"}';
    const out = run({ onSigterm, policy: true });
    expect(lastWatchRow(out)).toEqual(["Succeeded", "0", "Completed"]);
    expect(printedBy(run({ onSigterm, policy: true, logs: true }), "kubectl logs -f -l job-name=j")).toBe(
      "INFO:root:SIGTERM, stopping\n",
    );
    expect(printedBy(out, "kubectl get jobs")).toMatch(/\nj +Complete +1\/1 /);
  });

  it("an exit code and reason of its own", () => {
    const out = run({ onSigterm: "{exitCode: 3, reason: Interrupted}", policy: true });
    expect(lastWatchRow(out)).toEqual(["Failed", "3", "Interrupted"]);
  });

  it("without a policy the deletion already counted as the failure, whatever the exit", () => {
    const out = run({ onSigterm: '{exitCode: 0, log: "INFO:root:SIGTERM, stopping"}' });
    expect(lastWatchRow(out)).toEqual(["Succeeded", "0", "Completed"]);
    expect(printedBy(out, "kubectl get jobs")).toMatch(/\nj +Failed +0\/1 /);
  });

  it("refuses an onSigterm that is not an exit", () => {
    const text = scenario({ onSigterm: "{exitCode: 300, runSeconds: 2}" });
    expect(scenarioProblems(text, "sigterm.yaml")).toEqual([
      'sigterm.yaml: images.app.onSigterm: unknown field "runSeconds"; known fields: exitCode, log, reason',
      "sigterm.yaml: images.app.onSigterm.exitCode: expected an integer exit code 0..255, got 300",
    ]);
    expect(scenarioProblems(scenario({ onSigterm: "0" }), "sigterm.yaml")).toEqual([
      "sigterm.yaml: images.app.onSigterm: expected {exitCode, log}: how the process exits when SIGTERM stops it",
    ]);
  });
});
