import { wilsonInterval } from "../engine/stats/wilson.js";
import { loadScenario, type ScenarioSource, scenarioFromSource, scenarioSource } from "../scenario/load.js";
import { checkSpecPath, type Override } from "../scenario/overrides.js";
import { JobStats } from "./accumulators.js";
import { closedFormFor, completeWithin } from "./closed-form.js";
import type { Distributions } from "./distributions.js";
import { distributionsOf } from "./distributions.js";
import { AnalysisError } from "./errors.js";
import { execute } from "./execute.js";
import { BLOCK_RUNS, Fingerprint } from "./fingerprint.js";
import { MonteCarlo } from "./monte-carlo.js";
import { jobLabel, type McReport, mcReport, r6 } from "./report.js";
import { type RangeResult, WorkerPool } from "./worker-pool.js";

/**
 * A sweep: the same Monte Carlo at each value of one parameter, with common random numbers —
 * every point uses the same seed and run indexes, so attempt k of run i draws the same outcome
 * and durations at every point and differences between points are measured on the same draws.
 * With a target, the recommendation is the smallest value whose success (within the time limit,
 * if given) has a 95% Wilson lower bound at or above the target.
 */

export interface SweepPoint extends McReport {
  value: number;
  /** Success counted for the target: Complete (within the limit, if any). */
  target?: {
    successes: number;
    rate: number;
    ci95: [number, number];
    meets: boolean;
    /** With --within: the exact P(Complete within that time), when the closed form gives it. */
    exactRate?: number;
  };
}

export interface SweepReport {
  parameter: string;
  job: string;
  runs: number;
  seed: number | string;
  target?: number;
  withinSeconds?: number;
  points: SweepPoint[];
  recommendation: { value: number; target: number; withinSeconds?: number; lowerBound: number } | null;
  /** With --target: the most runs a value whose interval straddles the target was refined to. */
  maxRuns?: number;
  /**
   * The smallest value whose exact P(success) reaches the target, when every point has a closed
   * form (and no --within): what the Monte Carlo's conservative rule converges to with more runs.
   */
  closedFormRecommendation?: { value: number; successRate: number } | null;
}

export interface SweepOptions {
  scenarioPath: string;
  parameter: string;
  values: number[];
  runs: number;
  seed?: number | string;
  workers: number;
  job?: string;
  target?: number;
  withinSeconds?: number;
  /**
   * With a target: values whose interval still straddles it (below the smallest value that
   * meets it) are re-run with twice the runs, up to this many. Default: no refinement.
   */
  maxRuns?: number;
  /** Runs done so far and runs planned so far (the plan grows when a value is refined). */
  progress?: (done: number, planned: number) => void;
}

export function checkParameter(path: string, values: readonly number[] = []): void {
  if (path.startsWith("spec.")) {
    // Integer fields (every numeric field of JobSpec is one) take whole numbers only; the API
    // server's decoder refuses 0.5 for an int32.
    const goType = checkSpecPath(path);
    const field = path.split(".").pop();
    const fraction = values.find((v) => !Number.isInteger(v));
    if (fraction !== undefined)
      throw new AnalysisError(
        `--set ${path}: ${fraction} is not a whole number (${field} is an integer field of the Job API)`,
      );
    // The decoder refuses a number its Go type cannot hold (encoding/json: "cannot unmarshal
    // number ... of type int32").
    const max = goType === "int32" ? 2 ** 31 - 1 : Number.MAX_SAFE_INTEGER;
    const outside = values.find((v) => v > max || v < -max - 1);
    if (outside !== undefined)
      throw new AnalysisError(
        `--set ${path}: ${outside} does not fit ${field}, an ${goType} field of the Job API (at most ${max})`,
      );
  } else if (!path.startsWith("images.")) {
    throw new AnalysisError(
      `--set ${path}: sweeps take a Job spec field (spec.backoffLimit, spec.parallelism, ...) or an image behaviour field (images.<image>.runSeconds, ...)`,
    );
  }
}

export interface SweepResult {
  report: SweepReport;
  /** Chart data per swept value, for the Job the sweep is about. */
  distributions: Distributions[];
}

/** One evaluated value: its report point and chart data, at `runs` runs. */
interface Evaluated {
  point: SweepPoint;
  distribution: Distributions;
  runs: number;
  /**
   * With a target: the exact value it judges, unrounded (the report rounds to 6 decimals for
   * reading; 0.9989996 would read as 0.999 and pass a 99.9% target it misses). Null without one.
   */
  exact: number | null;
}

/** Target verdict from a Wilson interval: met (lower ≥ t), missed (upper < t), or not yet known. */
function verdict(p: SweepPoint, target: number): "met" | "missed" | "open" {
  const t = p.target!;
  if (t.meets) return "met";
  return t.ci95[1] < target ? "missed" : "open";
}

