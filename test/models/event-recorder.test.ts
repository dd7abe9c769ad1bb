import { describe, expect, it } from "vitest";
import { Simulation } from "../../src/engine/simulation.js";
import {
  type EventRecord,
  EventRecorder,
  type InvolvedObject,
  KINE_EVENT_TTL_MS,
} from "../../src/models/events.js";
import { commandTranscript } from "../kubectl/commands/session.js";

// client-go tools/record/events_cache.go `EventCorrelate`: EventAggregate, then
// eventObserve (the logger cache counts the event), then the spam filter; record/event.go
// `recordEvent`: a patch of the cached name, or a create with the cached name, count and
// firstTimestamp when the API server answers NotFound.

const pod: InvolvedObject = {
  kind: "Pod",
  namespace: "default",
  name: "p",
  uid: "u1",
  apiVersion: "v1",
  resourceVersion: "5",
  fieldPath: "spec.containers{c}",
};

function harness() {
  const sim = new Simulation();
  let rv = 0;
  let n = 0;
  const recorder = new EventRecorder(
    sim,
    () => ++rv,
    (name) => `${name}.${n++}`,
  );
  const backOff = () =>
    recorder.record(pod, "Warning", "BackOff", "Back-off restarting failed container c", "kubelet", "node-0");
  const at = (ms: number, f: () => void) => {
    sim.run({ until: ms });
    f();
  };
  const only = (): EventRecord => {
    const list = recorder.list();
    expect(list).toHaveLength(1);
    return list[0];
  };
  return { sim, recorder, backOff, at, only };
}

describe("legacy event recorder: count, spam filter and expiry", () => {
  it("counts the repeats the spam filter drops, so the next write carries them", () => {
    const h = harness();
    // 30 repeats at 10 s intervals: the bucket of 25 allows the first 25 writes.
    for (let i = 0; i < 30; i++) h.at(i * 10_000, h.backOff);
    expect(h.only().count).toBe(25);
    // One token back 300 s after the bucket emptied: the write says 31, not 26.
    h.at(30 * 10_000 + 300_000, h.backOff);
    const e = h.only();
    expect(e.count).toBe(31);
    expect(e.firstMs).toBe(0);
  });

  it("re-creates an expired event under its name, with count + 1 and its firstTimestamp", () => {
    const h = harness();
    h.at(0, h.backOff);
    const name = h.only().name;
    h.at(2 * 3_600_000, h.backOff);
    const e = h.only();
    expect(e.name).toBe(name);
    expect(e.count).toBe(2);
    expect(e.firstMs).toBe(0);
    expect(e.lastMs).toBe(2 * 3_600_000);
  });
});

describe("event expiry on k3s's kine", () => {
  // The API server asks its lease manager for a lease of --event-ttl (3600 s) plus the reuse
  // window (min(5 %, 60 s)): Grant(3660) (apiserver storage/etcd3/lease_manager.go GetLease).
  // kine answers a grant with the TTL as the lease's ID (server LeaseGrant) and deletes each key
  // `Lease` seconds after the write it saw (logstructured.go ttl / storeTTLEventKV): 3660 s.
  it("keeps an event 3660 s after its last write", () => {
    const sim = new Simulation();
    let rv = 0;
    const recorder = new EventRecorder(
      sim,
      () => ++rv,
      (name) => `${name}.0`,
      KINE_EVENT_TTL_MS,
    );
    recorder.record(pod, "Normal", "Pulled", "pulled", "kubelet", "node-0");
    sim.run({ until: 3_660_000 });
    expect(recorder.list()).toHaveLength(1);
    sim.run({ until: 3_660_001 });
    expect(recorder.list()).toHaveLength(0);
  });

  it("a one-server cluster (kine) still lists an event 60 min 30 s old", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 60m30s",
      "kubectl get events --no-headers",
    ]);
    expect(out).toContain("60m   Normal   SuccessfulCreate   job/work");
  });
});

describe("legacy event recorder: aggregation", () => {
  it("writes the combined event without reportingController or reportingInstance", () => {
    // events_cache.go EventAggregate: the aggregate eventCopy sets Source but neither
    // ReportingController nor ReportingInstance, which makeEvent had copied from it.
    const h = harness();
    for (let i = 0; i < 10; i++)
      h.at(i * 1000, () =>
        h.recorder.record(pod, "Warning", "Failed", `Error: attempt ${i}`, "kubelet", "node-0"),
      );
    const events = h.recorder.list();
    expect(events).toHaveLength(10);
    const plain = events[0];
    expect([plain.sourceComponent, plain.reportingController, plain.reportingInstance]).toEqual([
      "kubelet",
      "kubelet",
      "node-0",
    ]);
    const combined = events[9];
    expect(combined.message).toBe("(combined from similar events): Error: attempt 9");
    expect([combined.sourceComponent, combined.sourceHost]).toEqual(["kubelet", "node-0"]);
    expect([combined.reportingController, combined.reportingInstance]).toEqual(["", ""]);
  });
});
