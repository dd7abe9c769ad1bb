import { describe, expect, it } from "vitest";
import { preferredNode } from "../../src/models/idle-placement.js";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * ImageLocality scores init containers' images as it scores the regular containers' ones, and
 * counts them in the threshold (image_locality.go sumImageScores / Score, since
 * kubernetes/kubernetes #115587). Two equal nodes; only node-a has the init container's 600 MB
 * image: node-a scores (600 MB · 1/2 − 23 MB) · 100 / (2 · 1000 MB − 23 MB) = 14, node-b 0, so
 * every pod lands on node-a. Counting only the regular container (on neither node) would tie the
 * nodes and leave the choice to the seeded tie-break.
 */

const MB = 1024 * 1024;

function scenarioText(seed: number, withInit: boolean): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: locality}
seed: ${seed}
cluster:
  nodes: [{name: node-a, images: ["fetch:1"]}, {name: node-b}]
images:
  fetch:1: {sizeBytes: ${600 * MB}, startSeconds: 1, runSeconds: 1, outcomes: [{probability: 1, exitCode: 0}]}
  app:1: {sizeBytes: ${10 * MB}, startSeconds: 1, runSeconds: 1, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
${withInit ? '          initContainers: [{name: fetch, image: "fetch:1"}]\n' : ""}          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1s
  - kubectl get pods -o jsonpath={.items[0].spec.nodeName}
`;
}

function nodeOfFirstPod(seed: number, withInit: boolean): string {
  const out = sessionTranscript(parseScenario(scenarioText(seed, withInit), "l.yaml", "/nonexistent"));
  const m = /node-[ab]/.exec(out.slice(out.lastIndexOf("jsonpath")));
  if (m === null) throw new Error(`no node in:\n${out}`);
  return m[0];
}

describe("ImageLocality counts init containers", () => {
  const seeds = Array.from({ length: 12 }, (_, i) => i + 1);

  it("places the pod on the node that has its init container's image, whatever the seed", () => {
    expect(seeds.map((s) => nodeOfFirstPod(s, true))).toEqual(seeds.map(() => "node-a"));
  });

  it("without the init container the nodes tie and the seed decides (the check above can fail)", () => {
    expect(new Set(seeds.map((s) => nodeOfFirstPod(s, false)))).toEqual(new Set(["node-a", "node-b"]));
  });

  it("the idle-cluster placement the closed forms use agrees", () => {
    const n = (name: string, images: string[]) => ({
      name,
      milliCpu: 4000,
      memory: 8 * 2 ** 30,
      systemMilliCpu: 0,
      systemMemory: 0,
      images,
      labels: {},
    });
    const sizes = { imageSize: (i: string) => (i === "fetch:1" ? 600 * MB : 10 * MB) };
    const spec = {
      initContainers: [{ name: "fetch", image: "fetch:1" }],
      containers: [{ name: "c", image: "app:1" }],
    };
    expect(preferredNode([n("node-a", ["fetch:1"]), n("node-b", [])], spec, sizes)?.name).toBe("node-a");
    expect(
      preferredNode([n("node-a", ["fetch:1"]), n("node-b", [])], { containers: spec.containers }, sizes),
    ).toBeNull();
  });
});
