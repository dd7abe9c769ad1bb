import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * terminationMessagePolicy FallbackToLogsOnError (kuberuntime_container.go toKubeContainerStatus,
 * getTerminationMessage, readLastStringFromContainerLogs): a container that exited non-zero and
 * wrote no termination-log file gets the tail of its log — at most 80 lines and 2048 bytes — as
 * `state.terminated.message` (and later `lastState.terminated.message`). With the default File
 * policy, or a run that succeeded, there is no message. The image writes `startLog` when it starts
 * and the outcome's log when it exits; the container is killed on deletion 5 s after SIGTERM.
 */

interface Opts {
  policy?: string;
  exitCode?: number;
  startLog?: string;
  log?: string;
  restartPolicy?: string;
  /** The pod template's spec.activeDeadlineSeconds. */
  deadline?: number;
}

function transcript(steps: string[], opts: Opts = {}): string {
  const policy = opts.policy === undefined ? "" : `, terminationMessagePolicy: ${opts.policy}`;
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: tm}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1:
    pullSeconds: 2
    startSeconds: 1
    runSeconds: 10
    terminationSeconds: 5
    startLog: ${JSON.stringify(opts.startLog ?? "starting")}
    outcomes: [{probability: 1, exitCode: ${opts.exitCode ?? 1}, log: ${JSON.stringify(opts.log ?? "boom")}}]
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: 0
      template:
        spec:
          containers: [{name: c, image: "app:1"${policy}}]
          restartPolicy: ${opts.restartPolicy ?? "Never"}
${opts.deadline === undefined ? "" : `          activeDeadlineSeconds: ${opts.deadline}\n`}steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "tm.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

const TERMINATED = "kubectl get pods -o jsonpath={.items[0].status.containerStatuses[0].state.terminated}";

describe("terminationMessagePolicy FallbackToLogsOnError", () => {
  it("puts a failed run's log into state.terminated.message", () => {
    const out = transcript(["kubectl apply -f job.yaml", "sleep 20s", TERMINATED], {
      policy: "FallbackToLogsOnError",
    });
    expect(out).toMatch(/"exitCode":1,.*"message":"starting\\nboom\\n","reason":"Error"/);
  });

  it("describe prints the message, its newline ending the tabwriter's column block", () => {
    const out = transcript(["kubectl apply -f job.yaml", "sleep 20s", "kubectl describe pods"], {
      policy: "FallbackToLogsOnError",
      startLog: "",
    });
    expect(out).toContain(
      [
        "    Host Port:     <none>",
        "    State:         Terminated",
        "      Reason:      Error",
        "      Message:     boom",
        "",
        "      Exit Code:    1",
        "      Started:      Thu, 01 Jan 2026 00:00:03 +0000",
      ].join("\n"),
    );
  });

  it("keeps the last 80 lines, then the last 2048 bytes of them", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join("\n");
    let out = transcript(["kubectl apply -f job.yaml", "sleep 20s", TERMINATED], {
      policy: "FallbackToLogsOnError",
      log: lines,
    });
    const expected = Array.from({ length: 80 }, (_, i) => `line ${i + 21}\\n`).join("");
    expect(out).toContain(`"message":"${expected}"`);
    const long = Array.from({ length: 30 }, (_, i) => `${String(i).padStart(2, "0")}${"x".repeat(98)}`);
    out = transcript(["kubectl apply -f job.yaml", "sleep 20s", TERMINATED], {
      policy: "FallbackToLogsOnError",
      log: long.join("\n"),
    });
    const all = `starting\n${long.join("\n")}\n`;
    const tail = all.slice(all.length - 2048);
    expect(out).toContain(`"message":${JSON.stringify(tail)}`);
  });

  it("a run killed past the pod's deadline (143) gets what it wrote before the kill", () => {
    const out = transcript(["kubectl apply -f job.yaml", "sleep 20s", TERMINATED], {
      policy: "FallbackToLogsOnError",
      exitCode: 0,
      deadline: 5,
    });
    expect(out).toMatch(/"exitCode":143,.*"message":"starting\\n","reason":"Error"/);
  });

  it("the restarted container's lastState keeps the message", () => {
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 16s",
        "kubectl get pods -o jsonpath={.items[0].status.containerStatuses[0].lastState.terminated.message}",
      ],
      { policy: "FallbackToLogsOnError", restartPolicy: "OnFailure" },
    );
    expect(out).toMatch(/\.message\}\nstarting\nboom\n$/);
  });

  it("no message for a successful run, nor with the default File policy", () => {
    const ok = transcript(["kubectl apply -f job.yaml", "sleep 20s", TERMINATED], {
      policy: "FallbackToLogsOnError",
      exitCode: 0,
    });
    expect(ok).toMatch(/"reason":"Completed"/);
    expect(ok).not.toMatch(/"message"/);
    const file = transcript(["kubectl apply -f job.yaml", "sleep 20s", TERMINATED]);
    expect(file).toMatch(/"reason":"Error"/);
    expect(file).not.toMatch(/"message"/);
  });
});
