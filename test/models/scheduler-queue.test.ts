import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/engine/random/distributions.js";
import { behaviour, cluster, exits, jobManifest, node, prepare } from "./harness.js";

/**
 * The scheduling queue's unschedulable pods (pkg/scheduler/backend/queue/scheduling_queue.go):
 * AddUnschedulableIfNotPresent refreshes a pod's Timestamp at each failed attempt, and
 * flushUnschedulablePodsLeftover — run every 30 s (PriorityQueue.Run's wait.Until) — moves back
 * only the pods whose Timestamp is more than podMaxInUnschedulablePodsDuration (5 min) old.
 */

const wide = (name: string) =>
  jobManifest(
    {},
    {
      containers: [
        { name: "flaky-app", image: behaviour().spec.image, resources: { requests: { cpu: "600m" } } },
      ],
    },
    name,
  );

function failedSchedulingTimes(c: ReturnType<typeof cluster>): Map<string, number[]> {
  const times = new Map<string, number[]>();
  const rec = c.recorder!;
  const orig = rec.recordNew.bind(rec);
  rec.recordNew = ((...args: Parameters<typeof rec.recordNew>) => {
    if (args[2] === "FailedScheduling") {
      const name = (args[0] as { name: string }).name;
      times.set(name, [...(times.get(name) ?? []), c.sim.now]);
    }
    return orig(...args);
  }) as typeof rec.recordNew;
  return times;
}

describe("scheduler: unschedulable pods flushed per pod after 5 min, on 30 s ticks", () => {
  it("retries a pod at the first 30 s tick more than 5 min after its last attempt", () => {
    const c = cluster({
      nodes: [node("small-0", "agent", 0, 1000)],
      detailed: true,
      behaviour: behaviour({ runSeconds: Distribution.constant(1500), script: exits(0, 0, 0) }),
    });
    const times = failedSchedulingTimes(c);
    c.createJob(prepare(wide("a")));
    c.createJob(prepare(wide("b")));
    c.sim.run({ until: 200_000 });
    c.createJob(prepare(wide("c")));
    c.sim.run({ until: 1_000_000 });
    const byPrefix = (p: string) => [...times].filter(([n]) => n.startsWith(`${p}-`)).flatMap(([, t]) => t);
    expect(byPrefix("a")).toEqual([]);
    // b failed at 0: not at 300 s (exactly 5 min is not more), at the 330 s tick; then 660 s, 990 s.
    expect(byPrefix("b")).toEqual([0, 330_000, 660_000, 990_000]);
    // c failed at 200 s: it waits its own 5 min (510 s), not b's flush at 330 s.
    expect(byPrefix("c")).toEqual([200_000, 510_000, 840_000]);
  });
});

describe("scheduler: a pod's deletion requeues only pods that NodeResourcesFit rejected", () => {
  it("leaves a pod no node's labels match in the unschedulable pods until the flush", () => {
    // NodeAffinity registers only Node events (EventsToRegister), so an assigned pod's
    // deletion is no reason to retry a pod it alone rejected (scheduling_queue.go
    // isPodWorthRequeuing: queueSkip); NodeResourcesFit's isSchedulableAfterPodEvent queues it.
    const c = cluster({
      nodes: [node("small-0", "agent", 0, 1000)],
      detailed: true,
      behaviour: behaviour({ runSeconds: Distribution.constant(20), script: exits(0, 0, 0, 0, 0, 0, 0, 0) }),
    });
    const times = failedSchedulingTimes(c);
    // Six short pods, one at a time (each ends and frees its 600m for the next).
    c.createJob(
      prepare(
        jobManifest(
          { completions: 6, parallelism: 2 },
          wide("a").spec!.template.spec! as unknown as Record<string, unknown>,
          "a",
        ),
      ),
    );
    c.createJob(
      prepare(
        jobManifest(
          {},
          {
            containers: [{ name: "flaky-app", image: behaviour().spec.image }],
            nodeSelector: { disk: "ssd" },
          },
          "b",
        ),
      ),
    );
    c.sim.run({ until: 700_000 });
    const byPrefix = (p: string) => [...times].filter(([n]) => n.startsWith(`${p}-`)).flatMap(([, t]) => t);
    expect(byPrefix("b")).toEqual([0, 330_000, 660_000]);
    // a's pending pods were retried at each release, and got the freed room.
    expect(byPrefix("a").length).toBeGreaterThan(0);
    expect(byPrefix("a").every((t) => t < 330_000)).toBe(true);
  });
});
