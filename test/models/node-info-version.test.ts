import { describe, expect, it } from "vitest";
import { VERSION_PROFILES } from "../../src/models/version-profile.js";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * A node's status.nodeInfo follows the k3s release the version profile names. The k3s image
 * writes `/etc/os-release` with `PRETTY_NAME="K3s ${VERSION}"` (k3s package/Dockerfile), and the
 * kubelet reports that PRETTY_NAME as nodeInfo.osImage — so a 1.32 cluster shows
 * `K3s v1.32.5+k3s1`, the same release as its kubeletVersion (a real k3d 1.31 capture:
 * VERSION v1.31.5+k3s1, OS-IMAGE K3s v1.31.5+k3s1).
 */
function nodeInfo(version: string, field = "osImage"): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: nodes}
seed: 1
cluster:
  version: "${version}"
  nodes: [{name: node-0}]
images: {}
steps:
  - "kubectl get nodes -o jsonpath={.items[0].status.nodeInfo.kubeletVersion}/{.items[0].status.nodeInfo.${field}}/"
`;
  return sessionTranscript(parseScenario(text, "nodes.yaml", "/nonexistent"));
}

describe("node info by version", () => {
  for (const [version, profile] of Object.entries(VERSION_PROFILES)) {
    it(`${version}: osImage is the k3s release of the kubelet`, () => {
      expect(nodeInfo(version)).toContain(`${profile.kubeletVersion}/K3s ${profile.kubeletVersion}/`);
    });
  }

  // kubeProxyVersion: the kubelet sets it to its own version unless feature gate
  // DisableNodeKubeProxyVersion is on (KEP-4004: "will be set to the same value as
  // status.nodeInfo.kubeletVersion"); the gate is deprecated and off by default in 1.32
  // (CHANGELOG-1.32), on by default from 1.33 (kube_features.go). The field has no omitempty.
  it("1.32: kubeProxyVersion is the kubelet's version", () => {
    expect(nodeInfo("1.32", "kubeProxyVersion")).toContain("v1.32.5+k3s1/v1.32.5+k3s1/");
  });
  for (const version of ["1.33", "1.34", "1.35"])
    it(`${version}: kubeProxyVersion is empty`, () => {
      const kubelet = VERSION_PROFILES[version].kubeletVersion;
      expect(nodeInfo(version, "kubeProxyVersion")).toContain(`${kubelet}//`);
    });

  // The k3s v1.35.5+k3s1 release's "Embedded Component Versions" name Containerd v2.2.3-k3s1
  // (github.com/k3s-io/k3s/releases/tag/v1.35.5+k3s1); nodes report it without the "v" (a real
  // v1.31.5+k3s1 node: release notes v1.7.23-k3s2, CONTAINER-RUNTIME containerd://1.7.23-k3s2).
  it("1.35: containerRuntimeVersion is the containerd of k3s v1.35.5+k3s1", () => {
    expect(nodeInfo("1.35", "containerRuntimeVersion")).toContain("v1.35.5+k3s1/containerd://2.2.3-k3s1/");
  });
});
