import { describe, expect, it } from "vitest";
import { commandOutput } from "../../kubectl/commands/session.js";

/**
 * Readiness gates (pkg/kubelet/status/generate.go GeneratePodReadyCondition): Ready needs every
 * gate's condition True as well as ContainersReady. Nothing in the simulation sets a custom pod
 * condition, so a gated pod runs with ContainersReady True and Ready False
 * (ReadinessGatesNotReady), and the Job counts it active but not ready.
 */

const job = `apiVersion: batch/v1
kind: Job
metadata: {name: rg}
spec:
  template:
    spec:
      readinessGates: [{conditionType: example.com/feature-1}]
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

function output(command: string): string {
  return commandOutput(["kubectl apply -f rg.yaml", "sleep 10"], command, { files: { "rg.yaml": job } });
}

describe("a pod with a readiness gate nothing sets", () => {
  it("runs, its containers ready, the gate 0/1", () => {
    expect(output("kubectl get pods -o wide --no-headers")).toMatch(/rg-\w{5} +1\/1 +Running .* 0\/1\n$/);
  });

  it("Ready False with ReadinessGatesNotReady; ContainersReady True", () => {
    const out = output(
      `kubectl get pods -o jsonpath='{range .items[0].status.conditions[*]}{.type}={.status}/{.reason}/{.message};{end}'`,
    );
    expect(out).toContain(
      'Ready=False/ReadinessGatesNotReady/corresponding condition of pod readiness gate "example.com/feature-1" does not exist.;',
    );
    expect(out).toContain("ContainersReady=True//;");
  });

  it("the Job counts it active, not ready", () => {
    expect(output("kubectl get job rg -o jsonpath={.status.active}/{.status.ready}")).toBe("1/0");
  });
});
