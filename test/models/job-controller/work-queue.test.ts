import { describe, expect, it } from "vitest";
import { Distribution } from "../../../src/engine/random/distributions.js";
import { JobSpecView } from "../../../src/models/objects.js";
import { behaviour, type Change, cluster, exits, jobManifest, prepare, record } from "../harness.js";

/**
 * The Job controller's work queue (client-go util/workqueue delaying_queue.go, as the controller
 * uses it in pkg/controller/job/job_controller.go): `enqueueSyncJobImmediately` is an Add (the
 * key goes into the ready queue, where it is held once), `enqueueSyncJobBatched` and
 * `enqueueSyncJobWithDelay` are AddAfter (the key waits in the waiting heap, which keeps each
 * key's earliest ready time). The two are apart: an Add does not take a key out of the waiting
 * heap (waitingLoop only moves an entry into the queue when its readyAt passes, and Add never
 * touches waitingForQueue), so a spec change synced at once leaves a batched sync already
 * waiting in place, and that sync still runs at its time.
 */

function firstJobTime(log: Change[], pred: (c: Change) => boolean): number {
  return log.find((c) => c.kind === "Job" && pred(c))?.t ?? -1;
}

function podTime(log: Change[], phase: string): number {
  return log.find((c) => c.kind === "Pod" && c.phase === phase && c.type === "MODIFIED")?.t ?? -1;
}

/** A one-pod Job whose pod runs 0.3 s: its Running write queues a batched sync, its exit comes
 * within that second. */
function run(patchAt: number | null) {
  const c = cluster({
    behaviour: behaviour({ runSeconds: Distribution.constant(0.3), script: exits(0) }),
    seed: 3,
  });
  const log = record(c);
  const job = c.createJob(prepare(jobManifest({ backoffLimit: 6 })));
  if (patchAt !== null) {
    c.sim.run({ until: patchAt });
    // kubectl patch job --type=merge -p '{"spec":{"backoffLimit":5}}': a spec change (new
    // generation), which updateJob syncs at once.
    job.object.spec!.backoffLimit = 5;
    job.view = new JobSpecView(job.object.spec!);
    c.store.updateJob(job, true);
  }
  c.sim.run({ until: 120_000 });
  return log;
}

describe("work queue: an immediate sync leaves a waiting batched sync in place", () => {
  it("a spec change between a pod event and its batched sync: the batched sync still runs at its time", () => {
    const plain = run(null);
    const running = podTime(plain, "Running");
    const succeeded = podTime(plain, "Succeeded");
    // The scenario this test needs: the pod's exit reaches the API before the sync its Running
    // write queued (running + 1 s).
    expect(succeeded).toBeGreaterThan(running);
    expect(succeeded).toBeLessThan(running + 1000);
    const patchAt = Math.floor((running + succeeded) / 2);

    const log = run(patchAt);
    expect(podTime(log, "Running")).toBe(running);
    expect(podTime(log, "Succeeded")).toBe(succeeded);
    // The patch (its spec update and its own sync's status write) comes first, at patchAt.
    expect(firstJobTime(log, (c) => c.t > running && c.type === "MODIFIED")).toBe(patchAt);
    // The batched sync queued by the Running write still runs at running + 1 s: it sees the pod
    // succeeded and completes the Job then (not 1 s after the patch's status write).
    const complete = firstJobTime(log, (c) => (c.conditions ?? []).includes("Complete/CompletionsReached"));
    expect(complete).toBe(running + 1000);
  });
});
