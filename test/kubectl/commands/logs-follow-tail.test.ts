import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl logs -f --tail=N`: the kubelet's ReadLogs (pkg/kubelet/kuberuntime/logs/logs.go)
 * finds the start of the last N lines when the request comes (tail.FindTailLineStartIndex) and,
 * following, reads every line from there on: only without -f is the output cut to N lines
 * (`limitedMode := tail >= 0 && !follow`). So a line written after the request is always
 * printed. The command scenario's container starts at 3 s and prints `ok` when it exits at 33 s;
 * a selector's default --tail is 10.
 */
describe("kubectl logs -f --tail: the tail is taken at the request", () => {
  it("--tail=0 while the container runs still prints the lines written later", () => {
    expect(
      commandOutput(["kubectl apply -f job.yaml", "sleep 10"], "kubectl logs -f job/work --tail=0"),
    ).toBe("ok\n");
  });

  it("--tail=0 once it has exited prints nothing", () => {
    expect(
      commandOutput(["kubectl apply -f job.yaml", "sleep 1m"], "kubectl logs -f job/work --tail=0"),
    ).toBe("");
  });

  it("several pods followed at once: each stream's tail is taken at the request", () => {
    const out = commandOutput(
      ["kubectl apply -f two.yaml", "sleep 10"],
      "kubectl logs -f -l job-name=two --tail=0 --prefix",
      { files: { "two.yaml": TWO_PODS } },
    );
    expect(out).toMatch(/^\[pod\/two-\w{5}\/c\] ok\n\[pod\/two-\w{5}\/c\] ok\n$/);
  });
});

const TWO_PODS = `apiVersion: batch/v1
kind: Job
metadata: {name: two}
spec:
  parallelism: 2
  completions: 2
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
