import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/engine/random/distributions.js";
import { behaviour, cluster, jobManifest, prepare, record } from "./harness.js";

/**
 * `kubectl delete job --cascade=orphan`: the API server does not remove the Job at once. Its
 * DELETE adds the `orphan` finalizer and a deletionTimestamp (apiserver registry store.go
 * deletionFinalizersForGarbageCollection and markAsDeleting, which also bumps the generation): a
 * watch MODIFIED, the Job's STATUS `Terminating`. The garbage collector then drops the pods'
 * owner references and removes the finalizer (pkg/controller/garbagecollector/
 * garbagecollector.go attemptToOrphanWorker: orphanDependents, removeFinalizer), and the Job goes
 * (DELETED). The pods keep running, without owner or tracking finalizer.
 */
describe("orphan deletion of a Job", () => {
  it("is a MODIFIED with the orphan finalizer, the pods orphaned, then DELETED", () => {
    const c = cluster({ behaviour: behaviour({ runSeconds: Distribution.constant(300) }) });
    const log = record(c);
    const job = c.createJob(prepare(jobManifest()));
    c.sim.run({ until: 10_000 });
    const pod = job.pods[0];
    const from = log.length;
    c.deleteJob(job, "Orphan");
    const marked = log.slice(from).find((e) => e.kind === "Job");
    expect(marked?.type).toBe("MODIFIED");
    c.sim.run({ until: 10_000 });
    const jobEvents = log.slice(from).filter((e) => e.kind === "Job");
    expect(jobEvents.at(-1)?.type).toBe("DELETED");
    expect(job.finalizers).toEqual([]);
    expect(job.generation).toBe(2);
    expect(pod.owner).toBeNull();
    expect(pod.removed).toBe(false);
    expect(pod.trackingFinalizer).toBe(false);
    expect(pod.deletionMs).toBe(-1);
  });
});
