import { describe, expect, it } from "vitest";
import { sidecarPodTranscript } from "./sidecar-pod.js";

/**
 * When the pod of a finished main container is written terminal (kuberuntime_manager.go
 * computePodActions → KillPod; SyncPod → killPodWithSyncResult): the sync that stops the
 * sidecars ends when they have stopped; the next sync, which sees them exited and writes
 * Succeeded, comes with the next PLEG relist (1 s period) — not at the sidecar's exit instant.
 *
 * sc stops 2.5 s after SIGTERM, so its exit falls between two relists: it stops at 12.x s
 * (finishedAt 12 s) and the terminal status, with PodReadyToStartContainers False (the sandbox
 * is gone), is written at the relist 0.5 s later (13 s).
 */
function transcript(steps: string[]): string {
  return sidecarPodTranscript(
    {
      sc: "{pullSeconds: 1, startSeconds: 0.5, runSeconds: 3000, terminationSeconds: 2.5, outcomes: [{probability: 1, exitCode: 0}]}",
      main: "{pullSeconds: 2, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}",
    },
    steps,
  );
}

describe("the terminal status after the sidecars were stopped", () => {
  it("is written at the PLEG relist after the last sidecar exited", () => {
    const out = transcript([
      "sleep 30s",
      "kubectl get pods -o jsonpath={.items[0].status.initContainerStatuses[0].state.terminated.finishedAt}/{.items[0].status.conditions[0].type}/{.items[0].status.conditions[0].lastTransitionTime}",
    ]);
    expect(out).toContain("2026-01-01T00:00:12Z/PodReadyToStartContainers/2026-01-01T00:00:13Z");
  });
});
