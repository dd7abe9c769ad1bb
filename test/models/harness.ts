import type { Job } from "kubernetes-types/batch/v1.js";
import { Distribution } from "../../src/engine/random/distributions.js";
import { Cluster, type PreparedJob } from "../../src/models/cluster.js";
import type { NodeSpec } from "../../src/models/cluster-setup.js";
import type { JobRecord, PodRecord } from "../../src/models/objects.js";
import { POD_PHASE_NAMES } from "../../src/models/objects.js";
import { WATCH_TYPE_NAMES, type WatchType } from "../../src/models/store.js";
import { versionProfile } from "../../src/models/version-profile.js";
import {
  DEFAULT_ON_SIGTERM,
  ImageBehaviour,
  type ImageBehaviourSpec,
  type Outcome,
  Workload,
} from "../../src/models/workload.js";

/** Small builders for model tests: a two-node k3d-like cluster and a Job around one image. */

export const IMAGE = "k3d-my-cluster-registry:50664/flaky-app:0.1";
export const EPOCH = Date.UTC(2026, 0, 1);

export function node(name: string, role: "server" | "agent", i: number, milliCpu = 2000): NodeSpec {
  return {
    name,
    role,
    milliCpu,
    memory: 24 * 2 ** 30,
    pods: 110,
    systemMilliCpu: role === "server" ? 200 : 0,
    systemMemory: role === "server" ? 140 * 2 ** 20 : 0,
    internalIP: `172.18.0.${3 + i}`,
    labels: { "kubernetes.io/hostname": name },
    firstPodIp: role === "server" ? 9 : 3,
    images: [],
  };
}

export const NODES = [
  node("k3d-my-cluster-server-0", "server", 0),
  node("k3d-my-cluster-agent-0", "agent", 1),
];

export function behaviour(over: Partial<ImageBehaviourSpec> = {}): ImageBehaviour {
  return new ImageBehaviour({
    image: IMAGE,
    pullSeconds: Distribution.constant(2),
    repullSeconds: Distribution.constant(0.3),
    startSeconds: Distribution.constant(0.5),
    runSeconds: Distribution.constant(1.2),
    terminationSeconds: Distribution.constant(0),
    onSigterm: DEFAULT_ON_SIGTERM,
    outcomes: [
      { probability: 0.4, exitCode: 0, log: "INFO:root:Task succeeded" },
      { probability: 0.6, exitCode: 1, log: "ERROR:root:Task failed" },
    ],
    script: null,
    sizeBytes: 20_000_000,
    startLog: "",
    ...over,
  });
}

export function exits(...codes: number[]): Outcome[] {
  return codes.map((c) => ({
    exitCode: c,
    log: c === 0 ? "INFO:root:Task succeeded" : "ERROR:root:Task failed",
  }));
}

/** Events one test run may take: real runs here take at most a few thousand. */
export const MAX_TEST_EVENTS = 2_000_000;

export function cluster(
  opts: { behaviour?: ImageBehaviour; seed?: number | string; detailed?: boolean; nodes?: NodeSpec[] } = {},
): Cluster {
  const b = opts.behaviour ?? behaviour();
  const c = new Cluster({
    nodes: opts.nodes ?? NODES,
    workload: new Workload(new Map([[b.spec.image, b]])),
    profile: versionProfile(),
    epochMs: EPOCH,
    seed: opts.seed ?? 1,
    detailed: opts.detailed ?? false,
  });
  // A model that loops at one instant would hang the suite (a synchronous loop outlives
  // vitest's timeout): the tests' runs throw EventLimitError instead, far above any real run.
  const run = c.sim.run.bind(c.sim);
  c.sim.run = (options = {}) => run({ maxEvents: MAX_TEST_EVENTS, ...options });
  return c;
}

export function jobManifest(
  spec: Record<string, unknown> = {},
  podSpec: Record<string, unknown> = {},
  name = "example-job",
): Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: {
      template: {
        spec: { containers: [{ name: "flaky-app", image: IMAGE }], restartPolicy: "Never", ...podSpec },
      },
      ...spec,
    },
  } as Job;
}

export function prepare(manifest: Job): PreparedJob {
  const p = Cluster.prepareJob(manifest);
  if (Array.isArray(p)) throw new Error(`invalid test manifest: ${JSON.stringify(p)}`);
  return p;
}

export interface Change {
  t: number;
  type: string;
  kind: "Job" | "Pod";
  name: string;
  phase?: string;
  conditions?: string[];
  job?: JobRecord;
  pod?: PodRecord;
  failed?: number;
  succeeded?: number;
  active?: number;
  /** |uncountedTerminatedPods| at the time (Jobs). */
  uncounted?: number;
  /** .status.completedIndexes at the time (Jobs). */
  completedIndexes?: string;
  /** The first container's waiting reason at the time (Pods). */
  waiting?: string;
  /** The first container's restartCount at the time (Pods). */
  restarts?: number;
}

/** Records every Job and Pod change with a snapshot of the fields tests look at. */
export function record(c: Cluster): Change[] {
  const log: Change[] = [];
  c.store.watchJobs({
    onJob(type: WatchType, job: JobRecord) {
      log.push({
        t: c.sim.now,
        type: WATCH_TYPE_NAMES[type],
        kind: "Job",
        name: job.name,
        job,
        conditions: job.status.conditions.map((x) => `${x.type}/${x.reason}`),
        failed: job.status.failed,
        succeeded: job.status.succeeded,
        active: job.status.active,
        uncounted: job.status.uncountedSucceeded.length + job.status.uncountedFailed.length,
        completedIndexes: job.status.completedIndexes,
      });
    },
  });
  c.store.watchPods({
    onPod(type: WatchType, pod: PodRecord) {
      log.push({
        t: c.sim.now,
        type: WATCH_TYPE_NAMES[type],
        kind: "Pod",
        name: pod.name,
        pod,
        phase: POD_PHASE_NAMES[pod.phase],
        waiting: pod.containers[0].state === 0 ? pod.containers[0].waitingReason : "",
        restarts: pod.containers[0].restartCount,
      });
    },
  });
  return log;
}

/** Time of the first change matching `pred`, or -1. */
export function firstTime(log: Change[], pred: (c: Change) => boolean): number {
  return log.find(pred)?.t ?? -1;
}