export async function sweep(o: SweepOptions): Promise<SweepResult> {
  checkParameter(o.parameter, o.values);
  const maxRuns = Math.max(o.runs, o.maxRuns ?? o.runs);
  let jobKey = "";
  let seedUsed: number | string = 0;
  let runsDone = 0;
  // Runs done by ranges still running (several values run at once on a pool), by range.
  const inFlight = new Map<number, number>();
  let nextRangeId = 0;
  const reportProgress = () => {
    let d = runsDone;
    for (const x of inFlight.values()) d += x;
    o.progress?.(d, runsPlanned);
  };
  let runsPlanned = o.values.length * o.runs;
  const pool = o.workers > 1 ? new WorkerPool(o.workers) : undefined;

  // Per value, the results of its runs [0, end) for a whole number of blocks: a refinement
  // runs only the runs it adds (and the last partial block again) and merges, which gives
  // exactly the statistics and fingerprint of running [0, runs) at once (accumulators and
  // fingerprints merge exactly at block boundaries).
  const prefixes: (RunsPrefix | undefined)[] = [];

  // The files as the first value read them: every later value (and every worker) builds its
  // scenario from these texts, so an edit made while the sweep runs reaches no value.
  let source: ScenarioSource | undefined;
  const evaluate = async (i: number, runs: number): Promise<Evaluated> => {
    const value = o.values[i];
    const overrides: Override[] = [{ path: o.parameter, value }];
    const scenario =
      source === undefined ? loadScenario(o.scenarioPath, overrides) : scenarioFromSource(source, overrides);
    source ??= scenarioSource(scenario);
    const seed = o.seed ?? scenario.seed;
    seedUsed = seed;
    const mc = new MonteCarlo(scenario, seed);
    const keys = mc.jobKeys.map(jobLabel);
    if (jobKey === "") jobKey = chooseJob(keys, o);
    const closed = mc.jobKeys.map((_, j) => closedFormFor(scenario, mc.plan, j));
    const runRange = async (from: number, to: number) => {
      const id = nextRangeId++;
      const r = await execute({
        scenario,
        scenarioPath: o.scenarioPath,
        source,
        overrides,
        seed,
        from,
        to,
        workers: o.workers,
        model: mc,
        pool,
        progress: (d) => {
          inFlight.set(id, d);
          reportProgress();
        },
      });
      inFlight.delete(id);
      runsDone += to - from;
      return r;
    };
    const before = prefixes[i] ?? { end: 0, stats: mc.newStats(), fingerprint: new Fingerprint() };
    const wholeBlocks = Math.max(before.end, Math.floor(runs / BLOCK_RUNS) * BLOCK_RUNS);
    const prefix =
      wholeBlocks > before.end
        ? joined(before, await runRange(before.end, wholeBlocks), wholeBlocks)
        : before;
    prefixes[i] = prefix;
    const r = runs > wholeBlocks ? joined(prefix, await runRange(wholeBlocks, runs), runs) : prefix;
    const report = mcReport(scenario.name, seed, runs, mc.jobKeys, r.stats, r.fingerprint, closed);
    const point: SweepPoint = { value, ...report };
    const stats = r.stats[keys.indexOf(jobKey)];
    let exact: number | null = null;
    if (o.target !== undefined) {
      const successes =
        o.withinSeconds === undefined
          ? stats.count("Complete")
          : countAtMost(stats.completeSeconds.toPairs(), o.withinSeconds);
      const ci = wilsonInterval(successes, runs);
      point.target = {
        successes,
        rate: r6(successes / runs),
        ci95: [r6(ci[0]), r6(ci[1])],
        meets: ci[0] >= o.target,
      };
      // The exact value of what the target judges: P(success) where the report compares the
      // closed form, or with --within the exact P(Complete within it and before the horizon,
      // where every run stops): what the runs measure, whether or not W reaches past it.
      const cf = closed[keys.indexOf(jobKey)];
      const judged = point.jobs[jobKey].closedForm;
      if (typeof cf !== "string")
        exact =
          o.withinSeconds === undefined
            ? judged.applies
              ? cf.successRate
              : null
            : completeWithin(cf, o.withinSeconds);
      if (exact !== null) point.target.exactRate = r6(exact);
    }
    return { point, distribution: distributionsOf(String(value), stats, value), runs, exact };
  };

  const evaluated: Evaluated[] = [];
  try {
    // With worker threads, every value's ranges queue for the pool at once: threads stay busy
    // across values instead of waiting at each value's end. Results go by index, so the order
    // in which values finish changes nothing.
    evaluated.push(...(await inTurn(pool !== undefined, o.values.length, (i) => evaluate(i, o.runs))));
    await refine(o, maxRuns, evaluated, pool !== undefined, (i, runs) => {
      runsPlanned += runs - (prefixes[i]?.end ?? 0);
      return evaluate(i, runs);
    });
  } finally {
    await pool?.close();
  }
  return summarize(o, maxRuns, jobKey, seedUsed, evaluated);
}

