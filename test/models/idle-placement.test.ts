import type { PodSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { preferredNode } from "../../src/models/idle-placement.js";

/** The closed form's node prediction follows the scheduler's filter (scheduler.ts). */
describe("preferredNode", () => {
  const node = (name: string, milliCpu: number) => ({
    name,
    milliCpu,
    memory: 8 * 2 ** 30,
    systemMilliCpu: 0,
    systemMemory: 0,
    images: [] as string[],
    labels: {},
  });
  const images = { imageSize: () => 0 };

  it("picks no node for a pod asking a resource no node has (Insufficient nvidia.com/gpu)", () => {
    const spec: PodSpec = {
      containers: [{ name: "app", image: "busybox", resources: { requests: { "nvidia.com/gpu": "1" } } }],
    };
    expect(preferredNode([node("a", 4000), node("b", 2000)], spec, images)).toBeNull();
  });

  it("still picks the strictly best node for an ordinary pod", () => {
    const spec: PodSpec = {
      containers: [{ name: "app", image: "busybox", resources: { requests: { cpu: "1" } } }],
    };
    expect(preferredNode([node("a", 4000), node("b", 2000)], spec, images)?.name).toBe("a");
  });
});
