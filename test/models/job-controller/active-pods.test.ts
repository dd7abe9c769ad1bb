import fc from "fast-check";
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { compareForRemoval, podsForRemoval } from "../../../src/models/job-controller/active-pods.js";
import { type PodIdentitySource, PodPhase, PodRecord, RestartPolicy } from "../../../src/models/objects.js";

/**
 * Which active pods the Job controller deletes first (manageJob → activePodsForRemoval →
 * sort.Sort(controller.ActivePods)), against upstream's ordering test. Only the keys our
 * comparator uses: node assigned, phase Pending/Running, ready, ready time, container restart
 * counts, creation time.
 */

const S = 1000;
const NOW = 10_000_000 * S;
const THEN = NOW - 30 * 24 * 3600 * S; // upstream: now.AddDate(0, -1, 0)

interface PodRow {
  name: string;
  node: string | null;
  phase: PodPhase.Pending | PodPhase.Running;
  /** Ready=True since this time; undefined when not ready. */
  readySince?: number;
  restarts?: number[];
  createdMs: number;
}

function pod(row: PodRow, seq: number): PodRecord {
  const restarts = row.restarts ?? [0];
  const template: PodTemplateSpec = {
    spec: {
      containers: restarts.map((_, i) => ({ name: `c${i}`, image: "busybox" })),
      restartPolicy: "Never",
    },
  };
  const identity = {
    podName: () => row.name,
    podUid: () => `uid-${row.name}`,
    behaviours: () => [],
  } as PodIdentitySource;
  const p = new PodRecord(
    seq,
    "default",
    "x-",
    null,
    seq,
    -1,
    template,
    RestartPolicy.Never,
    row.createdMs,
    identity,
  );
  p.name = row.name;
  p.nodeName = row.node;
  p.phase = row.phase;
  if (row.readySince !== undefined) {
    p.ready = true;
    p.readyMs = row.readySince;
  }
  restarts.forEach((n, i) => {
    p.containers[i].restartCount = n;
  });
  return p;
}

// Ported from kubernetes/kubernetes pkg/controller/controller_utils_test.go
// @ 025f2834a128798cef30018a5e6a6ae82b5ad885, TestSortingActivePods (pods[0..8]; the same data
// later became the table row "Sorts by active pod"). The expected order is the list order.
// Creation time: upstream leaves it unset (zero) except on the last two pods; ActivePods sorts
// an empty creation time before any other ("Empty creation time pods < newer pods < older
// pods"), so unset becomes "newer than every set one" here.
// Skipped pods: "unknownPhase" (PodUnknown: our pods are never in phase Unknown) and
// "runningNoLastTransitionTime" (Ready=True without lastTransitionTime: our kubelet always sets
// readyMs together with ready).
const UNSET = NOW + 1000 * S;
const sortingActivePods: PodRow[] = [
  { name: "unscheduled", node: null, phase: PodPhase.Pending, createdMs: UNSET },
  { name: "scheduledButPending", node: "bar", phase: PodPhase.Pending, createdMs: UNSET },
  { name: "runningButNotReady", node: "foo", phase: PodPhase.Running, createdMs: UNSET },
  {
    name: "runningWithLastTransitionTime",
    node: "foo",
    phase: PodPhase.Running,
    readySince: NOW,
    restarts: [3, 0],
    createdMs: UNSET,
  },
  {
    name: "runningLongerTime",
    node: "foo",
    phase: PodPhase.Running,
    readySince: THEN,
    restarts: [3, 0],
    createdMs: UNSET,
  },
  {
    name: "lowerContainerRestartCount",
    node: "foo",
    phase: PodPhase.Running,
    readySince: THEN,
    restarts: [2, 1],
    createdMs: NOW,
  },
  {
    name: "oldest",
    node: "foo",
    phase: PodPhase.Running,
    readySince: THEN,
    restarts: [2, 1],
    createdMs: THEN,
  },
];

function names(pods: readonly PodRecord[]): string[] {
  return pods.map((p) => p.name);
}

