import { describe, expect, it } from "vitest";
import { goDuration } from "../../../src/models/api/go-duration.js";
import {
  CONTAINER_BACKOFF_RESET_MS,
  CrashBackoff,
  INITIAL_CONTAINER_BACKOFF_MS,
  MAX_CONTAINER_BACKOFF_MS,
} from "../../../src/models/kubelet/crash-backoff.js";

/**
 * The kubelet's container restart back-off. Sources: /work/shared/reference/kubectl-output.md §8.6
 * (kubelet.go newCrashLoopBackOff: 10 s doubling to 300 s, HasExpiredFunc "eventTime − lastUpdate
 * > 600 s"; kuberuntime_manager.go doBackOff: IsInBackOffSince(key, finishedAt), then
 * Next(key, finishedAt) when the container restarts, which sets lastUpdate to the restart instant) and client-go
 * staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go.
 */

const S = 1000;
const T = 1_000_000 * S;

describe("constants (kubelet MaxContainerBackOff, backOffPeriod, the hard-coded 600 s reset)", () => {
  it("10 s initial, 300 s cap, reset after 600 s", () => {
    expect(INITIAL_CONTAINER_BACKOFF_MS).toBe(10 * S);
    expect(MAX_CONTAINER_BACKOFF_MS).toBe(300 * S);
    expect(CONTAINER_BACKOFF_RESET_MS).toBe(600 * S);
  });
});

// Ported from kubernetes/kubernetes staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go
// @ 04791b4906602ffda5ccf9bc4c84d3329f1d7080. Upstream runs them with step 1 s and a chosen max; ours
// has the kubelet's fixed 10 s / 300 s / 600 s, so each case keeps its protocol (Next at the clock,
// eventTime = now) with the kubelet's numbers.
// Not ported: TestIsInBackOffSinceUpdate (CrashBackoff has no IsInBackOffSinceUpdate), TestBackoffGC
// (GC is not a separate call: an entry more than 600 s past its last update counts as gone at any
// instant, see the GC cases below), TestBackoffWithJitter (the crash-loop back-off has no jitter), the Reset part of
// TestSlowBackoff (no Reset: the kubelet drops the entry with the pod).
describe("client-go flowcontrol Backoff cases", () => {
  it("TestSlowBackoff: Get before each Next, steps 1 s apart → 0, 10, 20, 40, 80, 160, 300, 300, 300, 300 s", () => {
    const b = new CrashBackoff();
    const got: number[] = [];
    for (let i = 1; i <= 10; i++) {
      got.push(b.backoffMs / S);
      b.next(T + i * S, T + i * S);
    }
    expect(got).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
  });

  it("TestBackoffReset: at the cap, in back-off at the last update; no longer once the back-off has elapsed", () => {
    const b = new CrashBackoff();
    for (let i = 1; i <= 6; i++) b.next(T + i * S, T + i * S);
    const lastUpdate = T + 6 * S;
    expect(b.backoffMs).toBe(MAX_CONTAINER_BACKOFF_MS);
    expect(b.inBackoff(lastUpdate, lastUpdate)).toBe(true);
    expect(b.inBackoff(lastUpdate, lastUpdate + 300 * S - 1)).toBe(true);
    expect(b.inBackoff(lastUpdate, lastUpdate + 300 * S)).toBe(false);
  });

  it("TestBackoffHighWaterMark: Next within the reset window keeps the cap; after it the entry restarts at 10 s", () => {
    const b = new CrashBackoff();
    for (let i = 1; i <= 6; i++) b.next(T + i * S, T + i * S);
    const lastUpdate = T + 6 * S;
    b.next(lastUpdate + 600 * S, lastUpdate + 600 * S); // exactly 600 s: not expired (">" in HasExpiredFunc)
    expect(b.backoffMs).toBe(MAX_CONTAINER_BACKOFF_MS);
    b.next(lastUpdate + 1200 * S + 1, lastUpdate + 1200 * S + 1); // 600 s + 1 ms after the previous update: expired
    expect(b.backoffMs).toBe(INITIAL_CONTAINER_BACKOFF_MS);
  });

  it("an event more than 600 s after the last update is not in back-off (expired entry)", () => {
    const b = new CrashBackoff();
    b.next(T, T);
    b.next(T + S, T + S); // 20 s
    expect(b.inBackoff(T + S + 600 * S, T + S + 600 * S)).toBe(true);
    expect(b.inBackoff(T + S + 600 * S + 1, T + S + 600 * S + 1)).toBe(false);
  });

  it("GC (HandlePodCleanups every 2 s): an entry whose last update is more than 600 s past is gone", () => {
    const b = new CrashBackoff();
    for (let i = 1; i <= 6; i++) b.next(T + i * S, T + i * S);
    const lastUpdate = T + 6 * S;
    const finished = lastUpdate + 400 * S; // a 400 s run: in back-off until +700 s
    expect(b.inBackoff(finished, lastUpdate + 600 * S)).toBe(true);
    expect(b.inBackoff(finished, lastUpdate + 600 * S + 1)).toBe(false);
    b.next(finished, lastUpdate + 600 * S + 1);
    expect(b.backoffMs).toBe(INITIAL_CONTAINER_BACKOFF_MS);
  });

  it("a fresh entry is never in back-off", () => {
    expect(new CrashBackoff().inBackoff(T, T)).toBe(false);
  });
});

