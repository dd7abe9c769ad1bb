import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A preStop `sleep` hook on a deleted pod (kuberuntime_container.go killContainer): the Killing
 * event, then executePreStopHook waits for the sleep or the grace period, whichever ends first,
 * and takes the whole seconds it waited off the grace period; StopContainer then sends SIGTERM
 * with what is left, raised to minimumGracePeriodInSeconds (2 s). The pod is deleted 5 s after
 * its container started (6 s after the apply, image pulled in 2 s, started after 1 s more).
 * Exit 137 fails the Job (podFailurePolicy FailJob), 143 is ignored: the Job's condition tells
 * which signal ended the container.
 */
function transcript(
  opts: { sleep: number; stop: number; grace?: number; deleteFlags?: string },
  steps: string[],
) {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: prestop}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 300, terminationSeconds: ${opts.stop}, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: 0
      podFailurePolicy:
        rules:
        - action: FailJob
          onExitCodes: {operator: In, values: [137]}
        - action: Ignore
          onExitCodes: {operator: In, values: [143]}
      template:
        spec:
          terminationGracePeriodSeconds: ${opts.grace ?? 30}
          containers:
          - name: c
            image: "app:1"
            lifecycle:
              preStop: {sleep: {seconds: ${opts.sleep}}}
          restartPolicy: Never
steps:
${[
  "kubectl apply -f job.yaml",
  "sleep 8s",
  `kubectl delete pod -l job-name=work --wait=false ${opts.deleteFlags ?? ""}`,
  ...steps,
]
  .map((s) => `  - ${JSON.stringify(s)}`)
  .join("\n")}
`;
  return sessionTranscript(parseScenario(text, "prestop.yaml", "/nonexistent"));
}

/** The deletionTimestamp of the pods there: the deleted one's while it is terminating. */
const DELETING = "kubectl get pods -o jsonpath={.items[*].metadata.deletionTimestamp}";
const JOB = "kubectl get job work -o jsonpath={.status.conditions[-1:].reason}/{.status.failed}";

describe("a preStop sleep on deletion", () => {
  it("shorter than the grace period: SIGTERM after the sleep, 143 after the stop time", () => {
    // Sleep 10 s, then 3 s to stop: the pod is there (terminating) 12.5 s after the DELETE, gone at 14 s.
    const out = transcript({ sleep: 10, stop: 3 }, [
      "sleep 12500ms",
      DELETING,
      "sleep 1500ms",
      DELETING,
      "sleep 2s",
      JOB,
    ]);
    // Still terminating 12.5 s after the DELETE (its deletionTimestamp: DELETE + 30 s)...
    expect(out).toContain(`${DELETING}\n2026-01-01T00:00:38Z$ sleep 1500ms`);
    // ...gone at 14 s (the only pod left is the replacement, if made yet: no deletionTimestamp)...
    expect(out).toContain(`$ sleep 1500ms\n$ ${DELETING}\n$ sleep 2s`);
    // ...and 143 was ignored: no failure, no Job condition.
    expect(out).toMatch(/\n\/$/);
  });

  it("followed by a SIGTERM ignored: SIGKILL at the grace period counted from the DELETE", () => {
    // Sleep 5 s, grace 30 s: SIGKILL at +30 s (25 s after SIGTERM), not +35 s.
    const out = transcript({ sleep: 5, stop: 60 }, ["sleep 29500ms", JOB, "sleep 3s", JOB]);
    expect(out).toContain(`${JOB}\n/$ sleep`);
    expect(out).toMatch(/\nPodFailurePolicy\/1$/);
  });

  it("longer than a shortened grace period: SIGTERM at its end, SIGKILL 2 s later", () => {
    // Grace 5 s on the DELETE: the 10 s hook is cut at 5 s, 0 s left → 2 s: 3 s to stop is too long.
    const out = transcript({ sleep: 10, stop: 3, deleteFlags: "--grace-period=5" }, [
      "sleep 6900ms",
      JOB,
      "sleep 3s",
      JOB,
    ]);
    expect(out).toContain(`${JOB}\n/$ sleep`);
    expect(out).toMatch(/\nPodFailurePolicy\/1$/);
  });

  it("longer than a shortened grace period, a quick stop: 143 after SIGTERM at the grace period", () => {
    const out = transcript({ sleep: 10, stop: 1.5, deleteFlags: "--grace-period=5" }, [
      "sleep 6s",
      DELETING,
      "sleep 1500ms",
      DELETING,
      "sleep 3s",
      JOB,
    ]);
    // SIGTERM at 5 s, exit 1.5 s later: still there at 6 s (deletionTimestamp: DELETE + 5 s), gone at 7.5 s.
    expect(out).toContain(`${DELETING}\n2026-01-01T00:00:13Z$ sleep 1500ms`);
    expect(out).toContain(`$ sleep 1500ms\n$ ${DELETING}\n$ sleep 3s`);
    expect(out).toMatch(/\n\/$/);
  });
});
