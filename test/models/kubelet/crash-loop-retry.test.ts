import { describe, expect, it } from "vitest";
import { Distribution } from "../../../src/engine/random/distributions.js";
import { Cluster } from "../../../src/models/cluster.js";
import {
  CrashBackoff,
  crashLoopRetryDelayMs,
  POD_RESYNC_INTERVAL_MS,
  podWorkerRetryDelayMs,
} from "../../../src/models/kubelet/crash-backoff.js";
import { ContainerState, NONE, type PodRecord } from "../../../src/models/objects.js";
import { WatchType } from "../../../src/models/store.js";
import { versionProfile } from "../../../src/models/version-profile.js";
import { Workload } from "../../../src/models/workload.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { behaviour, EPOCH, IMAGE, jobManifest, NODES, prepare } from "../harness.js";

/**
 * When a crash-looping container restarts, and what its status shows meanwhile.
 *
 * - kubelet.go SyncPod writes the status (generateAPIPodStatus) before it calls the runtime, and
 *   updates the reason cache (reason_cache.go) from the runtime's result after: the sync that
 *   sees a container exit shows it terminated (Error); the CrashLoopBackOff its SyncPod ran into
 *   shows from the next sync on.
 * - The next sync is the pod worker's retry (pod_workers.go completeWork), handed over at the
 *   sync loop's next 1 s tick. Up to 1.34: wait.Jitter(10 s, 0.5) after each failed sync. From
 *   1.35 (PR #133066): at the back-off's expiry, finishedAt + back-off (doBackOff's
 *   BackoffError), at most the 1 min resync interval ahead, jittered by up to half the wait.
 */

const S = 1000;

describe("the pod worker's retry delay (pod_workers.go completeWork)", () => {
  it.each([
    { u: 0, delay: 10 * S },
    { u: 0.5, delay: 12.5 * S },
    { u: 0.9999, delay: 14_999.5 },
  ])("up to 1.34, or an error without a back-off time: 10 s, jitter up to 50% (u = $u)", ({ u, delay }) => {
    expect(podWorkerRetryDelayMs(u)).toBe(Math.round(delay));
  });

  it.each([
    { name: "10 s left, no jitter", remaining: 10 * S, u: 0, delay: 10 * S },
    { name: "10 s left, half the jitter", remaining: 10 * S, u: 0.5, delay: 12.5 * S },
    { name: "already expired: at once", remaining: -500, u: 0.7, delay: 0 },
    { name: "exactly the resync interval", remaining: 60 * S, u: 0, delay: 60 * S },
    { name: "more than the resync interval is clamped to it", remaining: 250 * S, u: 0, delay: 60 * S },
    { name: "clamped, then jittered", remaining: 250 * S, u: 0.5, delay: 75 * S },
  ])("1.35, crash back-off: $name", ({ remaining, u, delay }) => {
    expect(crashLoopRetryDelayMs(remaining, u)).toBe(delay);
  });

  it("the resync interval is the kubelet's syncFrequency default, 1 min", () => {
    expect(POD_RESYNC_INTERVAL_MS).toBe(60 * S);
  });

  it("the back-off expires at finishedAt + the current back-off", () => {
    const b = new CrashBackoff();
    b.next(5 * S, 5 * S);
    expect(b.expiresAtMs(7 * S)).toBe(17 * S);
    b.next(20 * S, 20 * S);
    expect(b.expiresAtMs(23 * S)).toBe(43 * S);
  });
});

interface Snapshot {
  t: number;
  state: ContainerState;
  waiting: string;
  restarts: number;
  startedMs: number;
  finishedMs: number;
}

/** Every write to the one pod of an always-failing OnFailure Job, for `seconds` of `version`. */
function crashLoop(version: string, seed: number, seconds: number): Snapshot[] {
  const b = behaviour({
    startSeconds: Distribution.constant(0.5),
    runSeconds: Distribution.constant(1.2),
    outcomes: [{ probability: 1, exitCode: 1, log: "ERROR:root:Task failed" }],
  });
  const c = new Cluster({
    nodes: NODES,
    workload: new Workload(new Map([[IMAGE, b]])),
    profile: versionProfile(version),
    epochMs: EPOCH,
    seed,
    detailed: false,
  });
  const log: Snapshot[] = [];
  c.store.watchPods({
    onPod(type: WatchType, pod: PodRecord) {
      const k = pod.containers[0];
      if (type !== WatchType.Modified || k.current === null) return;
      log.push({
        t: c.sim.now,
        state: k.state,
        waiting: k.waitingReason,
        restarts: k.restartCount,
        startedMs: k.current.startedMs,
        finishedMs: k.current.finishedMs,
      });
    },
  });
  c.createJob(prepare(jobManifest({ backoffLimit: 1000 }, { restartPolicy: "OnFailure" })));
  c.sim.run({ until: seconds * S });
  return log;
}

/** Each wait between a run's end and the next run: the exit's status write, the writes in
 * between, and the next run's start. */
interface Wait {
  finishedMs: number;
  observedMs: number;
  observed: Snapshot;
  between: Snapshot[];
  nextStartMs: number;
  /** The crash back-off this wait is for: 0 before the first restart, then 10 s, 20 s, ... */
  backoffMs: number;
}

