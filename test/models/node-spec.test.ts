import { describe, expect, it } from "vitest";
import { commandOutput } from "../kubectl/commands/session.js";

/**
 * A k3s node's spec, as `kubectl get node -o yaml` shows it on k3s (captures: `podCIDR:
 * 10.42.0.0/24`, `podCIDRs: [10.42.0.0/24]`, `providerID: k3s://<node>`): the node's pod range,
 * which its pods' IPs come from, and the providerID of k3s's built-in cloud provider.
 */
describe("node spec", () => {
  const steps = ["kubectl apply -f job.yaml", "sleep 5"];
  const spec = commandOutput(steps, "kubectl get nodes -o jsonpath={.items[0].spec}");
  const name = commandOutput(steps, "kubectl get nodes -o jsonpath={.items[0].metadata.name}");

  it("has the pod CIDR and the k3s providerID", () => {
    expect(JSON.parse(spec)).toEqual({
      podCIDR: "10.42.0.0/24",
      podCIDRs: ["10.42.0.0/24"],
      providerID: `k3s://${name}`,
    });
  });

  it("the pods' IPs are in it", () => {
    const ip = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 5"],
      "kubectl get pods -o jsonpath={.items[0].status.podIP}",
    );
    expect(ip).toMatch(/^10\.42\.0\.\d+$/);
  });
});
