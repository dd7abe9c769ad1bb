import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/simulation.js";
import { SERIES_FINISH_MS, SERIES_REFRESH_MS } from "../../src/models/event-series.js";
import { type EventRecord, EventRecorder, type InvolvedObject } from "../../src/models/events.js";
import { WatchType } from "../../src/models/store.js";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

// client-go tools/events/event_broadcaster.go, as the scheduler's events.k8s.io Events go
// through it: create, then a series of 2 written at once, later repeats only counted until
// finishSeries (every 6 min) or refreshExistingEventSeries (every 30 min) writes them.

const MIN = 60_000;

function pod(resourceVersion: string): InvolvedObject {
  return {
    kind: "Pod",
    namespace: "default",
    name: "p",
    uid: "u1",
    apiVersion: "v1",
    resourceVersion,
    fieldPath: "",
  };
}

/** A recorder on its own clock; `at(ms, f)` runs f at simulated time ms. */
function harness() {
  const sim = new Simulation();
  let rv = 0;
  let n = 0;
  const recorder = new EventRecorder(
    sim,
    () => ++rv,
    (name) => `${name}.${n++}`,
  );
  const writes: string[] = [];
  recorder.watch((type, e) =>
    writes.push(
      `${sim.now / MIN}m ${type === WatchType.Added ? "ADDED" : "MODIFIED"} ${e.name} x${e.seriesCount}`,
    ),
  );
  const failed = (rv = "5", message = "0/1 nodes are available") =>
    recorder.recordNew(
      pod(rv),
      "Warning",
      "FailedScheduling",
      message,
      "default-scheduler",
      "i",
      "Scheduling",
    );
  const at = (minutes: number, f: () => void) => {
    sim.run({ until: minutes * MIN });
    f();
  };
  const series = (e: EventRecord) => [e.seriesCount, e.seriesLastMs / MIN];
  return { sim, recorder, writes, failed, at, series };
}

