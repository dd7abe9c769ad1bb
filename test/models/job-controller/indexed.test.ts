import fc from "fast-check";
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import {
  duplicatedIndexPodsForRemoval,
  firstPendingIndexes,
  indexedPodGenerateName,
  intervalsHave,
  intervalsText,
  intervalsTotal,
  parseIndexIntervals,
  withOrderedIndexes,
} from "../../../src/models/job-controller/indexed.js";
import {
  NONE,
  type PodIdentitySource,
  PodPhase,
  PodRecord,
  RestartPolicy,
} from "../../../src/models/objects.js";

/**
 * completionMode Indexed, the pure parts (pkg/controller/job/indexed_job_utils.go): the
 * `.status.completedIndexes` text and its intervals, the next indexes to create, and the pods
 * an Indexed Job deletes whatever its parallelism.
 */

describe("completed indexes as text and intervals", () => {
  const texts: { text: string; completions: number; intervals: number[]; canonical: string }[] = [
    { text: "", completions: 5, intervals: [], canonical: "" },
    { text: "0", completions: 5, intervals: [0, 0], canonical: "0" },
    // Two consecutive indexes are written "a,b"; three or more "a-b" — and read back merged.
    { text: "0,1", completions: 5, intervals: [0, 1], canonical: "0,1" },
    { text: "0-2", completions: 5, intervals: [0, 2], canonical: "0-2" },
    { text: "1,3-5,7", completions: 10, intervals: [1, 1, 3, 5, 7, 7], canonical: "1,3-5,7" },
    { text: "0-2,3", completions: 5, intervals: [0, 3], canonical: "0-3" },
    // Indexes at or past completions are dropped; an interval reaching past is cut.
    { text: "1,3-8", completions: 5, intervals: [1, 1, 3, 4], canonical: "1,3,4" },
    { text: "2,7,9", completions: 5, intervals: [2, 2], canonical: "2" },
    // A part that is not a number is skipped (upstream logs "Corrupted completed indexes interval").
    { text: "1,x,3", completions: 5, intervals: [1, 1, 3, 3], canonical: "1,3" },
    { text: "1,2-y,4", completions: 5, intervals: [1, 1, 4, 4], canonical: "1,4" },
  ];
  for (const t of texts) {
    it(`"${t.text}" with completions ${t.completions} → ${JSON.stringify(t.intervals)} → "${t.canonical}"`, () => {
      const iv = parseIndexIntervals(t.text, t.completions);
      expect(iv).toEqual(t.intervals);
      expect(intervalsText(iv)).toBe(t.canonical);
    });
  }

  it("withOrderedIndexes merges new indexes into touching and overlapping intervals", () => {
    expect(withOrderedIndexes([], [])).toEqual([]);
    expect(withOrderedIndexes([], [0, 1, 2, 5])).toEqual([0, 2, 5, 5]);
    expect(withOrderedIndexes([2, 4], [0, 1, 5, 9])).toEqual([0, 5, 9, 9]);
    expect(withOrderedIndexes([2, 4, 8, 8], [3, 6])).toEqual([2, 4, 6, 6, 8, 8]);
    expect(withOrderedIndexes([0, 0], [0, 0, 1])).toEqual([0, 1]);
  });

  it("a set of indexes survives text and back, with its size and membership", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), (set) => {
        const sorted = [...set].sort((a, b) => a - b);
        const iv = withOrderedIndexes([], sorted);
        expect(intervalsTotal(iv)).toBe(set.length);
        for (let i = 0; i <= 41; i++) expect(intervalsHave(iv, i)).toBe(set.includes(i));
        expect(parseIndexIntervals(intervalsText(iv), 41)).toEqual(iv);
      }),
    );
  });
});

