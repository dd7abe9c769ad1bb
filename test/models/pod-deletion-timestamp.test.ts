import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";
import { WORK_JOB_FILE } from "../kubectl/commands/session.js";

/**
 * rest.BeforeDelete (apiserver pkg/registry/rest/delete.go) on a pod already being deleted with a
 * shorter grace — a second delete, or the kubelet's final DELETE with grace 0: the
 * deletionTimestamp moves back by the old grace and forward by the new one, and never into the
 * past (kubernetes PR #122646, 1.33): then it is now, and a grace other than 0 becomes 1.
 */
const scenario = (terminationSeconds: number, steps: string[]) =>
  parseScenario(
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: del}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1:
    pullSeconds: 2
    startSeconds: 1
    runSeconds: 300
    terminationSeconds: ${terminationSeconds}
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
${WORK_JOB_FILE}steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`,
    "del.yaml",
    "/nonexistent",
  );

const cols =
  "kubectl get pods -l job-name=work --sort-by=.metadata.creationTimestamp -o custom-columns=AT:.metadata.deletionTimestamp,GRACE:.metadata.deletionGracePeriodSeconds";

describe("deletionTimestamp when the grace period is shortened", () => {
  it("the kubelet's final DELETE sets it to that moment, not to the first request's end of grace", () => {
    // The container stops on SIGTERM at once: the kubelet confirms at 00:00:10.
    const out = sessionTranscript(
      scenario(0, [
        "kubectl apply -f job.yaml",
        "sleep 10",
        "kubectl delete pods -l job-name=work --wait=false",
        cols,
      ]),
    );
    expect(out).toContain(`${cols}\nAT                     GRACE\n2026-01-01T00:00:10Z   0\n`);
  });

  it("a shorter grace asked after the old one would have ended is now, with grace 1", () => {
    const out = sessionTranscript(
      scenario(60, [
        "kubectl apply -f job.yaml",
        "sleep 10",
        "kubectl delete pods -l job-name=work --wait=false",
        cols,
        "sleep 25",
        "kubectl delete pods -l job-name=work --wait=false --grace-period=1",
        cols,
      ]),
    );
    const tables = out.split(`$ ${cols}\n`).slice(1);
    expect(tables[0]).toMatch(/^AT +GRACE\n2026-01-01T00:00:40Z +30\n/);
    // 00:00:40 - 30 s + 1 s is in the past at 00:00:35; the replacement pod, deleted for the
    // first time, gets now + 1 s.
    expect(tables[1]).toMatch(/^AT +GRACE\n2026-01-01T00:00:35Z +1\n2026-01-01T00:00:36Z +1\n$/);
  });
});