describe("events broadcaster series (events.k8s.io)", () => {
  it("creates the first, writes the second as a series of 2, only counts the rest until the series finishes", () => {
    const h = harness();
    h.at(0, () => h.failed());
    h.at(1, () => h.failed());
    h.at(2, () => h.failed());
    h.at(3, () => h.failed());
    h.at(8, () => {});
    const [e] = h.recorder.list();
    // At 8 min the API still shows what the second occurrence wrote.
    expect(h.series(e)).toEqual([2, 1]);
    // The finish tick at 12 min: last observed at 3 min, before 12 − 6: the final count goes out.
    h.at(12, () => {});
    expect(h.series(e)).toEqual([4, 3]);
    expect(h.writes).toEqual(["0m ADDED p.0 x0", "1m MODIFIED p.0 x2", "12m MODIFIED p.0 x4"]);
    // The series is forgotten: a repeat now is a new Event.
    h.at(13, () => h.failed());
    expect(h.recorder.list().map((x) => x.name)).toEqual(["p.0", "p.1"]);
  });

  it("keys on the regarding object's resourceVersion, not on the note", () => {
    const h = harness();
    h.at(0, () => h.failed("5", "first note"));
    h.at(1, () => h.failed("6", "first note"));
    h.at(2, () => h.failed("6", "another note"));
    const [a, b] = h.recorder.list();
    expect([a.involved.resourceVersion, a.seriesCount]).toEqual(["5", 0]);
    expect([b.involved.resourceVersion, b.seriesCount, b.message]).toEqual(["6", 2, "first note"]);
  });

  it("a series observed within the last 6 minutes is not finished at a tick", () => {
    const h = harness();
    h.at(0, () => h.failed());
    h.at(5, () => h.failed());
    h.at(7, () => h.failed());
    h.at(12, () => {}); // last observed 7 min: not before 12 − 6
    expect(h.series(h.recorder.list()[0])).toEqual([2, 5]);
    h.at(18, () => {});
    expect(h.series(h.recorder.list()[0])).toEqual([3, 7]);
  });

  it("forgets a singleton older than 6 minutes at a tick, so a repeat creates a new Event", () => {
    const h = harness();
    h.at(1, () => h.failed());
    h.at(6.5, () => h.failed()); // the tick at 6 min kept it (1 min is not before 0)
    expect(h.recorder.list()).toHaveLength(1);
    const h2 = harness();
    h2.at(1, () => h2.failed());
    h2.at(12.5, () => h2.failed()); // the tick at 12 min forgot it
    expect(h2.recorder.list()).toHaveLength(2);
    expect(h2.recorder.list().map((e) => e.seriesCount)).toEqual([0, 0]);
  });

  it("refreshes every cached series every 30 minutes", () => {
    const h = harness();
    // Observed every 4 minutes from 0: never 6 minutes stale, so only the refresh writes it.
    for (let m = 0; m <= 32; m += 4) h.at(m, () => h.failed());
    h.at(33, () => {});
    const e = h.recorder.list()[0];
    expect(h.series(e)).toEqual([8, 28]);
    expect(h.writes.filter((w) => w.includes("MODIFIED"))).toEqual([
      "4m MODIFIED p.0 x2",
      "30m MODIFIED p.0 x8",
    ]);
    expect(SERIES_REFRESH_MS / SERIES_FINISH_MS).toBe(5);
  });

  it("schedules its ticks only while the cache holds something", () => {
    // Nobody watching: no expiry check is scheduled either (a watch adds one per Event).
    const sim = new Simulation();
    const recorder = new EventRecorder(
      sim,
      () => 1,
      (name) => `${name}.0`,
    );
    recorder.recordNew(pod("5"), "Warning", "FailedScheduling", "m", "default-scheduler", "i", "Scheduling");
    expect(sim.pending).toBe(1);
    sim.run();
    // 6 min: kept (0 is not before 0); 12 min: forgotten; then nothing is pending.
    expect(sim.now).toBe(12 * MIN);
    expect(sim.pending).toBe(0);
  });

  it("while watched, the Event's expiry is pending too, and goes out as DELETED", () => {
    const h = harness();
    const types: WatchType[] = [];
    h.recorder.watch((type) => types.push(type));
    h.at(0, () => h.failed());
    expect(h.sim.pending).toBe(2);
    h.sim.run();
    expect(h.sim.now).toBe(3_600_001);
    expect(types).toEqual([WatchType.Added, WatchType.Deleted]);
    expect(h.sim.pending).toBe(0);
  });
});

describe("a pod that stays unschedulable (session)", () => {
  // Two 3-CPU pods fill the two 4-CPU nodes for 20 minutes; the third is retried every 5.
  const scenario = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: series}
seed: 1
images:
  app:1: {startSeconds: 1, runSeconds: 1200, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: big}
    spec:
      parallelism: 3
      completions: 3
      template:
        spec:
          containers: [{name: c, image: "app:1", resources: {requests: {cpu: "3"}}}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - {at: 17m, run: "kubectl describe pods --selector=job-name=big"}
`;

  it("shows the first attempt and the series its second and third made, as the broadcaster wrote them", () => {
    const out = sessionTranscript(parseScenario(scenario, "series.yaml", "/nonexistent"));
    const lines = out.split("\n").filter((l) => l.includes("FailedScheduling"));
    // Attempts at 0, 5.5, 11 and 16.5 min (the queue's 30 s flush ticks, each more than 5 min
    // after the last attempt): the first regards the pod before its PodScheduled=False write,
    // the rest after it; the fourth is only counted (written at the 30 min tick).
    expect(lines.map((l) => l.replace(/\s+/g, " ").trim().split(" default-scheduler")[0])).toEqual([
      "Warning FailedScheduling 17m",
      "Warning FailedScheduling 6m (x2 over 11m)",
    ]);
  });
});
