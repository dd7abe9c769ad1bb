import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import {
  type BackoffRecord,
  backoffDurationMs,
  DEFAULT_POD_FAILURE_BACKOFF_MS,
  emptyBackoff,
  MAX_POD_FAILURE_BACKOFF_MS,
  nextBackoffRecord,
  podFinishedMs,
  remainingBackoffMs,
} from "../../../src/models/job-controller/backoff.js";
import {
  ContainerRun,
  ContainerState,
  NONE,
  type PodIdentitySource,
  PodRecord,
  RestartPolicy,
} from "../../../src/models/objects.js";

/**
 * The Job controller's pod-failure back-off, table-driven from upstream's unit tests. Our times are
 * milliseconds; API timestamps (finishedAt, deletionTimestamp, conditions) are whole seconds.
 */

const S = 1000;
/** upstream's defaultTestTime (2009-11-10T23:00:00Z) stands for an arbitrary whole-second instant. */
const T = 1_000_000 * S;

describe("constants (job_controller.go DefaultJobPodFailureBackOff / MaxJobPodFailureBackOff)", () => {
  it("10 s base, 10 min cap (reference §2.1)", () => {
    expect(DEFAULT_POD_FAILURE_BACKOFF_MS).toBe(10_000);
    expect(MAX_POD_FAILURE_BACKOFF_MS).toBe(600_000);
  });
});

// Ported from kubernetes/kubernetes pkg/controller/job/backoff_utils_test.go @ 0bee0bcaa7ddf245d967776b158f2affb7b9c5f3
// TestNewBackoffRecord. The store initializer becomes `old`; the lists hold finish times.
const newBackoffRecordCases: {
  name: string;
  old: BackoffRecord;
  succeeded: number[];
  failed: number[];
  want: BackoffRecord;
}[] = [
  {
    name: "Empty backoff store and one new failure",
    old: emptyBackoff(),
    succeeded: [],
    failed: [T],
    want: { failuresAfterLastSuccess: 1, lastFailureMs: T },
  },
  {
    name: "Empty backoff store and two new failures",
    old: emptyBackoff(),
    succeeded: [],
    failed: [T, T - 1],
    want: { failuresAfterLastSuccess: 2, lastFailureMs: T },
  },
  {
    name: "Empty backoff store, two failures followed by success",
    old: emptyBackoff(),
    succeeded: [T],
    failed: [T - 2, T - 1],
    want: { failuresAfterLastSuccess: 0, lastFailureMs: NONE },
  },
  {
    name: "Empty backoff store, two failures, one success and two more failures",
    old: emptyBackoff(),
    succeeded: [T - 2],
    failed: [T, T - 4, T - 3, T - 1],
    want: { failuresAfterLastSuccess: 2, lastFailureMs: T },
  },
  {
    name: "Backoff store having failure count 2 and one new failure",
    old: { failuresAfterLastSuccess: 2, lastFailureMs: NONE },
    succeeded: [],
    failed: [T],
    want: { failuresAfterLastSuccess: 3, lastFailureMs: T },
  },
  {
    name: "Empty backoff store with success and failure at same timestamp",
    old: emptyBackoff(),
    succeeded: [T],
    failed: [T],
    want: { failuresAfterLastSuccess: 0, lastFailureMs: NONE },
  },
  {
    name: "Empty backoff store with no success/failure",
    old: emptyBackoff(),
    succeeded: [],
    failed: [],
    want: { failuresAfterLastSuccess: 0, lastFailureMs: NONE },
  },
  {
    name: "Empty backoff store with one success",
    old: emptyBackoff(),
    succeeded: [T],
    failed: [],
    want: { failuresAfterLastSuccess: 0, lastFailureMs: NONE },
  },
  // Not an upstream row: /work/shared/reference/kubernetes-job-controller.md §2.2 rule 2
  // ("no new successes, no new failures → unchanged") with a non-empty record.
  {
    name: "(§2.2) record with failures and no news stays unchanged",
    old: { failuresAfterLastSuccess: 3, lastFailureMs: T - 50 * S },
    succeeded: [],
    failed: [],
    want: { failuresAfterLastSuccess: 3, lastFailureMs: T - 50 * S },
  },
];

describe("nextBackoffRecord (TestNewBackoffRecord)", () => {
  it.each(newBackoffRecordCases)("$name", ({ old, succeeded, failed, want }) => {
    const before = { ...old };
    const out: BackoffRecord = { failuresAfterLastSuccess: -99, lastFailureMs: -99 };
    const got = nextBackoffRecord(old, [...succeeded], [...failed], out);
    expect(got).toBe(out);
    expect(got).toEqual(want);
    expect(old).toEqual(before);
  });
});

