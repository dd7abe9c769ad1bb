import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { JobSyncState } from "../../src/models/job-controller/job-controller.js";
import {
  ContainerRun,
  ContainerState,
  JobRecord,
  JobSpecView,
  NONE,
  type PodIdentitySource,
  PodPhase,
  PodRecord,
  RestartPolicy,
} from "../../src/models/objects.js";
import type { ImageBehaviour } from "../../src/models/workload.js";
import { behaviour } from "./harness.js";

/**
 * Monte Carlo recycles the objects of a finished run (PodRecord.reuse, ContainerStatus.reuse,
 * ContainerRun.reuse). A recycled object must be indistinguishable from a new one: every own
 * field, after any history, equal to what the constructor gives.
 */

const B: ImageBehaviour = behaviour();
const identity: PodIdentitySource = {
  podName: () => "p",
  podUid: () => "u",
  behaviours: (spec) => [...spec.containers, ...(spec.initContainers ?? [])].map(() => B),
};

/** A pod template of n containers and `inits` init containers. */
function template(n: number, inits = 0): PodTemplateSpec {
  return {
    spec: {
      containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}`, image: `img${i}` })),
      // (The first init container of three or more is a sidecar.)
      ...(inits > 0
        ? {
            initContainers: Array.from({ length: inits }, (_, i) => ({
              name: `i${i}`,
              image: `init${i}`,
              ...(i === 0 && inits >= 3 ? { restartPolicy: "Always" } : {}),
            })),
          }
        : {}),
      restartPolicy: "Never",
    },
  };
}

/** Own enumerable fields, containers expanded (their runs too). */
function fields(o: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === "object" && x !== null ? fields(x) : x));
    else if (v instanceof ContainerRun) out[k] = fields(v);
    else out[k] = v;
  }
  return out;
}

/** Changes every field a run can change. */
function scribble(p: PodRecord): void {
  p.resourceVersion = 42;
  p.deletionMs = 5000;
  p.deletionGraceSeconds = 30;
  p.trackingFinalizer = false;
  p.owner = null;
  p.nodeName = "n";
  p.scheduledMs = 1000;
  p.unschedulableMs = 7;
  p.unschedulableMessage = "m";
  p.phase = PodPhase.Failed;
  p.startTimeMs = 1;
  p.podIpHost = 9;
  p.hostIP = "1.2.3.4";
  p.readyToStartContainers = true;
  p.readyToStartContainersMs = 3;
  p.initialized = true;
  p.initDone = true;
  p.sidecarCount = 9;
  p.initializedMs = 3;
  p.ready = true;
  p.readyMs = 4;
  p.notReadyReason = "PodCompleted";
  p.terminalMs = 8;
  p.uncounted = 2;
  p.indexFailureCount = 1;
  p.indexIgnoredFailureCount = 1;
  p.kubeletState = {};
  p.removed = true;
  p.name = "named";
  void p.uid;
  for (const c of [...p.containers, ...p.initContainers]) {
    c.state = ContainerState.Terminated;
    c.waitingReason = "";
    c.waitingMessage = "x";
    c.current = new ContainerRun(1, 0);
    c.last = new ContainerRun(0, 0);
    c.statusUnknown = true;
    c.restartCount = 3;
    c.ready = true;
    c.started = true;
    c.imageResolved = true;
    c.pulling = true;
  }
}

describe("recycled objects equal new ones", () => {
  // [containers, init containers] of the used pod, then of the new one.
  for (const [from, to, initsFrom, initsTo] of [
    [1, 1, 0, 0],
    [2, 1, 0, 0],
    [1, 3, 0, 0],
    [1, 1, 2, 0],
    [1, 2, 0, 2],
    [1, 1, 3, 1],
    [1, 1, 1, 3],
  ]) {
    it(`PodRecord, ${from} → ${to} containers, ${initsFrom} → ${initsTo} init containers`, () => {
      const args = [
        7,
        "ns",
        "job-",
        null,
        3,
        NONE,
        template(to, initsTo),
        RestartPolicy.OnFailure,
        2000,
        identity,
      ] as const;
      const fresh = new PodRecord(...args);
      const used = new PodRecord(
        1,
        "other",
        "x-",
        null,
        0,
        4,
        template(from, initsFrom),
        RestartPolicy.Never,
        0,
        identity,
      );
      scribble(used);
      expect(fields(used.reuse(...args))).toEqual(fields(fresh));
      expect(Object.keys(used)).toEqual(Object.keys(fresh));
    });
  }

  it("ContainerRun", () => {
    const used = new ContainerRun(1, 2);
    used.finishedMs = 9;
    used.exitAtMs = 9;
    used.exitCode = 1;
    used.reason = "Error";
    used.signal = 15;
    used.startLog = "a";
    used.exitLog = "b";
    used.containerId = "c";
    expect(fields(used.reuse(5, 6))).toEqual(fields(new ContainerRun(5, 6)));
  });
});

describe("recycled Jobs equal new ones", () => {
  const manifest = { metadata: { name: "j", namespace: "default" }, spec: { template: template(1) } };
  it("JobRecord", () => {
    const view = new JobSpecView(manifest.spec);
    const fresh = new JobRecord(3, 1, manifest, 5000, view);
    const used = new JobRecord(0, 0, { metadata: { name: "x" }, spec: { template: template(2) } }, 0);
    used.resourceVersion = 9;
    used.generation = 2;
    used.deletionMs = 1;
    used.finalizers.push("foregroundDeletion");
    used.pods.push(
      new PodRecord(0, "ns", "x-", used, 0, NONE, template(1), RestartPolicy.Never, 0, identity),
    );
    used.podsCreated = 4;
    used.podsVersion = 7;
    const s = used.status;
    s.active = s.ready = s.terminating = s.succeeded = s.failed = 1;
    s.startMs = s.completionMs = 1000;
    s.conditions.push({
      type: "Complete",
      status: "True",
      reason: "",
      message: "",
      lastProbeMs: 0,
      lastTransitionMs: 0,
    });
    s.uncountedSucceeded.push(used.pods[0]);
    s.uncountedFailed.push(used.pods[0]);
    s.completedIndexes = "1";
    s.failedIndexes = "2";
    s.written = true;
    used.controllerState = {};
    used.removed = true;
    used.observerIndex = 2;
    used.streamBase = 77;
    used.nextScriptAttempt("img");
    used.finished = true;
    expect(used.podNamePrefix).toBe("x-"); // fills the caches a reuse may keep
    expect(used.podTemplate.spec?.containers).toHaveLength(2);
    // The caches of podNamePrefix and podTemplate are remade by their getters when the name or
    // template differs: what they answer is compared, not the cache fields.
    const shallow = (j: JobRecord) => {
      const { podPrefix, podPrefixName, podTemplateOf, podTemplateCache, ...rest } = j as unknown as Record<
        string,
        unknown
      >;
      return { ...rest, status: { ...j.status }, pods: [...j.pods], finalizers: [...j.finalizers] };
    };
    expect(shallow(used.reuse(3, 1, manifest, 5000, view))).toEqual(shallow(fresh));
    expect(used.podNamePrefix).toBe(fresh.podNamePrefix);
    expect(used.podTemplate).toEqual(fresh.podTemplate);
    expect(Object.keys(used)).toEqual(Object.keys(fresh));
    expect(Object.keys(used.status)).toEqual(Object.keys(fresh.status));
  });
});

describe("recycled controller state equals a new one", () => {
  it("JobSyncState", () => {
    const used = new JobSyncState();
    for (const k of Object.keys(used) as (keyof JobSyncState)[])
      if (typeof used[k] === "number") (used as unknown as Record<string, number>)[k] = 5;
    used.backoff.failuresAfterLastSuccess = 3;
    used.backoff.lastFailureMs = 1000;
    expect({ ...used.reuse(), backoff: { ...used.backoff } }).toEqual({
      ...new JobSyncState(),
      backoff: { ...new JobSyncState().backoff },
    });
  });
});
