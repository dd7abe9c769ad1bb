import { describe, expect, it } from "vitest";
import { commandTranscript } from "../kubectl/commands/session.js";

/**
 * A DELETE the API server carries out at once still writes the object first. Pods have graceful
 * deletion (pod strategy CheckGracefulDelete: grace 0 for a terminal or unscheduled pod), so
 * rest.BeforeDelete sets deletionTimestamp and deletionGracePeriodSeconds, and the registry's
 * updateForGracefulDeletionAndFinalizers stores that (a MODIFIED watch event) before
 * Storage.Delete removes it (DELETED) — apiserver pkg/registry/generic/registry/store.go Delete.
 * The kubelet's final DELETE (grace 0) of a pod being deleted is the same: the shortened grace
 * is written, then the pod goes.
 */
const ttlJob = `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  ttlSecondsAfterFinished: 0
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const WATCH =
  "kubectl get pods -w --output-watch-events -o jsonpath='{.type} {.object.status.phase} {.object.metadata.deletionTimestamp} {.object.metadata.deletionGracePeriodSeconds};'";

describe("a pod deleted at once: its deletion is written (MODIFIED), then it goes (DELETED)", () => {
  it("the garbage collector deleting a Job's completed pod after ttlSecondsAfterFinished", () => {
    const out = commandTranscript(["kubectl apply -f ttl.yaml", WATCH, "sleep 40", "kubectl get jobs"], {
      runSeconds: 5,
      files: { "ttl.yaml": ttlJob },
    });
    const events = out.slice(out.indexOf("$ sleep 40\n") + 11, out.indexOf("$ kubectl get jobs")).split(";");
    // The pod finished at 00:00:08; the TTL controller deleted the Job at its Complete, 00:00:09.
    expect(events.slice(-3, -1)).toEqual([
      "MODIFIED Succeeded 2026-01-01T00:00:09Z 0",
      "DELETED Succeeded 2026-01-01T00:00:09Z 0",
    ]);
  });
});
