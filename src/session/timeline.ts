import {
  ContainerState,
  type ContainerStatus,
  isTerminal,
  type JobRecord,
  NONE,
  PodPhase,
  type PodRecord,
  terminatedExitCode,
} from "../models/objects.js";
import { type Store, WatchType } from "../models/store.js";
import type { TimelineData, TimelinePhase, TimelineSegment } from "./timeline-data.js";

/**
 * Records, during a session, what each pod was doing when — for `jobsim run --timeline`: one
 * segment per stretch of the same displayed phase, and a marker whenever a Job gains a
 * condition (Complete, Failed, FailureTarget, SuccessCriteriaMet, Suspended).
 */

/** The phase a person would name for the pod now (close to kubectl's STATUS column). */
export function displayPhase(pod: PodRecord): TimelinePhase {
  if (pod.deletionMs !== NONE && !isTerminal(pod.phase)) return "Terminating";
  if (pod.phase === PodPhase.Succeeded) return "Completed";
  if (pod.phase === PodPhase.Failed) return "Error";
  if (pod.nodeName === null || pod.startTimeMs === NONE) return "Pending";
  if (!pod.initDone && pod.initContainers.length > 0) {
    // kubectl's Init:… statuses: an init container pulling, crash-looping or failed, else running
    // or waiting its turn.
    for (const c of pod.initContainers) {
      const trouble = troubleOf(c);
      if (trouble !== null) return trouble;
    }
    return "Initializing";
  }
  let creating = false;
  for (const c of pod.containers) {
    const trouble = troubleOf(c);
    if (trouble !== null) return trouble;
    if (c.state === ContainerState.Waiting) creating = true;
  }
  return creating ? "ContainerCreating" : "Running";
}

/** What holds a container up, as the timeline names it: pulling, crash-looping, failed; or null. */
function troubleOf(c: ContainerStatus): TimelinePhase | null {
  if (c.pulling) return "Pulling";
  if (c.state === ContainerState.Waiting && c.waitingReason === "CrashLoopBackOff") return "CrashLoopBackOff";
  const code = terminatedExitCode(c);
  return code !== null && code !== 0 ? "Error" : null;
}

interface Lane {
  name: string;
  node: string;
  job: string;
  segments: TimelineSegment[];
  open: TimelineSegment | null;
}

export class TimelineRecorder {
  private readonly lanes = new Map<PodRecord, Lane>();
  /** Per Job, the condition types last seen True. */
  private readonly trueConditions = new Map<JobRecord, Set<string>>();
  private readonly markers: TimelineData["markers"] = [];

  constructor(private readonly store: Store) {
    store.watchPods(this);
    store.watchJobs(this);
    store.observePodDetail((pod) => this.onPod(WatchType.Modified, pod));
  }

  onPod(type: WatchType, pod: PodRecord): void {
    const now = this.store.now;
    let lane = this.lanes.get(pod);
    if (lane === undefined) {
      lane = { name: pod.name, node: "", job: pod.owner?.name ?? "", segments: [], open: null };
      this.lanes.set(pod, lane);
    }
    if (pod.nodeName !== null) lane.node = pod.nodeName;
    if (type === WatchType.Deleted) {
      this.close(lane, now);
      return;
    }
    const phase = displayPhase(pod);
    if (lane.open !== null && lane.open.phase === phase) return;
    this.close(lane, now);
    lane.open = { fromMs: now, toMs: now, phase };
  }

  onJob(type: WatchType, job: JobRecord): void {
    if (type === WatchType.Deleted) return;
    // A marker whenever a condition turns True, whether it is new or flipped back in place:
    // upstream keeps one entry per type (pkg/controller/job job_controller.go
    // ensureJobConditionStatus), so resuming a Job sets Suspended to False and suspending it
    // again sets the same entry True; a count of entries would miss the second suspension.
    const wasTrue = this.trueConditions.get(job) ?? new Set<string>();
    const nowTrue = new Set<string>();
    for (const c of job.status.conditions) {
      if (c.status !== "True") continue;
      nowTrue.add(c.type);
      if (!wasTrue.has(c.type)) this.markers.push({ atMs: this.store.now, label: c.type, job: job.name });
    }
    this.trueConditions.set(job, nowTrue);
  }

  private close(lane: Lane, now: number): void {
    if (lane.open === null) return;
    lane.open.toMs = now;
    if (lane.open.toMs > lane.open.fromMs || lane.segments.length === 0) lane.segments.push(lane.open);
    lane.open = null;
  }

  /** The timeline up to now (segments still open end now). */
  data(title: string, epochMs: number): TimelineData {
    const now = this.store.now;
    const pods = [...this.lanes.values()].map((l) => {
      const segments = [...l.segments];
      if (l.open !== null) segments.push({ ...l.open, toMs: now });
      return { name: l.name, node: l.node, job: l.job, segments };
    });
    return {
      title,
      epochMs,
      endMs: now,
      pods,
      markers: [...this.markers],
      nodes: this.store.nodes.map((n) => n.name),
    };
  }
}
