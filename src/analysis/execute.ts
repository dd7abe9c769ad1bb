import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { stringify } from "csv-stringify/sync";
import type { Scenario, ScenarioSource } from "../scenario/load.js";
import type { Override } from "../scenario/overrides.js";
import type { JobStats } from "./accumulators.js";
import { BLOCK_RUNS, Fingerprint } from "./fingerprint.js";
import { type JobRunResult, MonteCarlo } from "./monte-carlo.js";
import { jobLabel } from "./report.js";
import { type RangeResult, WorkerPool, type WorkerTask } from "./worker-pool.js";

export type { RangeResult };

/**
 * Running a range of Monte Carlo runs in this thread or in worker threads. Work is split only
 * at block boundaries (BLOCK_RUNS consecutive runs), so the fingerprint and every statistic
 * come out identical however the runs are split.
 */

export interface ExecuteOptions {
  scenario: Scenario;
  /** Where workers load the scenario from (they cannot receive the parsed one). */
  scenarioPath: string;
  /** What workers build the scenario from instead, when given (scenarioSource: no re-reading). */
  source?: ScenarioSource;
  overrides: Override[];
  seed: number | string;
  from: number;
  to: number;
  workers: number;
  /** Called with the number of runs done so far (throttled by the caller). */
  progress?: (done: number) => void;
  /** Per-run CSV rows go to this file (no header), in run order. */
  csvPath?: string;
  /** With one worker: this scenario's model, already built (a sweep builds one per value anyway). */
  model?: MonteCarlo;
  /** Warm worker threads to use (a sweep keeps one for all its values); else made and closed here. */
  pool?: WorkerPool;
}

/** Splits [from, to) into `parts` block-aligned ranges (some may be empty). */
export function splitRange(from: number, to: number, parts: number): [number, number][] {
  const firstBlock = Math.floor(from / BLOCK_RUNS);
  const lastBlock = Math.ceil(to / BLOCK_RUNS);
  const blocks = lastBlock - firstBlock;
  const out: [number, number][] = [];
  for (let i = 0; i < parts; i++) {
    const a = Math.max(from, (firstBlock + Math.floor((i * blocks) / parts)) * BLOCK_RUNS);
    const b = Math.min(to, (firstBlock + Math.floor(((i + 1) * blocks) / parts)) * BLOCK_RUNS);
    out.push([a, Math.max(a, b)]);
  }
  return out;
}

/** Per-run CSV rows (run, job, outcome, ...), one string per block. */
export const CSV_HEADER = [
  "run",
  "job",
  "outcome",
  "reason",
  "durationSeconds",
  "pods",
  "failedPods",
  "podSeconds",
  "wastedPodSeconds",
];

function csvRows(
  keys: readonly string[],
  run: number,
  results: readonly JobRunResult[],
  out: unknown[][],
): void {
  for (let j = 0; j < results.length; j++) {
    const r = results[j];
    out.push([
      run,
      jobLabel(keys[j]),
      r.outcome,
      r.reason,
      r.durationMs < 0 ? "" : Math.floor(r.durationMs / 1000),
      r.pods,
      r.failedPods,
      Math.round(r.podMs / 1000),
      Math.round(r.wastedMs / 1000),
    ]);
  }
}

/**
 * Writes all of `data` to a regular file. One write may take only part of it (the disk fills
 * up, or the file reaches the size limit): the rest is written again, so that the error that
 * follows is raised, not a truncated file left to be put in place as if whole.
 */
export function writeWhole(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
}

/** Runs [from, to) here, reporting progress and handing CSV rows over after each block. */
export function runHere(
  mc: MonteCarlo,
  from: number,
  to: number,
  progress?: (done: number) => void,
  csv?: (text: string) => void,
): RangeResult {
  const range = new BlockRunner(mc, from, to, progress, csv);
  while (range.next());
  return range.result();
}

/**
 * runHere in the main thread: the same blocks, with a turn of the event loop between them, so
 * that a signal (Ctrl-C) is handled within one block (~40 ms) — a loop that never yields would
 * only see it after the last run, and then commit its outputs.
 */
