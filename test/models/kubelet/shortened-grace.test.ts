import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { WORK_JOB_FILE } from "../../kubectl/commands/session.js";

/**
 * A pod deleted again with a shorter grace period while it is being killed.
 * - API server (pkg/registry/rest/delete.go BeforeDelete): an object already being deleted may
 *   only have its grace period shortened; deletionTimestamp becomes the old one minus the old
 *   grace plus the new (the first request's time + the new grace). With grace 0 and no finalizer
 *   left, the registry (store.go updateForGracefulDeletionAndFinalizers) deletes it at once.
 * - Kubelet (pkg/kubelet/pod_workers.go UpdatePod): calculateEffectiveGracePeriod gives a shorter
 *   period (wasGracePeriodShortened), the running SyncTerminatingPod is cancelled and the next one
 *   kills the containers again with it (kuberuntime_container.go killContainer: a Killing event,
 *   StopContainer with at least 2 s).
 * The container here would run 300 s and needs 100 s to stop after SIGTERM; the first DELETE
 * (grace 30) comes at 5 s, the Job controller removes the pod's tracking finalizer at 6 s.
 */

function session(steps: string[]): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: shorten}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 300, terminationSeconds: 100, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
${WORK_JOB_FILE}steps:
${["kubectl apply -f job.yaml", "sleep 5s", "kubectl delete pods -l job-name=work --wait=false", "sleep 2s", ...steps].map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "shorten.yaml", "/nonexistent"));
}

const OLD_POD =
  "kubectl get pods -l job-name=work --no-headers -o custom-columns=N:.metadata.name,D:.metadata.deletionTimestamp,G:.metadata.deletionGracePeriodSeconds";

describe("a second DELETE with a shorter grace period", () => {
  it("moves deletionTimestamp to the first request's time plus the new grace", () => {
    const out = session(["kubectl delete pods -l job-name=work --wait=false --grace-period=5", OLD_POD]);
    expect(out).toMatch(/work-\w{5} +2026-01-01T00:00:10Z +5\n/);
  });

  it("kills the container again with the new period from the second DELETE (SIGKILL at 12 s), with a second Killing event", () => {
    const out = session([
      "kubectl delete pods -l job-name=work --wait=false --grace-period=5",
      "sleep 4500ms",
      "kubectl get pods --no-headers",
      "kubectl describe pods -l job-name=work",
      "sleep 1s",
      "kubectl get pods --no-headers",
    ]);
    // 4.5 s after the second DELETE (at 7 s) the old pod still stops; at 5.5 s it is gone
    // (killed at 12 s), not kept to the first DELETE's 35 s.
    const [before, after] = out.split("$ sleep 1s");
    expect(before).toMatch(/work-skg54 +1\/1 +Terminating/);
    expect(before).toMatch(
      /Normal +Killing +\S+ \(x2 over 6s\) +kubelet +spec\.containers\{c\}: Stopping container c/,
    );
    expect(after).not.toMatch(/work-skg54/);
  });

  it("--force --grace-period=0 deletes a pod without finalizers at once", () => {
    const out = session([
      "kubectl delete pods -l job-name=work --wait=false --force --grace-period=0",
      "kubectl get pods --no-headers",
    ]);
    expect(out).not.toMatch(/work-skg54 +\S+ +Terminating/);
  });

  it("a longer grace period changes nothing", () => {
    const out = session(["kubectl delete pods -l job-name=work --wait=false --grace-period=60", OLD_POD]);
    expect(out).toMatch(/work-\w{5} +2026-01-01T00:00:35Z +30\n/);
  });
});
