import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/engine/random/distributions.js";
import { setDisruptionTarget } from "../../src/models/disruption-target.js";
import { DisruptionBy, NONE, type PodRecord } from "../../src/models/objects.js";
import { behaviour, cluster, exits, jobManifest, prepare } from "./harness.js";

/**
 * podutil.UpdatePodCondition of DisruptionTarget=True as the scheduler, the eviction API and the
 * taint eviction controller write it: a new condition gets the time and generation, one already
 * True keeps them and takes the writer (its reason), one already the writer's is no write.
 */
describe("setDisruptionTarget", () => {
  it.each<[string, DisruptionBy | null, DisruptionBy, [by: DisruptionBy, ms: number, writes: number]]>([
    ["none yet", null, DisruptionBy.EvictionApi, [DisruptionBy.EvictionApi, 10_000, 1]],
    ["none yet, the scheduler", null, DisruptionBy.Scheduler, [DisruptionBy.Scheduler, 10_000, 1]],
    [
      "the scheduler's, then the eviction API",
      DisruptionBy.Scheduler,
      DisruptionBy.EvictionApi,
      [DisruptionBy.EvictionApi, 4_000, 1],
    ],
    [
      "the eviction API's, then the taint manager",
      DisruptionBy.EvictionApi,
      DisruptionBy.TaintManager,
      [DisruptionBy.TaintManager, 4_000, 1],
    ],
    [
      "the same writer again",
      DisruptionBy.TaintManager,
      DisruptionBy.TaintManager,
      [DisruptionBy.TaintManager, 4_000, 0],
    ],
  ])("%s", (_, before, by, [wantBy, wantMs, wantWrites]) => {
    const c = cluster({ behaviour: behaviour({ runSeconds: Distribution.constant(100), script: exits(0) }) });
    c.createJob(prepare(jobManifest()));
    c.sim.run({ until: 10_000 });
    const pod = c.store.pods[0];
    if (before !== null) {
      pod.disruptionMs = 4_000;
      pod.disruptionGeneration = 1;
      pod.disruptionBy = before;
    }
    let writes = 0;
    c.store.watchPods({ onPod: (_t, p: PodRecord) => void (p === pod && writes++) });
    pod.generation = 3;
    setDisruptionTarget(c.store, c.sim.now, pod, by);
    expect([pod.disruptionBy, pod.disruptionMs, writes]).toEqual([wantBy, wantMs, wantWrites]);
    expect(pod.disruptionGeneration).toBe(before === null ? 3 : 1);
    expect(pod.disruptionMs).not.toBe(NONE);
  });
});
