import { describe, expect, it } from "vitest";
import { commandOutput } from "../kubectl/commands/session.js";

/**
 * A pod deleted before it was bound to a node has no kubelet to end it; the Job's tracking
 * finalizer holds it. With podReplacementPolicy Failed the Job waits for it to be Failed, which
 * the pod garbage collector's gcUnscheduledTerminating does at its next pass (every 20 s,
 * pkg/controller/podgc/gc_controller.go gcCheckPeriod, markFailedAndDeletePod). The pod here
 * asks for more CPU than the node has, so it stays Pending, unscheduled.
 */
const job = `apiVersion: batch/v1
kind: Job
metadata: {name: u}
spec:
  podReplacementPolicy: Failed
  template:
    spec:
      containers:
        - name: c
          image: "app:1"
          resources: {requests: {cpu: "64"}}
      restartPolicy: Never
`;
const files = { "u.yaml": job };
const status = "kubectl get job u -o jsonpath='{.status.failed}/{.status.terminating}/{.status.active}'";
const phases = "kubectl get pods -o jsonpath='{range .items[*]}{.status.phase} {end}'";

describe("pod GC: unscheduled terminating pods", () => {
  it("marks the deleted unscheduled pod Failed at the next 20 s pass; the Job then replaces it", () => {
    const steps = ["kubectl apply -f u.yaml", "sleep 5s", "kubectl delete pods -l job-name=u --wait=false"];
    expect(commandOutput([...steps, "at 19s"], phases, { files })).toBe("Pending ");
    expect(commandOutput([...steps, "at 19s"], status, { files })).toBe("/1/");
    expect(commandOutput([...steps, "at 20s"], phases, { files })).toBe("Failed ");
    // The Job's sync a second later counts it and takes its finalizer off; the replacement's
    // back-off counts from the deletion (backoff_utils.go getFinishedTime), long past.
    expect(commandOutput([...steps, "at 21s"], status, { files })).toBe("1/0/1");
    expect(commandOutput([...steps, "at 21s"], phases, { files })).toBe("Pending ");
  });

  it("a waiting `kubectl delete` of such a pod returns once it is gone", () => {
    const steps = ["kubectl apply -f u.yaml", "sleep 5s", "kubectl delete pods -l job-name=u"];
    expect(commandOutput(steps, "kubectl get jobs", { files })).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nu      Running   0/1           21s        21s\n",
    );
  });
});
