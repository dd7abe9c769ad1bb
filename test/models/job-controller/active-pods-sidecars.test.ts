import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { compareForRemoval } from "../../../src/models/job-controller/active-pods.js";
import { type PodIdentitySource, PodPhase, PodRecord, RestartPolicy } from "../../../src/models/objects.js";

/**
 * ActivePods.Less with sidecars (controller_utils.go maxContainerRestarts, kubernetes/kubernetes
 * PR #124952, 1.31): the regular containers' highest restart count decides first; on a tie, the
 * sidecars' highest restart count (more before fewer); a non-sidecar init container's never counts.
 */
function pod(name: string, seq: number, regular: number, sidecar: number, init: number): PodRecord {
  const template: PodTemplateSpec = {
    spec: {
      initContainers: [
        { name: "setup", image: "busybox" },
        { name: "proxy", image: "busybox", restartPolicy: "Always" },
      ],
      containers: [{ name: "c", image: "busybox" }],
      restartPolicy: "Never",
    },
  };
  const identity = {
    podName: () => name,
    podUid: () => `uid-${name}`,
    behaviours: () => [],
  } as PodIdentitySource;
  const p = new PodRecord(seq, "default", "x-", null, seq, -1, template, RestartPolicy.Never, 0, identity);
  p.name = name;
  p.nodeName = "n";
  p.phase = PodPhase.Running;
  p.ready = true;
  p.readyMs = 0;
  p.containers[0].restartCount = regular;
  p.initContainers[0].restartCount = init;
  p.initContainers[1].restartCount = sidecar;
  return p;
}

describe("compareForRemoval: sidecar restarts (#124952)", () => {
  it("on a tie of the regular containers, more sidecar restarts go first", () => {
    const a = pod("a", 2, 1, 5, 0);
    const b = pod("b", 1, 1, 0, 0);
    expect(compareForRemoval(a, b)).toBeLessThan(0);
    expect(compareForRemoval(b, a)).toBeGreaterThan(0);
  });

  it("the regular containers decide first, whatever the sidecars", () => {
    const a = pod("a", 2, 2, 0, 0);
    const b = pod("b", 1, 1, 9, 0);
    expect(compareForRemoval(a, b)).toBeLessThan(0);
  });

  it("a non-sidecar init container's restarts do not count", () => {
    // Same creation time and restarts but for `setup`: the tie falls to creation order (seq).
    const a = pod("a", 1, 0, 0, 7);
    const b = pod("b", 2, 0, 0, 0);
    expect(compareForRemoval(a, b)).toBeLessThan(0);
  });
});