export async function runHereYielding(
  mc: MonteCarlo,
  from: number,
  to: number,
  progress?: (done: number) => void,
  csv?: (text: string) => void,
): Promise<RangeResult> {
  const range = new BlockRunner(mc, from, to, progress, csv);
  while (range.next()) await new Promise<void>((resolve) => setImmediate(resolve));
  return range.result();
}

/** A range of runs, one block at a time. */
class BlockRunner {
  private readonly stats: JobStats[];
  private readonly fp = new Fingerprint();
  private readonly rows: unknown[][] = [];
  private readonly onRun: ((run: number, results: readonly JobRunResult[]) => void) | undefined;
  private run: number;

  constructor(
    private readonly mc: MonteCarlo,
    private readonly from: number,
    private readonly to: number,
    private readonly progress?: (done: number) => void,
    private readonly csv?: (text: string) => void,
  ) {
    this.stats = mc.newStats();
    this.run = from;
    const rows = this.rows;
    this.onRun =
      csv === undefined
        ? undefined
        : (run: number, results: readonly JobRunResult[]) => csvRows(mc.jobKeys, run, results, rows);
  }

  /** Runs the next block; false when the range is done. */
  next(): boolean {
    if (this.run >= this.to) return false;
    const end = Math.min(this.to, (Math.floor(this.run / BLOCK_RUNS) + 1) * BLOCK_RUNS);
    this.mc.runRange(this.run, end, this.stats, this.fp, this.onRun);
    if (this.csv !== undefined) {
      this.csv(stringify(this.rows));
      this.rows.length = 0;
    }
    this.run = end;
    this.progress?.(this.run - this.from);
    return this.run < this.to;
  }

  result(): RangeResult {
    this.fp.flush();
    return { stats: this.stats, fingerprint: this.fp };
  }
}

export async function execute(o: ExecuteOptions): Promise<RangeResult> {
  // One block or less (an empty shard, a few runs) gives a thread nothing to share.
  if (o.workers <= 1 || splitRange(o.from, o.to, o.workers).filter(([a, b]) => b > a).length < 2) {
    const fd = o.csvPath === undefined ? -1 : openSync(o.csvPath, "a");
    try {
      return await runHereYielding(
        o.model ?? new MonteCarlo(o.scenario, o.seed),
        o.from,
        o.to,
        o.progress,
        fd < 0 ? undefined : (t) => writeWhole(fd, t),
      );
    } finally {
      if (fd >= 0) closeSync(fd);
    }
  }
  const ranges = splitRange(o.from, o.to, o.workers).filter(([a, b]) => b > a);
  const parts = ranges.map((_, i) => (o.csvPath === undefined ? undefined : `${o.csvPath}.part${i}`));
  const tasks: WorkerTask[] = ranges.map(([from, to], i) => ({
    scenarioPath: o.scenarioPath,
    source: o.source,
    overrides: o.overrides,
    seed: o.seed,
    from,
    to,
    csvPart: parts[i],
  }));
  // The parts are created here, and the workers only open them (worker.ts): a worker never
  // creates a file, so none can appear after an interrupt's cleanup removed the parts.
  for (const p of parts) if (p !== undefined) closeSync(openSync(p, "w"));
  const pool = o.pool ?? new WorkerPool(o.workers);
  let results: RangeResult[];
  try {
    results = await pool.run(tasks, o.progress);
  } catch (e) {
    for (const p of parts) if (p !== undefined) rmSync(p, { force: true });
    throw e;
  } finally {
    if (o.pool === undefined) await pool.close();
  }
  if (o.csvPath !== undefined) {
    // The parts, in run order, after whatever the file already holds (its header).
    const fd = openSync(o.csvPath, "a");
    try {
      for (const p of parts) {
        writeWhole(fd, readFileSync(p!));
        rmSync(p!, { force: true });
      }
    } finally {
      closeSync(fd);
    }
  }
  const stats = results[0].stats;
  const fp = results[0].fingerprint;
  for (const r of results.slice(1)) {
    r.stats.forEach((s, j) => {
      stats[j].merge(s);
    });
    fp.merge(r.fingerprint);
  }
  return { stats, fingerprint: fp };
}
