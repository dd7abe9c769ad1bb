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

export class JobStats {
  readonly outcomes = new Map<Outcome, number>();
  readonly reasons = new Map<string, number>();
  /** Outcome → the lowest run index that ended so (to replay it with `jobsim run --run`). */
  readonly firstRuns = new Map<Outcome, number>();
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
    const seen = this.outcomes.get(outcome) ?? 0;
    this.outcomes.set(outcome, seen + 1);
    if (seen === 0 || run < this.firstRuns.get(outcome)!) this.firstRuns.set(outcome, run);
    if (reason !== "") this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
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
    for (const [k, v] of Object.entries(j.outcomes)) s.outcomes.set(k as Outcome, v);
    for (const [k, v] of Object.entries(j.reasons)) s.reasons.set(k, v);
    for (const [k, v] of Object.entries(j.firstRuns ?? {})) s.firstRuns.set(k as Outcome, v);
    s.pods.merge(IntHistogram.fromPairs(j.pods));
    s.failedPods.merge(IntHistogram.fromPairs(j.failedPods));
    s.durationSeconds.merge(IntHistogram.fromPairs(j.durationSeconds));
    s.completeSeconds.merge(IntHistogram.fromPairs(j.completeSeconds));
    s.podSeconds.merge(IntHistogram.fromPairs(j.podSeconds));
    s.wastedPodSeconds.merge(IntHistogram.fromPairs(j.wastedPodSeconds));
    return s;
  }
}