// /work/shared/reference/kubernetes-job-controller.md §2.3: backoff(n) = min(10 s · 2^(n−1), 600 s).
const durationCases: [failures: number, seconds: number][] = [
  [1, 10],
  [2, 20],
  [3, 40],
  [4, 80],
  [5, 160],
  [6, 320],
  [7, 600],
  [8, 600],
  [100, 600],
];

describe("backoffDurationMs (reference §2.3)", () => {
  it.each(durationCases)("%i failures → %i s", (failures, seconds) => {
    expect(backoffDurationMs(failures)).toBe(seconds * S);
  });
});

// Ported from backoff_utils_test.go @ 0bee0bca TestGetRemainingBackoffTime. Upstream passes
// defaultBackoff 5 s / maxBackoff 700 s as parameters; ours are fixed at 10 s / 600 s, so each row
// keeps its shape (same failure count and clock offset where the shape survives) with the
// expectation recomputed from the same formula: the "8 failures, not exceeding max" row becomes
// 6 failures (320 s < 600 s) and the "9 failures, exceeding max" row 7 failures (capped at 600 s).
const remainingCases: { name: string; failures: number; last: number; now: number; wantS: number }[] = [
  { name: "no failures", failures: 0, last: NONE, now: T, wantS: 0 },
  { name: "one failure; current time and failure time are same", failures: 1, last: T, now: T, wantS: 10 },
  {
    name: "one failure; current time == 1 second + failure time",
    failures: 1,
    last: T,
    now: T + S,
    wantS: 9,
  },
  {
    name: "one failure; current time == expected backoff time",
    failures: 1,
    last: T,
    now: T + 10 * S,
    wantS: 0,
  },
  {
    name: "one failure; current time == expected backoff time + 1 Second",
    failures: 1,
    last: T,
    now: T + 11 * S,
    wantS: 0,
  },
  { name: "three failures; current time and failure time are same", failures: 3, last: T, now: T, wantS: 40 },
  {
    name: "six failures; current time and failure time are same; backoff not exceeding maxBackoff",
    failures: 6,
    last: T,
    now: T,
    wantS: 320,
  },
  {
    name: "seven failures; current time and failure time are same; backoff exceeding maxBackoff",
    failures: 7,
    last: T,
    now: T,
    wantS: 600,
  },
];

// Not ported: TestGetRemainingBackoffTimePerIndex (getRemainingTimePerIndex, reference §2.4) — src
// has no per-index back-off; manage-job.ts applies the global record to every Job.
describe("remainingBackoffMs (TestGetRemainingBackoffTime)", () => {
  it.each(remainingCases)("$name", ({ failures, last, now, wantS }) => {
    expect(remainingBackoffMs(failures, last, now)).toBe(wantS * S);
  });
});

describe("worked examples (reference §2.3)", () => {
  it("one failure at a time: replacements wait 10, 20, 40, 80, 160, 320, 600, 600 s after the last finish", () => {
    let rec = emptyBackoff();
    let t = T;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      rec = nextBackoffRecord(rec, [], [t], emptyBackoff());
      const wait = remainingBackoffMs(rec.failuresAfterLastSuccess, rec.lastFailureMs, t);
      waits.push(wait / S);
      t += wait + 5 * S; // the replacement runs 5 s and fails again
    }
    expect(waits).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });

  it("parallel failures add up: 2 pods failing in the same sync → n = 2 → 20 s", () => {
    const rec = nextBackoffRecord(emptyBackoff(), [], [T, T], emptyBackoff());
    expect(rec).toEqual({ failuresAfterLastSuccess: 2, lastFailureMs: T });
    expect(remainingBackoffMs(rec.failuresAfterLastSuccess, rec.lastFailureMs, T)).toBe(20 * S);
  });

  it("website PR #54415 check (parallelism 2): waves of 2 failures wait 20 s, 80 s, 320 s", () => {
    let rec = emptyBackoff();
    const waits: number[] = [];
    for (const wave of [31, 82, 193]) {
      rec = nextBackoffRecord(rec, [], [wave * S, wave * S], emptyBackoff());
      waits.push(remainingBackoffMs(rec.failuresAfterLastSuccess, rec.lastFailureMs, wave * S) / S);
    }
    expect(waits).toEqual([20, 80, 320]);
    expect(rec.failuresAfterLastSuccess).toBe(6);
  });

  it("a success resets the record; failures after it count from 1 again", () => {
    let rec = nextBackoffRecord(emptyBackoff(), [], [T, T + S], emptyBackoff());
    rec = nextBackoffRecord(rec, [T + 30 * S], [T + 40 * S], emptyBackoff());
    expect(rec).toEqual({ failuresAfterLastSuccess: 1, lastFailureMs: T + 40 * S });
    expect(remainingBackoffMs(rec.failuresAfterLastSuccess, rec.lastFailureMs, T + 40 * S)).toBe(10 * S);
  });
});

