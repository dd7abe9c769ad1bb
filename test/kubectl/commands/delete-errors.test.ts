import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * The errors of `kubectl delete` as delete.go `DeleteResult` meets them: when the visit returned
 * any error, DeleteResult returns it before waiting: what it did delete is left going.
 */

describe("kubectl delete: no wait after an error", () => {
  it("a missing name beside a found one: the found one is deleted, nothing is waited for", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 10", "kubectl delete job nope work --cascade=foreground"],
      "kubectl get jobs,pods -o name",
      { terminationSeconds: 20, runSeconds: 300 },
    );
    // Foreground: the Job stays (Terminating) until its pod, still stopping, is gone.
    expect(out).toBe("job.batch/work\npod/work-skg54\n");
  });

  it("without the error, kubectl waits until the Job is gone", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 10", "kubectl delete job work --cascade=foreground"],
      "kubectl get jobs,pods -o name",
      { terminationSeconds: 20, runSeconds: 300 },
    );
    expect(out).toBe("");
  });
});
