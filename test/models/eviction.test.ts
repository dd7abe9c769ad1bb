import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/engine/random/distributions.js";
import { EVICTION_BY_EVICTION_API, EVICTION_MESSAGE, evictPod } from "../../src/models/eviction.js";
import { Materializer } from "../../src/models/materialize.js";
import { DisruptionBy, NONE, type PodRecord } from "../../src/models/objects.js";
import { WATCH_TYPE_NAMES } from "../../src/models/store.js";
import { behaviour, cluster, EPOCH, exits, jobManifest, prepare } from "./harness.js";

/**
 * The eviction subresource without PodDisruptionBudgets (pkg/registry/core/pod/storage/eviction.go
 * EvictionREST.Create → addConditionAndDeletePod): DisruptionTarget=True written through the
 * status store first, then the DELETE with the eviction's grace period or the pod's own.
 */
function runningPod() {
  const c = cluster({
    detailed: true,
    behaviour: behaviour({ runSeconds: Distribution.constant(100), script: exits(0) }),
  });
  c.createJob(prepare(jobManifest()));
  c.sim.run({ until: 10_000 });
  const pod = c.store.pods[0];
  const writes: string[] = [];
  c.store.watchPods({
    onPod(type, p: PodRecord) {
      writes.push(
        `${WATCH_TYPE_NAMES[type]} disruption=${p.disruptionMs} deletion=${p.deletionMs} grace=${p.deletionGraceSeconds}`,
      );
    },
  });
  return { c, pod, writes };
}

describe("evictPod", () => {
  it("writes the condition (one MODIFIED), then the DELETE with the pod's grace (another)", () => {
    const { c, pod, writes } = runningPod();
    evictPod(c.store, c.sim.now, pod, undefined);
    expect(writes).toEqual([
      `MODIFIED disruption=10000 deletion=${NONE} grace=${NONE}`,
      "MODIFIED disruption=10000 deletion=40000 grace=30",
    ]);
    expect(pod.disruptionBy).toBe(DisruptionBy.EvictionApi);
    // Written before the DELETE bumped the generation.
    expect(pod.disruptionGeneration).toBe(1);
    expect(pod.generation).toBe(2);
  });

  it("the eviction's grace period when kubectl sent one", () => {
    const { c, pod } = runningPod();
    evictPod(c.store, c.sim.now, pod, 5);
    expect([pod.deletionMs, pod.deletionGraceSeconds]).toEqual([15_000, 5]);
  });

  it("a pod already evicted: UpdatePodCondition changes nothing, no write; the DELETE only shortens", () => {
    const { c, pod, writes } = runningPod();
    evictPod(c.store, c.sim.now, pod, undefined);
    c.sim.run({ until: 10_500 });
    writes.length = 0;
    evictPod(c.store, c.sim.now, pod, undefined);
    evictPod(c.store, c.sim.now, pod, 40);
    expect(writes).toEqual([]);
    expect(pod.disruptionMs).toBe(10_000);
  });

  it("a preemption victim's condition keeps its time and takes the eviction's reason", () => {
    const { c, pod } = runningPod();
    pod.disruptionMs = 9_000;
    evictPod(c.store, c.sim.now, pod, undefined);
    expect([pod.disruptionMs, pod.disruptionBy]).toEqual([9_000, DisruptionBy.EvictionApi]);
  });

  it("the API shows reason EvictionByEvictionAPI and the eviction API's message", () => {
    const { c, pod } = runningPod();
    evictPod(c.store, c.sim.now, pod, undefined);
    const m = new Materializer(EPOCH, c.identities, c.config.profile);
    const conditions = m.pod(pod).status?.conditions ?? [];
    expect(conditions.find((x) => x.type === "DisruptionTarget")).toMatchObject({
      status: "True",
      reason: EVICTION_BY_EVICTION_API,
      message: EVICTION_MESSAGE,
      lastTransitionTime: "2026-01-01T00:00:10Z",
    });
  });
});
