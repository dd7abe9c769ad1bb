import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * The log of a pod no node was assigned to: LogLocation (pkg/registry/core/pod/strategy.go)
 * returns a nil location once the container name is valid, and the API server's
 * LocationStreamer gives an empty stream for it — before any kubelet is asked, so whatever the
 * options: --previous (which only the kubelet's validateContainerLogStatus answers with
 * "previous terminated container ... not found") reads nothing too, exit 0.
 */

// A Job whose one pod asks for more CPU than the node has: it stays Pending, unscheduled.
const BIG = {
  "big.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: big}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1", resources: {requests: {cpu: "64"}}}]
      restartPolicy: Never
`,
};
const APPLIED = ["kubectl apply -f big.yaml", "sleep 10"];

describe("kubectl logs of an unscheduled pod", () => {
  it.each([
    "kubectl logs job/big",
    "kubectl logs job/big -p",
    "kubectl logs job/big --previous --timestamps",
    "kubectl logs -l job-name=big -p",
  ])("%s reads an empty stream", (command) => {
    expect(commandOutput(APPLIED, command, { files: BIG })).toBe("");
  });

  it("a container name is still checked first (client side)", () => {
    expect(commandOutput(APPLIED, "kubectl logs job/big -p -c nope", { files: BIG })).toMatch(
      /^2> error: container nope is not valid for pod big-\w{5}\n$/,
    );
  });
});
