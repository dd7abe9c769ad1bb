import { IntHistogram } from "../engine/stats/histogram.js";

/**
 * Per-Job statistics over Monte Carlo runs. Every measure is an integer per run kept in an
 * exact histogram, so that statistics from workers or shards merge exactly, in any order, into
 * the same numbers one process computes — and memory depends on the range of values, not on
 * the number of runs.
 */

export const OUTCOMES = ["Complete", "Failed", "Unfinished", "Deleted"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface JobStatsJSON {
  outcomes: Record<string, number>;
  reasons: Record<string, number>;
  /** Outcome → the lowest run index that ended so. */
  firstRuns: Record<string, number>;
  pods: [number, number][];
  failedPods: [number, number][];
  durationSeconds: [number, number][];
  completeSeconds: [number, number][];
  podSeconds: [number, number][];
  wastedPodSeconds: [number, number][];
}

function outcomeIndex(o: Outcome): number {
  return o === "Complete" ? 0 : o === "Failed" ? 1 : o === "Unfinished" ? 2 : 3;
}

export class JobStats {
  private readonly outcomeMap = new Map<Outcome, number>();
  private readonly reasonMap = new Map<string, number>();
  private readonly firstRunMap = new Map<Outcome, number>();
  // `add` runs once per run and the maps are read at the end: runs are tallied here (per
  // outcome in OUTCOMES order; the latest reason and how many runs in a row had it) and
  // folded into the maps when they are read. Same counts; only the maps' insertion order
  // may differ, and every reader sorts or looks up by key.
  private readonly pendingCount = new Float64Array(OUTCOMES.length);
  private readonly pendingFirst = new Float64Array(OUTCOMES.length).fill(Number.POSITIVE_INFINITY);
  private pendingReason = "";
  private pendingReasonCount = 0;

  get outcomes(): Map<Outcome, number> {
    this.fold();
    return this.outcomeMap;
  }

  get reasons(): Map<string, number> {
    this.fold();
    return this.reasonMap;
  }

  /** Outcome → the lowest run index that ended so (to replay it with `jobsim run --run`). */
  get firstRuns(): Map<Outcome, number> {
    this.fold();
    return this.firstRunMap;
  }

  private fold(): void {
    for (let i = 0; i < OUTCOMES.length; i++) {
      const n = this.pendingCount[i];
      if (n === 0) continue;
      const o = OUTCOMES[i];
      this.outcomeMap.set(o, (this.outcomeMap.get(o) ?? 0) + n);
      const first = this.firstRunMap.get(o);
      if (first === undefined || this.pendingFirst[i] < first) this.firstRunMap.set(o, this.pendingFirst[i]);
      this.pendingCount[i] = 0;
      this.pendingFirst[i] = Number.POSITIVE_INFINITY;
    }
    this.foldReason();
  }

  private foldReason(): void {
    if (this.pendingReasonCount === 0) return;
    const r = this.pendingReason;
    this.reasonMap.set(r, (this.reasonMap.get(r) ?? 0) + this.pendingReasonCount);
    this.pendingReasonCount = 0;
  }
  /** Pods the Job created. */
  readonly pods = new IntHistogram();
  /** Of them, pods that ended Failed. */
  readonly failedPods = new IntHistogram();
  /** Whole seconds from the Job's creation to its Complete or Failed condition (finished runs). */
  readonly durationSeconds = new IntHistogram();
  /** The same, for Complete runs only (the time a user waits for a success). */
  readonly completeSeconds = new IntHistogram();
  /** Seconds pods held node resources (bound until terminal), summed over the Job's pods. */
  readonly podSeconds = new IntHistogram();
  /** Of them, seconds of pods that failed. */
  readonly wastedPodSeconds = new IntHistogram();

  count(outcome: Outcome): number {
    return this.outcomes.get(outcome) ?? 0;
  }

  get runs(): number {
    let n = 0;
    for (const v of this.outcomes.values()) n += v;
    return n;
  }

  add(
    run: number,
    outcome: Outcome,
    reason: string,
    pods: number,
    failedPods: number,
    durationMs: number,
    podMs: number,
    wastedMs: number,
  ): void {
    const i = outcomeIndex(outcome);
    this.pendingCount[i]++;
    if (run < this.pendingFirst[i]) this.pendingFirst[i] = run;
    if (reason !== "") {
      if (reason !== this.pendingReason) {
        this.foldReason();
        this.pendingReason = reason;
      }
      this.pendingReasonCount++;
    }
    this.pods.add(pods);
    this.failedPods.add(failedPods);
    if (outcome === "Complete" || outcome === "Failed") {
      const s = Math.floor(durationMs / 1000);
      this.durationSeconds.add(s);
      if (outcome === "Complete") this.completeSeconds.add(s);
    }
    this.podSeconds.add(Math.round(podMs / 1000));
    this.wastedPodSeconds.add(Math.round(wastedMs / 1000));
  }

  merge(o: JobStats): void {
    for (const [k, v] of o.outcomes) this.outcomes.set(k, (this.outcomes.get(k) ?? 0) + v);
    for (const [k, v] of o.reasons) this.reasons.set(k, (this.reasons.get(k) ?? 0) + v);
    for (const [k, v] of o.firstRuns) {
      const mine = this.firstRuns.get(k);
      if (mine === undefined || v < mine) this.firstRuns.set(k, v);
    }
    this.pods.merge(o.pods);
    this.failedPods.merge(o.failedPods);
    this.durationSeconds.merge(o.durationSeconds);
    this.completeSeconds.merge(o.completeSeconds);
    this.podSeconds.merge(o.podSeconds);
    this.wastedPodSeconds.merge(o.wastedPodSeconds);
  }

  toJSON(): JobStatsJSON {
    const sorted = (m: Map<string, number>) =>
      Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return {
      outcomes: sorted(this.outcomes),
      reasons: sorted(this.reasons),
      firstRuns: sorted(this.firstRuns),
      pods: this.pods.toPairs(),
      failedPods: this.failedPods.toPairs(),
      durationSeconds: this.durationSeconds.toPairs(),
      completeSeconds: this.completeSeconds.toPairs(),
      podSeconds: this.podSeconds.toPairs(),
      wastedPodSeconds: this.wastedPodSeconds.toPairs(),
    };
  }

  static fromJSON(j: JobStatsJSON): JobStats {
    const s = new JobStats();
    for (const [k, v] of Object.entries(j.outcomes)) s.outcomeMap.set(k as Outcome, v);
    for (const [k, v] of Object.entries(j.reasons)) s.reasonMap.set(k, v);
    for (const [k, v] of Object.entries(j.firstRuns ?? {})) s.firstRunMap.set(k as Outcome, v);
    s.pods.merge(IntHistogram.fromPairs(j.pods));
    s.failedPods.merge(IntHistogram.fromPairs(j.failedPods));
    s.durationSeconds.merge(IntHistogram.fromPairs(j.durationSeconds));
    s.completeSeconds.merge(IntHistogram.fromPairs(j.completeSeconds));
    s.podSeconds.merge(IntHistogram.fromPairs(j.podSeconds));
    s.wastedPodSeconds.merge(IntHistogram.fromPairs(j.wastedPodSeconds));
    return s;
  }
}