// ---- podFinishedMs ---------------------------------------------------------------------------

// `behaviours` resolves image behaviours for the kubelet; these tests never run a container.
const identity = {
  podName: () => "x-abcde",
  podUid: () => "uid",
  behaviours: () => [],
} as PodIdentitySource;

function template(containers: number): PodTemplateSpec {
  return {
    spec: {
      containers: Array.from({ length: containers }, (_, i) => ({ name: `c${i}`, image: "busybox" })),
      restartPolicy: "Never",
    },
  };
}

type ContainerSpec = { terminatedAt: number } | "terminatedWithoutFinishedAt" | "running";

interface PodSpecRow {
  containers: ContainerSpec[];
  creationMs?: number;
  ready?: boolean;
  readyMs?: number;
  deletionMs?: number;
  deletionGraceSeconds?: number;
}

function pod(row: PodSpecRow): PodRecord {
  const p = new PodRecord(
    1,
    "default",
    "x-",
    null,
    0,
    -1,
    template(row.containers.length),
    RestartPolicy.Never,
    row.creationMs ?? T - 3600 * S,
    identity,
  );
  row.containers.forEach((spec, i) => {
    const c = p.containers[i];
    c.current = new ContainerRun(T - 100 * S, 0);
    if (spec === "running") {
      c.state = ContainerState.Running;
      return;
    }
    c.state = ContainerState.Terminated;
    if (spec !== "terminatedWithoutFinishedAt") c.current.finishedMs = spec.terminatedAt;
  });
  if (row.ready !== undefined) p.ready = row.ready;
  if (row.readyMs !== undefined) p.readyMs = row.readyMs;
  if (row.deletionMs !== undefined) p.deletionMs = row.deletionMs;
  if (row.deletionGraceSeconds !== undefined) p.deletionGraceSeconds = row.deletionGraceSeconds;
  return p;
}

// Ported from backoff_utils_test.go @ 0bee0bca TestGetFinishedTime. A container with
// `Terminated{}` (zero finishedAt) is "terminatedWithoutFinishedAt"; a pod without a Ready
// condition is ready=false with readyMs NONE; a nil deletionGracePeriodSeconds is NONE.
// Skipped: "Pod with sidecar container and all containers terminated" — our pods have no
// (restartable) init containers.
const finishedCases: { name: string; pod: PodSpecRow; want: number }[] = [
  {
    name: "Pod with multiple containers and all containers terminated",
    pod: { containers: [{ terminatedAt: T - S }, { terminatedAt: T }, { terminatedAt: T - 2 * S }] },
    want: T,
  },
  {
    name: "Pod with multiple containers; two containers in terminated state and one in running state; fallback to deletionTimestamp",
    pod: {
      containers: [{ terminatedAt: T - S }, "running", { terminatedAt: T - 2 * S }],
      deletionMs: T,
    },
    want: T,
  },
  {
    name: "fallback to deletionTimestamp",
    pod: { containers: ["running"], deletionMs: T },
    want: T,
  },
  {
    name: "fallback to deletionTimestamp, decremented by grace period",
    pod: { containers: ["running"], deletionMs: T, deletionGraceSeconds: 30 },
    want: T - 30 * S,
  },
  {
    name: "fallback to PodReady.LastTransitionTime when status of the condition is False",
    pod: { containers: ["terminatedWithoutFinishedAt"], ready: false, readyMs: T },
    want: T,
  },
  {
    name: "skip fallback to PodReady.LastTransitionTime when status of the condition is True",
    pod: { containers: ["terminatedWithoutFinishedAt"], ready: true, readyMs: T - 30 * S, deletionMs: T },
    want: T,
  },
  {
    name: "fallback to creationTimestamp",
    pod: { containers: ["terminatedWithoutFinishedAt"], creationMs: T },
    want: T,
  },
  // Not upstream rows: our container finish instants are milliseconds; the API's finishedAt is
  // truncated to the second (objects.ts apiTime), and that is what getFinishedTime reads.
  {
    name: "(ms) finishedAt is read as the API's whole second",
    pod: { containers: [{ terminatedAt: T + 999 }] },
    want: T,
  },
  {
    name: "(ms) the latest container wins after truncation",
    pod: { containers: [{ terminatedAt: T - 1 }, { terminatedAt: T + 1500 }] },
    want: T + S,
  },
];

describe("podFinishedMs (TestGetFinishedTime)", () => {
  it.each(finishedCases)("$name", ({ pod: row, want }) => {
    expect(podFinishedMs(pod(row))).toBe(want);
  });
});
