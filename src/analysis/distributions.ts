import type { JobStats } from "./accumulators.js";

/** One point of a cumulative distribution: P(time to finish ≤ seconds). */
export type CdfPoint = [seconds: number, fraction: number];

/** Per swept value (or, for `mc`, per Job), the distributions the charts need. */
export interface Distributions {
  /** Label: the swept value, or the Job's name. */
  label: string;
  /** The swept value (sweeps only). */
  value?: number;
  /** Time to finish (Complete or Failed), all finished runs; cumulative. */
  finishCdf: CdfPoint[];
  /** Pods created per run: [pods, runs]. */
  pods: [number, number][];
}

/** The chart data of one Job's statistics: the time-to-finish CDF and the pods histogram. */
export function distributionsOf(label: string, s: JobStats, value?: number): Distributions {
  const pairs = s.durationSeconds.toPairs();
  const n = s.durationSeconds.count;
  let acc = 0;
  const finishCdf: [number, number][] = pairs.map(([v, c]) => {
    acc += c;
    return [v, acc / n];
  });
  const d: Distributions = { label, finishCdf, pods: s.pods.toPairs() };
  if (value !== undefined) d.value = value;
  return d;
}