describe("compareForRemoval (TestSortingActivePods, controller_utils_test.go @ 025f2834)", () => {
  const pods = sortingActivePods.map(pod);
  const want = sortingActivePods.map((r) => r.name);

  const adjacent = want.slice(0, -1).map((lesser, i) => ({ lesser, greater: want[i + 1], i }));
  it.each(adjacent)("$lesser before $greater", ({ i }) => {
    expect(compareForRemoval(pods[i], pods[i + 1])).toBeLessThan(0);
    expect(compareForRemoval(pods[i + 1], pods[i])).toBeGreaterThan(0);
  });

  it("every pod equals itself", () => {
    for (const p of pods) expect(compareForRemoval(p, p)).toBe(0);
  });

  it("sorting any permutation gives the upstream order (upstream sorts 20 random permutations)", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(pods, { minLength: pods.length, maxLength: pods.length }),
        (shuffled) => {
          expect(names([...shuffled].sort(compareForRemoval))).toEqual(want);
        },
      ),
      { numRuns: 50, seed: 20_260_101 },
    );
  });
});

// Single keys in isolation, each from the rule list of controller_utils.go ActivePods.Less
// (1. unassigned < assigned; 2. Pending < Running; 3. not ready < ready; 4. ready for less
// time < more time; 5. higher restart counts < lower; 6. newer < older). Each pair differs only
// in the key named.
const base: Omit<PodRow, "name"> = {
  node: "n",
  phase: PodPhase.Running,
  readySince: THEN,
  restarts: [1],
  createdMs: THEN,
};
const keyCases: { key: string; lesser: Partial<PodRow>; greater: Partial<PodRow> }[] = [
  { key: "1. unassigned before assigned", lesser: { node: null }, greater: { node: "n" } },
  {
    key: "1. unassigned before assigned, even when the unassigned pod is older and ready longer",
    lesser: { node: null, createdMs: THEN - S, readySince: THEN - S },
    greater: { node: "n" },
  },
  {
    key: "2. Pending before Running",
    lesser: { phase: PodPhase.Pending, readySince: undefined },
    greater: { phase: PodPhase.Running, readySince: undefined },
  },
  { key: "3. not ready before ready", lesser: { readySince: undefined }, greater: { readySince: THEN } },
  {
    key: "4. ready for less time before ready for more",
    lesser: { readySince: NOW },
    greater: { readySince: THEN },
  },
  { key: "5. more restarts before fewer", lesser: { restarts: [9001] }, greater: { restarts: [0] } },
  { key: "6. newer before older", lesser: { createdMs: NOW }, greater: { createdMs: THEN } },
  {
    key: "4 before 6: ready time decides before creation time",
    lesser: { readySince: NOW, createdMs: THEN },
    greater: { readySince: THEN, createdMs: NOW },
  },
  {
    key: "5 before 6: restarts decide before creation time",
    lesser: { restarts: [2], createdMs: THEN },
    greater: { restarts: [1], createdMs: NOW },
  },
  {
    key: "ready time is only compared between ready pods",
    lesser: { readySince: undefined, createdMs: NOW },
    greater: { readySince: undefined, createdMs: THEN },
  },
];

describe("compareForRemoval: one key at a time (ActivePods.Less rules)", () => {
  it.each(keyCases)("$key", ({ lesser, greater }) => {
    const a = pod({ ...base, name: "lesser", ...lesser }, 2);
    const b = pod({ ...base, name: "greater", ...greater }, 1);
    expect(compareForRemoval(a, b)).toBeLessThan(0);
    expect(compareForRemoval(b, a)).toBeGreaterThan(0);
  });

  it("equal keys: creation order decides (deterministic stand-in for Go's unstable sort)", () => {
    const a = pod({ ...base, name: "first" }, 1);
    const b = pod({ ...base, name: "second" }, 2);
    expect(compareForRemoval(a, b)).toBeLessThan(0);
    expect(compareForRemoval(b, a)).toBeGreaterThan(0);
  });
});

describe("podsForRemoval", () => {
  const pods = sortingActivePods.map(pod);
  const reversed = [...pods].reverse();

  it.each([
    [0, []],
    [-1, []],
    [1, ["unscheduled"]],
    [3, ["unscheduled", "scheduledButPending", "runningButNotReady"]],
    [100, sortingActivePods.map((r) => r.name)],
  ] as [number, string[]][])("count %i → %j", (count, want) => {
    expect(names(podsForRemoval(reversed, count))).toEqual(want);
  });

  it("leaves the input list as it was", () => {
    const before = names(reversed);
    podsForRemoval(reversed, 3);
    expect(names(reversed)).toEqual(before);
  });
});
