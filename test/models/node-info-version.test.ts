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
function nodeInfo(version: string): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: nodes}
seed: 1
cluster:
  version: "${version}"
  nodes: [{name: node-0}]
images: {}
steps:
  - "kubectl get nodes -o jsonpath={.items[0].status.nodeInfo.kubeletVersion}/{.items[0].status.nodeInfo.osImage}"
`;
  return sessionTranscript(parseScenario(text, "nodes.yaml", "/nonexistent"));
}

describe("node info by version", () => {
  for (const [version, profile] of Object.entries(VERSION_PROFILES)) {
    it(`${version}: osImage is the k3s release of the kubelet`, () => {
      expect(nodeInfo(version)).toContain(`${profile.kubeletVersion}/K3s ${profile.kubeletVersion}`);
    });
  }
});