function waits(log: Snapshot[]): Wait[] {
  const out: Wait[] = [];
  for (let i = 0; i < log.length; i++) {
    const s = log[i];
    if (s.state !== ContainerState.Terminated || (i > 0 && log[i - 1].state === ContainerState.Terminated))
      continue;
    const j = log.findIndex((n, k) => k > i && n.state === ContainerState.Running);
    if (j < 0) break;
    const n = out.length;
    out.push({
      finishedMs: s.finishedMs,
      observedMs: s.t,
      observed: s,
      between: log.slice(i + 1, j),
      nextStartMs: log[j].startedMs,
      backoffMs: n === 0 ? 0 : Math.min(10 * S * 2 ** (n - 1), 300 * S),
    });
  }
  return out;
}

const START_MS = 500; // create + start, after the sync that restarts
const TICK_MS = 1000;

describe("a crash loop's status and restart times, over 20 seeds", () => {
  for (const version of ["1.34", "1.35"]) {
    const runs = Array.from({ length: 20 }, (_, k) => waits(crashLoop(version, k + 1, 400)));

    it(`${version}: the sync that sees the exit shows it terminated; CrashLoopBackOff comes from a later sync`, () => {
      let checked = 0;
      for (const ws of runs)
        for (const w of ws) {
          expect(w.observed.waiting).toBe("");
          if (w.backoffMs === 0) {
            expect(w.between).toEqual([]); // the first exit restarts at once
            continue;
          }
          expect(w.between.length).toBeGreaterThan(0);
          for (const s of w.between) {
            expect(s.t).toBeGreaterThan(w.observedMs);
            expect(s.waiting).toBe("CrashLoopBackOff");
          }
          checked++;
        }
      expect(checked).toBeGreaterThanOrEqual(20 * 4);
    });

    it(`${version}: never restarts before the back-off has expired`, () => {
      for (const ws of runs)
        for (const w of ws)
          expect(w.nextStartMs - START_MS).toBeGreaterThanOrEqual(w.finishedMs + w.backoffMs);
    });
  }

  it("1.34: the retries come 10–15 s apart, so a restart can lag the expiry by up to 15 s", () => {
    let lagOver2s = 0;
    for (let k = 0; k < 20; k++)
      for (const w of waits(crashLoop("1.34", k + 1, 400))) {
        if (w.backoffMs === 0) continue;
        const retry = w.nextStartMs - START_MS;
        expect(retry - w.observedMs).toBeGreaterThanOrEqual(10 * S);
        const lag = retry - (w.finishedMs + w.backoffMs);
        expect(lag).toBeLessThanOrEqual(15 * S + TICK_MS);
        if (lag > 2 * S) lagOver2s++;
      }
    expect(lagOver2s).toBeGreaterThan(10);
  });

  it("1.35: a wait of at most 1 min ends with one retry, at the expiry plus at most half the wait, and one CrashLoopBackOff write", () => {
    let checked = 0;
    for (let k = 0; k < 20; k++)
      for (const w of waits(crashLoop("1.35", k + 1, 400))) {
        if (w.backoffMs === 0 || w.backoffMs > POD_RESYNC_INTERVAL_MS) continue;
        const retry = w.nextStartMs - START_MS;
        const expiry = w.finishedMs + w.backoffMs;
        expect(retry).toBeLessThanOrEqual(expiry + 0.5 * (expiry - w.observedMs) + TICK_MS);
        expect(w.between).toHaveLength(1);
        expect(w.between[0].t).toBe(retry);
        checked++;
      }
    expect(checked).toBe(20 * 3); // the 10 s, 20 s and 40 s waits of each seed
  });

  it("1.35: a longer wait is retried every 60–90 s until the expiry, then within 30 s of it", () => {
    let checked = 0;
    for (let k = 0; k < 20; k++)
      for (const w of waits(crashLoop("1.35", k + 1, 400))) {
        if (w.backoffMs <= POD_RESYNC_INTERVAL_MS) continue;
        const retry = w.nextStartMs - START_MS;
        expect(retry - (w.finishedMs + w.backoffMs)).toBeLessThanOrEqual(30 * S + TICK_MS);
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});

describe("a pod with two crash-looping containers", () => {
  // a fails after 2 s, b after 7 s: b's exits and starts come while a waits out its back-off.
  const sc = parseScenario(
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: two}
seed: 5
images:
  crash:1: {pullSeconds: 1, startSeconds: 0.3, runSeconds: 2, outcomes: [{probability: 1, exitCode: 1}]}
  crash2:1: {pullSeconds: 1, startSeconds: 0.3, runSeconds: 7, outcomes: [{probability: 1, exitCode: 2}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: two}
    spec:
      backoffLimit: 30
      template:
        spec:
          containers: [{name: a, image: "crash:1"}, {name: b, image: "crash2:1"}]
          restartPolicy: OnFailure
steps:
  - kubectl apply -f job.yaml
  - kubectl get pods -w -o jsonpath='{.status.containerStatuses[0].state}{"\\t"}{.status.containerStatuses[1].state}{"\\n"}'
  - sleep 20s
`,
    "two.yaml",
    "/nonexistent",
  );

  it("every status written after a's back-off began shows a in CrashLoopBackOff until a runs again (the reason cache is read for every container)", () => {
    const rows = sessionTranscript(sc)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => l.split("\t").map((s) => JSON.parse(s) as Record<string, { reason?: string }>));
    // a's second exit (its first back-off): the second run of a seen terminated. From the next
    // write on, until a runs again, a shows CrashLoopBackOff — also in the writes of b's exit
    // and b's start, which are syncs of the same pod worker.
    const exits: string[] = [];
    let i = -1;
    for (let k = 0; k < rows.length && i < 0; k++) {
      const t = rows[k][0].terminated as { finishedAt?: string } | undefined;
      if (t?.finishedAt !== undefined && !exits.includes(t.finishedAt)) {
        exits.push(t.finishedAt);
        if (exits.length === 2) i = k;
      }
    }
    expect(i).toBeGreaterThan(0);
    const afterExit = rows.slice(i + 1);
    const untilRun = afterExit.slice(
      0,
      afterExit.findIndex((r) => r[0].running !== undefined),
    );
    expect(untilRun.length).toBeGreaterThanOrEqual(2);
    for (const r of untilRun) expect(r[0].waiting?.reason).toBe("CrashLoopBackOff");
    // Among them, b's own exit and start.
    expect(untilRun.some((r) => r[1].terminated !== undefined)).toBe(true);
    expect(untilRun.some((r) => r[1].running !== undefined)).toBe(true);
  });
});

/**
 * One pod worker per pod (pod_workers.go): every sync of the pod — the PLEG's exit of any
 * container, or the worker's retry — runs SyncPod over all its containers, so a container restarts
 * at the first sync of its pod at which its run has been seen to end and its back-off has expired
 * (kuberuntime_manager.go computePodActions, doBackOff), whichever container that sync was for.
 */
describe("two crash-looping containers share their pod's syncs", () => {
  const START_S = 0.3;
  function syncsAndRestarts(version: string, seed: number) {
    const crash = (image: string, runSeconds: number) =>
      behaviour({
        image,
        startSeconds: Distribution.constant(START_S),
        runSeconds: Distribution.constant(runSeconds),
        outcomes: [{ probability: 1, exitCode: 1, log: "" }],
      });
    const images = new Map([
      ["a:1", crash("a:1", 1.2)],
      ["b:1", crash("b:1", 4.7)],
    ]);
    const c = new Cluster({
      nodes: NODES,
      workload: new Workload(images),
      profile: versionProfile(version),
      epochMs: EPOCH,
      seed,
      detailed: false,
    });
    const syncs: number[] = [];
    c.sim.traceHook = (t, h, arg) => {
      const action = arg >> 8;
      if (h.constructor.name === "Kubelet" && (action === 3 || action === 4)) syncs.push(t);
    };
    const runs: {
      container: number;
      restart: number;
      startedMs: number;
      finishedMs: number;
      seenMs: number;
    }[] = [];
    c.store.watchPods({
      onPod(type: WatchType, pod: PodRecord) {
        if (type !== WatchType.Modified) return;
        pod.containers.forEach((k, container) => {
          const run = k.current;
          if (run === null || run.finishedMs === NONE) return;
          if (!runs.some((r) => r.container === container && r.restart === run.restart))
            runs.push({
              container,
              restart: run.restart,
              startedMs: run.startedMs,
              finishedMs: run.finishedMs,
              seenMs: c.sim.now,
            });
        });
      },
    });
    const manifest = jobManifest(
      { backoffLimit: 1000 },
      {
        restartPolicy: "OnFailure",
        containers: [
          { name: "a", image: "a:1" },
          { name: "b", image: "b:1" },
        ],
      },
    );
    c.createJob(prepare(manifest));
    c.sim.run({ until: 400 * S });
    return { syncs, runs };
  }

  for (const version of ["1.34", "1.35"]) {
    it(`${version}: each restart comes at the pod's first sync after the run was seen to end and its back-off expired`, () => {
      let checked = 0;
      let atSiblingSync = 0;
      for (let seed = 1; seed <= 10; seed++) {
        const { syncs, runs } = syncsAndRestarts(version, seed);
        for (const ended of runs) {
          const next = runs.find((r) => r.container === ended.container && r.restart === ended.restart + 1);
          if (next === undefined) continue;
          const k = ended.restart + 1;
          const backoff = k === 1 ? 0 : Math.min(10 * S * 2 ** (k - 2), 300 * S);
          const eligible = Math.max(ended.seenMs, ended.finishedMs + backoff);
          const restartSync = next.startedMs - START_S * S;
          expect(restartSync).toBe(syncs.find((t) => t >= eligible));
          if (!runs.some((r) => r.container === ended.container && r.seenMs === restartSync)) atSiblingSync++;
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
      // Some restarts come at a sync of the other container (its exit, or a retry it asked for).
      expect(atSiblingSync).toBeGreaterThan(0);
    });
  }
});
