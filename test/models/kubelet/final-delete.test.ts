import { describe, expect, it } from "vitest";
import { commandOutput } from "../../kubectl/commands/session.js";

/**
 * The kubelet's last word on a deleted pod is a DELETE with grace 0 once its containers are gone
 * (pkg/kubelet/status/status_manager.go: GracePeriodSeconds 0, the pod's UID as precondition).
 * For an object already being deleted the API server may only shorten the grace period, and
 * deletionTimestamp becomes the first request's time plus the new grace
 * (staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go BeforeDelete): the time of the
 * user's DELETE. A pod its Job's tracking finalizer still holds (podReplacementPolicy Failed:
 * the finalizer comes off at the Job's next sync) shows that until it goes.
 */
const job = `apiVersion: batch/v1
kind: Job
metadata: {name: f}
spec:
  podReplacementPolicy: Failed
  template:
    spec:
      terminationGracePeriodSeconds: 40
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const meta =
  "kubectl get pods -o jsonpath='{.items[0].status.phase} {.items[0].metadata.deletionTimestamp} {.items[0].metadata.deletionGracePeriodSeconds}'";

describe("the kubelet's final DELETE", () => {
  it("moves deletionTimestamp back to the deletion's time, grace 0", () => {
    const steps = ["kubectl apply -f f.yaml", "sleep 10s", "kubectl delete pods -l job-name=f --wait=false"];
    const files = { "f.yaml": job };
    // Its container stops at once on SIGTERM (not the 40 s grace: 10 s + 40 s); the kubelet's
    // DELETE follows.
    expect(commandOutput([...steps, "sleep 500ms"], meta, { files })).toBe("Failed 2026-01-01T00:00:10Z 0");
  });
});