/**
 * Drives a CrashBackoff the way the kubelet does (kuberuntime_manager.go doBackOff): the container
 * starts at 0, runs `runs[i]` seconds and exits; at that finish time F the kubelet restarts it at
 * once unless IsInBackOffSince(F), otherwise when the back-off has elapsed; Next(F) is called at the
 * restart. Returns the waits (restart − exit) in seconds, checked at millisecond resolution.
 */
function waitsFor(runs: number[]): number[] {
  const b = new CrashBackoff();
  const waits: number[] = [];
  let start = 0;
  for (const run of runs) {
    const finished = start + run * S;
    let wait = 0;
    if (b.inBackoff(finished, finished)) {
      // The back-off's end, or the first instant after the housekeeping GC dropped the entry
      // (600 s after the last restart), whichever comes first.
      wait = Math.min(b.backoffMs, b.lastUpdateMs + CONTAINER_BACKOFF_RESET_MS + 1 - finished);
      expect(b.inBackoff(finished, finished + wait - 1)).toBe(true);
      expect(b.inBackoff(finished, finished + wait)).toBe(false);
    }
    b.next(finished, finished + wait); // Next at the restart: lastUpdate is the restart instant
    waits.push(wait / S);
    start = finished + wait;
  }
  return waits;
}

// Table from the brief and /work/shared/reference/kubectl-output.md §8.6: the first crash restarts
// at once, then each crash waits the current back-off (doubling, capped at 300 s); a run longer than
// 600 s resets it.
const sequenceCases: { name: string; runs: number[]; waits: number[] }[] = [
  {
    name: "eight quick crashes",
    runs: [1, 1, 1, 1, 1, 1, 1, 1],
    waits: [0, 10, 20, 40, 80, 160, 300, 300],
  },
  {
    name: "crashes that run 30 s each follow the same schedule",
    runs: [30, 30, 30, 30, 30, 30, 30, 30, 30],
    waits: [0, 10, 20, 40, 80, 160, 300, 300, 300],
  },
  {
    name: "a run longer than 600 s resets the back-off (after reaching the cap)",
    runs: [1, 1, 1, 1, 1, 1, 1, 700, 1, 1],
    waits: [0, 10, 20, 40, 80, 160, 300, 0, 10, 20],
  },
  {
    name: "a run longer than 600 s resets the back-off (early)",
    runs: [1, 1, 601, 1],
    waits: [0, 10, 0, 10],
  },
  {
    name: "a 250 s run after waits at the cap does not reset it (run and wait end within 600 s of the restart)",
    runs: [1, 1, 1, 1, 1, 1, 1, 250, 1],
    waits: [0, 10, 20, 40, 80, 160, 300, 300, 300],
  },
  {
    // kubelet_pods.go HandlePodCleanups → crashLoopBackOff.GC(): the entry is dropped once its last
    // update (the restart) is more than 600 s past, 1 ms before this wait would end; the restart
    // then finds no entry and starts again at 10 s.
    name: "a 301 s run at the cap: the housekeeping GC drops the entry during the wait, which resets it",
    runs: [1, 1, 1, 1, 1, 1, 1, 301, 1],
    waits: [0, 10, 20, 40, 80, 160, 300, 299.001, 10],
  },
  {
    name: "a 450 s run after a 160 s back-off: dropped 150 s into the wait",
    runs: [1, 1, 1, 1, 1, 450, 1, 1],
    waits: [0, 10, 20, 40, 80, 150.001, 10, 20],
  },
  {
    name: "a 500 s run after a short wait does not reset it",
    runs: [1, 500, 1],
    waits: [0, 10, 20],
  },
];

describe("CrashBackoff driven like the kubelet", () => {
  it.each(sequenceCases)("$name", ({ runs, waits }) => {
    expect(waitsFor(runs)).toEqual(waits);
  });

  it("the waiting messages show back-off 10s, 20s, 40s, 1m20s, 2m40s, 5m0s, 5m0s (§8.6)", () => {
    const b = new CrashBackoff();
    const shown: string[] = [];
    let t = T;
    for (let i = 0; i < 7; i++) {
      b.next(t, t);
      shown.push(goDuration(b.backoffMs));
      t += b.backoffMs + S;
    }
    expect(shown).toEqual(["10s", "20s", "40s", "1m20s", "2m40s", "5m0s", "5m0s"]);
  });
});
