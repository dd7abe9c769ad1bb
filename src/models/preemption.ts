/**
 * DefaultPreemption's pure policy (pkg/scheduler/framework/plugins/defaultpreemption/
 * default_preemption.go SelectVictimsOnNode; pkg/scheduler/framework/preemption/preemption.go
 * pickOneNodeForPreemption), over plain numbers so it can be tested by tables. jobsim has no
 * PodDisruptionBudgets, so every pod is "non-violating" and the PDB criterion never separates
 * nodes. The scheduler (preemptor.ts) feeds it the pods a node holds and acts on the result.
 */

/** The DisruptionTarget reason the scheduler writes on a victim (k8s.io/api core/v1 types.go
 * PodReasonPreemptionByScheduler). */
export const PREEMPTION_BY_SCHEDULER = "PreemptionByScheduler";

/** A pod on a candidate node, as the dry run sees it. */
export interface VictimCandidate {
  readonly priority: number;
  /** status.startTime in ms; a pod the kubelet has not started counts as now
   * (pkg/scheduler/util/utils.go GetPodStartTime: nil → metav1.Now()). */
  readonly startMs: number;
  readonly milliCpu: number;
  readonly memory: number;
}

/** Room a node has left with every pod it holds counted (allocatable − requested − system). */
export interface NodeRoom {
  milliCpu: number;
  memory: number;
  pods: number;
}

/** What the preemptor asks (NodeResourcesFit: requests and one pod slot). */
export interface PreemptorRequest {
  readonly priority: number;
  readonly milliCpu: number;
  readonly memory: number;
}

/** The node's NodeResourcesFit reasons after every lower-priority pod left (insufficientResources). */
export interface StillUnfit {
  cpu: boolean;
  memory: boolean;
  pods: boolean;
}

export type VictimResult<P> =
  | { kind: "victims"; victims: P[] }
  /** No pod of lower priority (isPreemptionAllowed: strictly lower): UnschedulableAndUnresolvable
   * "No preemption victims found for incoming pod". */
  | { kind: "none" }
  /** Even without all of them the preemptor does not fit: the node's own Filter status. */
  | { kind: "unfit"; reasons: StillUnfit };

function unfit(room: NodeRoom, req: PreemptorRequest): StillUnfit | null {
  const r = { cpu: room.milliCpu < req.milliCpu, memory: room.memory < req.memory, pods: room.pods < 1 };
  return r.cpu || r.memory || r.pods ? r : null;
}

/**
 * util.MoreImportantPod: the higher priority first, then the pod that started earlier
 * (GetPodStartTime). Equal on both → the given order: upstream's sort.Slice is pdqsort, whose
 * insertion sort (below 12 elements) keeps it, over NodeInfo.Pods (the order pods were added,
 * which a removal perturbs: RemovePod moves the last into the gap); jobsim gives the store's
 * creation order, the same while no pod on the node was removed.
 */
export function moreImportantFirst<P extends VictimCandidate>(a: P, b: P): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  return a.startMs - b.startMs;
}

/**
 * SelectVictimsOnNode: remove every pod of lower priority; if the preemptor then fits, add them
 * back most important first (reprievePod), keeping out each one whose return makes the preemptor
 * unfit. The victims come out most important first. `room` is not modified.
 */
export function selectVictimsOnNode<P extends VictimCandidate>(
  pods: readonly P[],
  roomWithAll: NodeRoom,
  req: PreemptorRequest,
): VictimResult<P> {
  const potential = pods.filter((p) => p.priority < req.priority).sort(moreImportantFirst);
  if (potential.length === 0) return { kind: "none" };
  const room = { ...roomWithAll };
  for (const p of potential) {
    room.milliCpu += p.milliCpu;
    room.memory += p.memory;
    room.pods += 1;
  }
  const still = unfit(room, req);
  if (still !== null) return { kind: "unfit", reasons: still };
  const victims: P[] = [];
  for (const p of potential) {
    room.milliCpu -= p.milliCpu;
    room.memory -= p.memory;
    room.pods -= 1;
    if (unfit(room, req) !== null) {
      room.milliCpu += p.milliCpu;
      room.memory += p.memory;
      room.pods += 1;
      victims.push(p);
    }
  }
  return { kind: "victims", victims };
}

/** A candidate node with its victims (most important first). */
export interface PreemptionCandidate<P extends VictimCandidate> {
  readonly victims: readonly P[];
}

/** math.MaxInt32 + 1: pickOneNodeForPreemption shifts each priority so that the sum of
 * negative priorities still ranks (preemption.go: "needs to be converted to int64 ... + MaxInt32 + 1"). */
const PRIORITY_SHIFT = 2 ** 31;

/**
 * pickOneNodeForPreemption's score functions in order (fewest PDB violations is always a tie
 * here): each keeps only the candidates with the best score. Returns the indices left; the caller
 * breaks a remaining tie (upstream: the first of a list built from a Go map, i.e. at random).
 */
export function bestCandidates<P extends VictimCandidate>(
  candidates: readonly PreemptionCandidate<P>[],
): number[] {
  const scores: ((c: PreemptionCandidate<P>) => number)[] = [
    // The lowest highest-priority victim (Pods[0], the victims being sorted).
    (c) => -(c.victims[0]?.priority ?? Number.MIN_SAFE_INTEGER),
    // The smallest sum of (shifted) priorities.
    (c) => -c.victims.reduce((s, p) => s + p.priority + PRIORITY_SHIFT, 0),
    // The fewest victims.
    (c) => -c.victims.length,
    // The latest earliest start among the highest-priority victims (GetEarliestPodStartTime).
    (c) => earliestStartOfHighest(c.victims),
  ];
  let left = candidates.map((_, i) => i);
  for (const score of scores) {
    if (left.length <= 1) break;
    let best = Number.NEGATIVE_INFINITY;
    let kept: number[] = [];
    for (const i of left) {
      const s = score(candidates[i]);
      if (s > best) {
        best = s;
        kept = [i];
      } else if (s === best) kept.push(i);
    }
    left = kept;
  }
  return left;
}

/** util.GetEarliestPodStartTime: among the victims of the highest priority, the earliest start. */
function earliestStartOfHighest(victims: readonly VictimCandidate[]): number {
  if (victims.length === 0) return Number.POSITIVE_INFINITY;
  let highest = victims[0].priority;
  for (const v of victims) if (v.priority > highest) highest = v.priority;
  let earliest = Number.POSITIVE_INFINITY;
  for (const v of victims) if (v.priority === highest && v.startMs < earliest) earliest = v.startMs;
  return earliest;
}
