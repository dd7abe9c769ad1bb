import type { Distributions } from "../report/report-data.js";
import type { JobStats } from "./accumulators.js";

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
