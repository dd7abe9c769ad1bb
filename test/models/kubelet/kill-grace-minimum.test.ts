import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * The shortest time the kubelet gives a container to stop. pkg/kubelet/pod_workers.go
 * calculateEffectiveGracePeriod never hands SyncTerminatingPod less than 1 s ("no matter what, we
 * always supply a grace period of 1"), and pkg/kubelet/kuberuntime/kuberuntime_container.go
 * killContainer applies that override first and then raises anything below
 * minimumGracePeriodInSeconds (2, kuberuntime_manager.go) to 2 s ("always give containers a
 * minimal shutdown window to avoid unnecessary SIGKILLs") before StopContainer. A kubelet log of
 * a pod deleted with grace 1 shows both: "Killing container with a grace period override ...
 * gracePeriod=1", then "Killing container with a grace period ... gracePeriod=2", and containerd
 * "StopContainer ... with timeout 2 (s)" with SIGKILL 2 s after SIGTERM (kubernetes-sigs/kueue
 * flake report, March 2025). So a container that needs 1.5 s to stop after SIGTERM exits 143
 * after 1.5 s, whether the pod was deleted with grace 1 or 0 or its own grace period is 0 or 1.
 */

function scenario(steps: string[], podSpec = ""): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: grace}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 300, terminationSeconds: 1.5, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
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
${podSpec}          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${["kubectl apply -f job.yaml", "sleep 5s", ...steps].map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "grace.yaml", "/nonexistent"));
}

/** The Job's last condition: PodFailurePolicy (FailJob on 137) or none yet (143 is ignored). */
const JOB = "kubectl get job work -o jsonpath={.status.conditions[-1:].reason}/{.status.failed}";

describe("a container that needs 1.5 s to stop after SIGTERM", () => {
  for (const flags of ["--now", "--grace-period=1", "--force --grace-period=0"]) {
    it(`deleted with ${flags}: SIGTERM is enough (143 after 1.5 s), not SIGKILL at once or at 1 s`, () => {
      const out = scenario([
        `kubectl delete pods -l job-name=work --wait=false ${flags}`,
        "sleep 1200ms",
        "kubectl get pods -l job-name=work --no-headers",
        "sleep 3s",
        JOB,
      ]);
      // Still stopping 1.2 s after the DELETE: the kill window is at least 2 s.
      expect(out).toMatch(/work-\w{5} +1\/1 +Terminating +0 +6s/);
      // It exited 143 (ignored by the policy), not 137 (FailJob).
      expect(out).toMatch(/\n\/$/);
    });
  }

  for (const grace of [0, 1]) {
    it(`past its activeDeadlineSeconds with terminationGracePeriodSeconds ${grace}: exits 143`, () => {
      const out = scenario(
        [
          "sleep 10s",
          "kubectl get pods -o jsonpath={.items[0].status.containerStatuses[0].state.terminated.exitCode}",
        ],
        `          activeDeadlineSeconds: 5\n          terminationGracePeriodSeconds: ${grace}\n`,
      );
      expect(out).toMatch(/\n143$/);
    });
  }
});
