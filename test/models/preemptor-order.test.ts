import { describe, expect, it } from "vitest";
import type { NodeRecord, PodRecord } from "../../src/models/objects.js";
import { type PreemptionContext, preempt } from "../../src/models/preemptor.js";
import type { Store } from "../../src/models/store.js";

/**
 * The order of the preemption's writes (executor.go): the synchronous prepareCandidate (1.32)
 * deletes the victims, then clears lower-priority nominations to the node; the goroutine of
 * prepareCandidateAsync (1.33+) clears the nominations first. A fake store records the writes.
 */

const NONE = -1;

function setup(asyncPreemption: boolean): string[] {
  const writes: string[] = [];
  const node = {
    name: "node-0",
    allocatableMilliCpu: 1000,
    allocatableMemory: 1e12,
    allocatablePods: 110,
    systemMilliCpu: 0,
    systemMemory: 0,
    requestedMilliCpu: 600,
    requestedMemory: 0,
    podCount: 1,
    // Up: no unreachable taint (taint-eviction.ts refusedByUnreachableTaint).
    unreachableNoScheduleMs: -1,
    unreachableNoExecuteMs: -1,
  } as unknown as NodeRecord;
  const pod = (name: string, priority: number, extra: Partial<PodRecord>) =>
    ({
      name,
      priority,
      spec: { containers: [{ name: "c", resources: { requests: { cpu: "600m" } } }] },
      heldBy: null,
      startTimeMs: 0,
      deletionMs: NONE,
      disruptionMs: NONE,
      nominatedNodeName: null,
      generation: 1,
      ...extra,
    }) as unknown as PodRecord & { priority: number };
  const victim = pod("victim", 0, { heldBy: node });
  const lower = pod("lower", 500, { nominatedNodeName: "node-0" });
  const preemptor = pod("preemptor", 1000, {});
  const store = {
    nodes: [node],
    pods: [victim, lower, preemptor],
    updatePod: (p: PodRecord) => writes.push(`update ${p.name}`),
    deletePod: (p: PodRecord) => writes.push(`delete ${p.name}`),
  } as unknown as Store;
  const ctx: PreemptionContext = {
    store,
    recorder: null,
    clock: { now: 5000 },
    drawBelow: () => 0,
    podPriority: (p) => (p as PodRecord & { priority: number }).priority,
    asyncPreemption,
  };
  const req = { milliCpu: 600, memory: 0, nonZeroMilliCpu: 600, nonZeroMemory: 0 };
  const result = preempt(ctx, preemptor, req as never, [], null);
  expect("node" in result).toBe(true);
  expect(lower.nominatedNodeName).toBeNull();
  return writes;
}

describe("the preemption's writes", () => {
  it("1.33+ (async): nominations cleared, then the victim's condition and DELETE", () => {
    expect(setup(true)).toEqual(["update lower", "update victim", "delete victim"]);
  });

  it("1.32 (sync): the victim first, then the nominations", () => {
    expect(setup(false)).toEqual(["update victim", "delete victim", "update lower"]);
  });
});

describe("a nominated pod whose preemption finds no candidate", () => {
  it('loses its nomination (Evaluator.Preempt: NewPostFilterResultWithNominatedNode(""))', () => {
    const node = {
      name: "node-0",
      allocatableMilliCpu: 1000,
      allocatableMemory: 1e12,
      allocatablePods: 110,
      systemMilliCpu: 0,
      systemMemory: 0,
      requestedMilliCpu: 600,
      requestedMemory: 0,
      podCount: 1,
      unreachableNoScheduleMs: -1,
      unreachableNoExecuteMs: -1,
    } as unknown as NodeRecord;
    const spec = { containers: [{ name: "c", resources: { requests: { cpu: "600m" } } }] };
    const peer = { name: "peer", priority: 1000, spec, heldBy: node, startTimeMs: 0, deletionMs: NONE };
    const preemptor = { name: "p", priority: 1000, spec, nominatedNodeName: "node-0", deletionMs: NONE };
    const ctx: PreemptionContext = {
      store: { nodes: [node], pods: [peer, preemptor] } as unknown as Store,
      recorder: null,
      clock: { now: 0 },
      drawBelow: () => 0,
      podPriority: (p) => (p as unknown as { priority: number }).priority,
      asyncPreemption: true,
    };
    const req = { milliCpu: 600, memory: 0, nonZeroMilliCpu: 600, nonZeroMemory: 0 };
    expect(preempt(ctx, preemptor as unknown as PodRecord, req as never, [], null)).toEqual({
      message: "0/1 nodes are available: 1 No preemption victims found for incoming pod.",
      clearNomination: true,
    });
  });
});
