import { describe, expect, it } from "vitest";
import { commandTranscript } from "../../kubectl/commands/session.js";

/**
 * A pod's spec.activeDeadlineSeconds (pkg/kubelet/active_deadline.go): once that long past
 * startTime the kubelet reports the pod Failed with reason DeadlineExceeded, records the event,
 * and kills its containers; the Job counts the failure. The command scenario's container starts
 * at 3 s and would run 30 s; the deadline here is 10 s after the pod's start (0 s).
 */

const job = (backoffLimit: number) => `apiVersion: batch/v1
kind: Job
metadata: {name: dl}
spec:
  backoffLimit: ${backoffLimit}
  template:
    spec:
      activeDeadlineSeconds: 10
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

function session(steps: string[], backoffLimit = 0): string {
  return commandTranscript(["kubectl apply -f dl.yaml", ...steps], {
    files: { "dl.yaml": job(backoffLimit) },
  });
}

describe("a pod past its activeDeadlineSeconds", () => {
  it("is still running before the deadline", () => {
    expect(session(["sleep 9s", "kubectl get pods --no-headers"])).toMatch(/dl-\w{5} +1\/1 +Running/);
  });

  it("is Failed, DeadlineExceeded, its container killed (SIGTERM: 143)", () => {
    const out = session([
      "sleep 15s",
      "kubectl get pods -o jsonpath={.items[0].status.phase}/{.items[0].status.reason}/{.items[0].status.message}/{.items[0].status.containerStatuses[0].state.terminated.exitCode}",
    ]);
    expect(out).toContain(
      "Failed/DeadlineExceeded/Pod was active on the node longer than the specified deadline/143",
    );
  });

  it("the kubelet records the event", () => {
    expect(session(["sleep 15s", "kubectl events --types=Normal"])).toMatch(
      /Normal +DeadlineExceeded +Pod\/dl-\w{5} +Pod was active on the node longer than the specified deadline/,
    );
  });

  it("the Job counts the failure: backoffLimit 0 fails it", () => {
    expect(
      session([
        "sleep 20s",
        "kubectl get job dl -o jsonpath={.status.failed}/{.status.conditions[-1:].reason}",
      ]),
    ).toContain("1/BackoffLimitExceeded");
  });

  it("with backoffLimit 1 a replacement comes 10 s after the failure and meets the same deadline", () => {
    const out = session(
      ["sleep 45s", "kubectl get pods --no-headers", "kubectl get job dl -o jsonpath={.status.failed}"],
      1,
    );
    expect(out.match(/dl-\w{5} +0\/1 +Error/g)?.length).toBe(2);
    expect(out.endsWith("2")).toBe(true);
  });
});
