import { describe, expect, it } from "vitest";
import { balancedAllocationScore, leastAllocatedScore } from "../../src/models/scheduler-score.js";
import { behaviour, cluster, exits, jobManifest, node, prepare } from "./harness.js";

describe("scheduler scores (pkg/scheduler/framework/plugins/noderesources)", () => {
  it("LeastAllocated truncates each resource's score before averaging (least_allocated.go)", () => {
    // cpu (1000 − 445)·100/1000 = 55, memory (1000 − 435)·100/1000 = 56: (55 + 56) / 2 = 55.
    expect(leastAllocatedScore(445, 1000, 435, 1000)).toBe(55);
    expect(leastAllocatedScore(1200, 1000, 0, 1000)).toBe(50);
    expect(leastAllocatedScore(0, 4000, 0, 8 * 2 ** 30)).toBe(100);
  });

  it("BalancedAllocation counts requests as written, and skips a best-effort pod", () => {
    // A pod asking 500m and no memory on an empty node: fractions 0.5 and 0 → (1 − 0.25)·100.
    expect(balancedAllocationScore(500, 0, 500, 1000, 0, 2 ** 30)).toBe(75);
    // Best effort (no cpu or memory request): PreScore returns Skip, no score on any node.
    expect(balancedAllocationScore(0, 0, 200, 4000, 140 * 2 ** 20, 8 * 2 ** 30)).toBe(0);
    expect(balancedAllocationScore(100, 0, 3000, 1000, 0, 1000)).toBe(50);
  });
});

describe("scheduler: the node these scores pick", () => {
  it("places a cpu-only pod by its written requests (BalancedAllocation useRequested)", () => {
    // server-0: 4 CPU, 8Gi, with k3d's 200m/140Mi; agent-0: 8 CPU, 1Gi. A pod asking 500m:
    // server LeastAllocated (82 + 95) / 2 = 88, Balanced (fractions 0.175, 0.017) 92 → 180;
    // agent LeastAllocated (93 + 80) / 2 = 86 (memory counted as the 200Mi default), Balanced
    // (fractions 0.0625 and 0: no memory asked) 96 → 182. Counting the 200Mi default in
    // Balanced too would give the server 182 and the agent 180.
    const server = { ...node("k3d-my-cluster-server-0", "server", 0, 4000), memory: 8 * 2 ** 30 };
    const agent = { ...node("k3d-my-cluster-agent-0", "agent", 1, 8000), memory: 2 ** 30 };
    const c = cluster({ nodes: [server, agent], behaviour: behaviour({ script: exits(0) }) });
    const job = c.createJob(
      prepare(
        jobManifest(
          {},
          {
            containers: [
              { name: "flaky-app", image: behaviour().spec.image, resources: { requests: { cpu: "500m" } } },
            ],
          },
        ),
      ),
    );
    c.sim.run({ until: 5_000 });
    expect(job.pods[0].nodeName).toBe("k3d-my-cluster-agent-0");
  });
});
