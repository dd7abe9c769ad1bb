import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A foreground DELETE of a Job: the registry's markAsDeleting (apiserver pkg/registry/generic/
 * registry/store.go) bumps the generation of an object without graceful deletion when it first
 * gets a deletionTimestamp ("if objectMeta.GetDeletionTimestamp() == nil &&
 * objectMeta.GetGeneration() > 0"), and the Job controller's updateJob syncs a Job whose
 * generation changed at once (enqueueSyncJobImmediately), not after syncJobBatchPeriod.
 */

const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: fg}
seed: 7
cluster:
  nodes: [{name: node-0}]
images:
  "app:1": {runSeconds: 300, terminationSeconds: 10}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: fg}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 20s
  - kubectl get job fg -o jsonpath={.metadata.generation}
  - kubectl delete job fg --cascade=foreground --wait=false
  - kubectl get job fg -o jsonpath={.metadata.generation}{.metadata.finalizers}
  - kubectl get pods -o custom-columns=N:.metadata.name,F:.metadata.finalizers --no-headers
`;

describe("a Job held by foreground deletion", () => {
  it("has its generation bumped and is synced at once: its pods lose the tracking finalizer in the same instant", () => {
    const out = sessionTranscript(parseScenario(text, "fg.yaml", "/nonexistent"));
    expect(out).toContain("$ kubectl get job fg -o jsonpath={.metadata.generation}\n1$");
    expect(out).toContain('{.metadata.finalizers}\n2["foregroundDeletion"]$');
    // Synced at 20 s, not 21 s: the pod, still stopping, no longer carries the finalizer.
    expect(out).toMatch(/--no-headers\nfg-\w{5}\s+<none>\n$/);
  });
});