describe("firstPendingIndexes", () => {
  const cases: {
    name: string;
    /** Intervals, flat: [first, last, ...]. */
    succeeded: number[];
    held: number[];
    count: number;
    completions: number;
    want: number[];
  }[] = [
    { name: "nothing yet", succeeded: [], held: [], count: 2, completions: 5, want: [0, 1] },
    { name: "count 0", succeeded: [], held: [], count: 0, completions: 5, want: [] },
    { name: "fewer left than asked", succeeded: [], held: [0, 1, 2], count: 5, completions: 4, want: [3] },
    { name: "one left", succeeded: [0, 0, 2, 2], held: [3], count: 2, completions: 4, want: [1] },
    {
      name: "gaps between succeeded and held",
      succeeded: [2, 4, 9, 9],
      held: [3, 5, 8],
      count: 5,
      completions: 20,
      want: [0, 1, 6, 7, 10],
    },
    { name: "none pending", succeeded: [0, 3], held: [], count: 3, completions: 4, want: [] },
    {
      name: "held and succeeded cover all",
      succeeded: [0, 1],
      held: [2, 3],
      count: 1,
      completions: 4,
      want: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(firstPendingIndexes(c.succeeded, c.held, c.count, c.completions)).toEqual(c.want);
    });
  }

  it("gives the lowest indexes below completions that are neither succeeded nor held, ascending", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 20 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 29 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 30 }),
        (completions, succ, held, count) => {
          const succeeded = withOrderedIndexes(
            [],
            [...succ].sort((a, b) => a - b),
          );
          const heldSorted = [...held].sort((a, b) => a - b);
          const want: number[] = [];
          for (let i = 0; i < completions && want.length < count; i++)
            if (!succ.includes(i) && !held.includes(i)) want.push(i);
          expect(firstPendingIndexes(succeeded, heldSorted, count, completions)).toEqual(want);
        },
      ),
    );
  });
});

function pod(seq: number, index: number, phase = PodPhase.Running, ready = false): PodRecord {
  const template: PodTemplateSpec = {
    spec: { containers: [{ name: "c", image: "busybox" }], restartPolicy: "Never" },
  };
  const identity = {
    podName: () => `p${seq}`,
    podUid: () => `uid-${seq}`,
    behaviours: () => [],
  } as PodIdentitySource;
  const p = new PodRecord(
    seq,
    "default",
    "j-",
    null,
    seq,
    index,
    template,
    RestartPolicy.Never,
    seq * 1000,
    identity,
  );
  p.phase = phase;
  p.nodeName = phase === PodPhase.Pending ? null : "node";
  p.ready = ready;
  return p;
}

describe("pods an Indexed Job deletes whatever its parallelism (appendDuplicatedIndexPodsForRemoval)", () => {
  it("all unique and in range: none", () => {
    const pods = [pod(0, 2), pod(1, 0), pod(2, 1)];
    const { rm, left } = duplicatedIndexPodsForRemoval(pods, 3);
    expect(rm).toEqual([]);
    expect(left.map((p) => p.completionIndex)).toEqual([0, 1, 2]);
  });

  it("pods without an index and pods at or past completions go", () => {
    const pods = [pod(0, NONE), pod(1, 2), pod(2, 5), pod(3, 6), pod(4, 1)];
    const { rm, left } = duplicatedIndexPodsForRemoval(pods, 6);
    expect(rm.map((p) => p.seq)).toEqual([0, 3]);
    expect(left.map((p) => p.seq)).toEqual([4, 1, 2]);
  });

  it("of pods sharing an index, the one furthest along (last in ActivePods order) stays", () => {
    // Index 0: pending, running not ready, running ready → the ready one stays.
    const pods = [pod(0, 0, PodPhase.Running, true), pod(1, 0, PodPhase.Pending), pod(2, 0), pod(3, 3)];
    const { rm, left } = duplicatedIndexPodsForRemoval(pods, 4);
    expect(rm.map((p) => p.seq).sort()).toEqual([1, 2]);
    expect(left.map((p) => p.seq)).toEqual([0, 3]);
  });
});

describe("generateName of an index's pods (podGenerateNameWithIndex)", () => {
  it("is <job>-<index>-", () => {
    expect(indexedPodGenerateName("shards", 0)).toBe("shards-0-");
    expect(indexedPodGenerateName("shards", 12)).toBe("shards-12-");
  });

  it("cuts the Job name so that the prefix is 58 characters and keeps the whole index", () => {
    const name = "a".repeat(63);
    const g = indexedPodGenerateName(name, 123);
    expect(g).toBe(`${"a".repeat(53)}-123-`);
    expect(g.length).toBe(58);
    expect(indexedPodGenerateName("b".repeat(55), 7)).toBe(`${"b".repeat(55)}-7-`);
  });
});
