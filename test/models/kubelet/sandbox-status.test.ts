import { describe, expect, it } from "vitest";
import { commandOutput } from "../../kubectl/commands/session.js";

/**
 * The kubelet's first status of a pod is written before the runtime makes its sandbox
 * (kubelet.go SyncPod: generateAPIPodStatus and SetPodStatus, then containerRuntime.SyncPod,
 * which makes the sandbox, pulls and starts): while the pod is ContainerCreating it has no IP and
 * PodReadyToStartContainers is False; both come with the status after the container started.
 * The command scenario pulls for 2 s and starts in 1 s.
 */

function at(wait: string, command: string): string {
  return commandOutput(["kubectl apply -f job.yaml", `sleep ${wait}`], command);
}

describe("pod IP and PodReadyToStartContainers", () => {
  it("ContainerCreating: no IP yet", () => {
    expect(at("2s", "kubectl get pods -o wide --no-headers")).toMatch(
      /work-\w{5} +0\/1 +ContainerCreating +0 +2s +<none> +node-0 /,
    );
  });

  it("ContainerCreating: PodReadyToStartContainers False, IP empty in describe", () => {
    const out = at("2s", "kubectl describe pod");
    expect(out).toContain("\nIP:               \nIPs:              <none>\n");
    expect(out).toContain("  PodReadyToStartContainers   False \n");
  });

  it("Running: the IP and PodReadyToStartContainers True, from the container's start (3 s)", () => {
    expect(at("5s", "kubectl get pods -o wide --no-headers")).toMatch(
      /work-\w{5} +1\/1 +Running +0 +5s +10\.42\.0\.\d+ +node-0 /,
    );
    expect(
      at(
        "5s",
        `kubectl get pods -o jsonpath='{.items[0].status.conditions[?(@.type=="PodReadyToStartContainers")].lastTransitionTime}'`,
      ),
    ).toBe("2026-01-01T00:00:03Z");
  });
});
