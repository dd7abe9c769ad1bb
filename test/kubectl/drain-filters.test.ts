import { describe, expect, it } from "vitest";
import {
  type DrainPodFacts,
  type DrainPodStatus,
  drainErrors,
  drainPodStatus,
  drainWarnings,
  LOCAL_STORAGE_FATAL,
  shouldSkipPod,
  UNMANAGED_FATAL,
  UNMANAGED_WARNING,
} from "../../src/kubectl/drain-filters.js";

/**
 * kubectl drain's filter chain (staging/src/k8s.io/kubectl/pkg/drain/filters.go makeFilters,
 * filterPods; drain.go GetPodsForDeletion): skipDeletedFilter, (daemonSet, mirror: nothing in
 * jobsim), localStorageFilter, unreplicatedFilter; the chain stops at the first "do not
 * delete", and the last filter run gives the status.
 */
const JOB_POD: DrainPodFacts = { terminal: false, hasController: true, hasEmptyDir: false, deletionMs: null };
const NO_FLAGS = { force: false, deleteEmptyDirData: false, skipWaitForDeleteTimeoutSeconds: 0 };
const OKAY: DrainPodStatus = { delete: true, reason: "Okay", message: "" };

describe("drainPodStatus", () => {
  const cases: [string, Partial<DrainPodFacts>, Partial<typeof NO_FLAGS>, DrainPodStatus][] = [
    ["a running Job pod", {}, {}, OKAY],
    [
      "an orphan without --force",
      { hasController: false },
      {},
      { delete: false, reason: "Error", message: UNMANAGED_FATAL },
    ],
    [
      "an orphan with --force",
      { hasController: false },
      { force: true },
      { delete: true, reason: "Warning", message: UNMANAGED_WARNING },
    ],
    [
      "a finished orphan (unreplicatedFilter lets it through)",
      { hasController: false, terminal: true },
      {},
      OKAY,
    ],
    [
      "emptyDir without the flag",
      { hasEmptyDir: true },
      {},
      { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL },
    ],
    // localStorageFilter's warning is replaced by unreplicatedFilter's Okay (filters.go's TODO).
    ["emptyDir with --delete-emptydir-data", { hasEmptyDir: true }, { deleteEmptyDirData: true }, OKAY],
    ["a finished pod with emptyDir", { hasEmptyDir: true, terminal: true }, {}, OKAY],
    // The local storage error comes first: the chain stops before unreplicatedFilter.
    [
      "an orphan with emptyDir",
      { hasEmptyDir: true, hasController: false },
      {},
      { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL },
    ],
    [
      "an orphan with emptyDir, both flags",
      { hasEmptyDir: true, hasController: false },
      { force: true, deleteEmptyDirData: true },
      { delete: true, reason: "Warning", message: UNMANAGED_WARNING },
    ],
    [
      "deleted 31 s ago, skip after 30",
      { deletionMs: 0 },
      { skipWaitForDeleteTimeoutSeconds: 30 },
      { delete: false, reason: "Skip", message: "" },
    ],
    ["deleted 31 s ago, no skip flag", { deletionMs: 0 }, {}, OKAY],
    [
      "a skipped orphan is no error",
      { deletionMs: 0, hasController: false },
      { skipWaitForDeleteTimeoutSeconds: 30 },
      { delete: false, reason: "Skip", message: "" },
    ],
  ];
  for (const [name, facts, flags, want] of cases)
    it(name, () => {
      expect(drainPodStatus({ ...JOB_POD, ...facts }, { ...NO_FLAGS, ...flags }, 31_000)).toEqual(want);
    });
});

describe("shouldSkipPod: whole seconds past the deletionTimestamp, more than N", () => {
  const cases: [number | null, number, number, boolean][] = [
    [0, 30_999, 30, false], // 30 s (truncated) is not more than 30
    [0, 31_000, 30, true],
    [0, 31_000, 0, false], // 0 turns the skip off
    [0, 31_000, -5, false],
    [60_000, 31_000, 1, false], // a graceful delete's deletionTimestamp is in the future
    [null, 99_000, 1, false],
  ];
  for (const [deletionMs, nowMs, n, want] of cases)
    it(`deletion ${deletionMs}, now ${nowMs}, N ${n} → ${want}`, () => {
      expect(shouldSkipPod(deletionMs, nowMs, n)).toBe(want);
    });
});

describe("errors and warnings: grouped by message", () => {
  const item = (ref: string, status: DrainPodStatus) => ({ ref, status });
  const err = (message: string): DrainPodStatus => ({ delete: false, reason: "Error", message });
  const warn: DrainPodStatus = { delete: true, reason: "Warning", message: UNMANAGED_WARNING };

  it("errors prepend 'cannot delete ', doubled for unmanagedFatal (1.30–1.35, kubernetes/kubectl#1808)", () => {
    expect(drainErrors([item("default/a", err(UNMANAGED_FATAL)), item("default/b", OKAY)])).toEqual([
      "cannot delete cannot delete Pods that declare no controller (use --force to override): default/a",
    ]);
  });

  it("pods of one message join with ', '; messages keep the order the list first meets them", () => {
    expect(
      drainErrors([
        item("default/a", err(LOCAL_STORAGE_FATAL)),
        item("default/b", err(UNMANAGED_FATAL)),
        item("team/c", err(LOCAL_STORAGE_FATAL)),
      ]),
    ).toEqual([
      "cannot delete Pods with local storage (use --delete-emptydir-data to override): default/a, team/c",
      "cannot delete cannot delete Pods that declare no controller (use --force to override): default/b",
    ]);
  });

  it("warnings: '<message>: pods', none when no pod warns", () => {
    expect(drainWarnings([item("default/a", warn), item("default/b", OKAY), item("default/c", warn)])).toBe(
      "deleting Pods that declare no controller: default/a, default/c",
    );
    expect(drainWarnings([item("default/a", OKAY)])).toBe("");
  });
});