/** Results of runs [0, end), and the same with more runs joined on (a new object; neither input changes). */
interface RunsPrefix extends RangeResult {
  end: number;
}

function joined(a: RunsPrefix, b: RangeResult, end: number): RunsPrefix {
  const stats = a.stats.map((s, j) => {
    const copy = JobStats.fromJSON(s.toJSON());
    copy.merge(b.stats[j]);
    return copy;
  });
  const fingerprint = Fingerprint.fromHex(a.fingerprint.hex());
  fingerprint.merge(b.fingerprint);
  return { end, stats, fingerprint };
}

async function refine(
  o: SweepOptions,
  maxRuns: number,
  evaluated: Evaluated[],
  parallel: boolean,
  evaluate: (i: number, runs: number) => Promise<Evaluated>,
): Promise<void> {
  // Refinement: while a value below the smallest one known to meet the target is still open
  // (its interval straddles the target), double its runs — the same run indexes and more, so
  // common random numbers still hold — up to maxRuns. Deterministic: the order of refinement
  // depends only on results, which depend only on the seed.
  const target = o.target;
  if (target !== undefined && maxRuns > o.runs) {
    for (;;) {
      const order = evaluated.map((_, i) => i).sort((a, b) => o.values[a] - o.values[b]);
      const firstMet = order.find((i) => verdict(evaluated[i].point, target) === "met");
      const open = order.filter(
        (i) =>
          verdict(evaluated[i].point, target) === "open" &&
          evaluated[i].runs < maxRuns &&
          (firstMet === undefined || o.values[i] < o.values[firstMet]),
      );
      if (open.length === 0) break;
      const next = open.map((i) => Math.min(maxRuns, evaluated[i].runs * 2));
      const refined = await inTurn(parallel, open.length, (k) => evaluate(open[k], next[k]));
      for (let k = 0; k < open.length; k++) evaluated[open[k]] = refined[k];
    }
  }
}

function summarize(
  o: SweepOptions,
  maxRuns: number,
  jobKey: string,
  seedUsed: number | string,
  evaluated: Evaluated[],
): SweepResult {
  const points = evaluated.map((e) => e.point);
  const distributions = evaluated.map((e) => e.distribution);
  let recommendation: SweepReport["recommendation"] = null;
  if (o.target !== undefined) {
    const meeting = points.filter((p) => p.target!.meets).sort((a, b) => a.value - b.value);
    if (meeting.length > 0) {
      const best = meeting[0];
      recommendation = { value: best.value, target: o.target, lowerBound: best.target!.ci95[0] };
      if (o.withinSeconds !== undefined) recommendation.withinSeconds = o.withinSeconds;
    }
  }
  const out: SweepReport = {
    parameter: o.parameter,
    job: jobKey,
    runs: o.runs,
    seed: seedUsed,
    points,
    recommendation,
  };
  if (maxRuns > o.runs) out.maxRuns = maxRuns;
  if (o.target !== undefined) out.target = o.target;
  if (o.target !== undefined && evaluated.every((e) => e.exact !== null)) {
    // The exact P(success), or with --within the exact P(Complete within it): compared with
    // the target unrounded, reported rounded as the points are.
    const target = o.target;
    const meeting = evaluated.filter((e) => e.exact! >= target).sort((a, b) => a.point.value - b.point.value);
    out.closedFormRecommendation =
      meeting.length > 0 ? { value: meeting[0].point.value, successRate: r6(meeting[0].exact!) } : null;
  }
  if (o.withinSeconds !== undefined) out.withinSeconds = o.withinSeconds;
  return { report: out, distributions };
}

/** The Job the target is about: --job, or the only one. */
function chooseJob(keys: string[], o: SweepOptions): string {
  if (o.job !== undefined) {
    if (!keys.includes(o.job))
      throw new AnalysisError(`--job ${o.job}: the scenario's Jobs are ${keys.join(", ")}`);
    return o.job;
  }
  if (keys.length > 1 && o.target !== undefined) {
    throw new AnalysisError(
      `the scenario has several Jobs (${keys.join(", ")}): say which one the target is for with --job`,
    );
  }
  return keys[0];
}

function countAtMost(pairs: [number, number][], limit: number): number {
  let n = 0;
  for (const [v, c] of pairs) if (v <= limit) n += c;
  return n;
}

/** f(0) … f(n − 1): all started at once when `parallel`, else one after another; results in order. */
async function inTurn<T>(parallel: boolean, n: number, f: (i: number) => Promise<T>): Promise<T[]> {
  if (parallel) return Promise.all(Array.from({ length: n }, (_, i) => f(i)));
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
}
