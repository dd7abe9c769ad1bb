import { Worker } from "node:worker_threads";
import type { ScenarioSource } from "../scenario/load.js";
import type { Override } from "../scenario/overrides.js";
import { JobStats, type JobStatsJSON } from "./accumulators.js";
import { Fingerprint } from "./fingerprint.js";

/**
 * Worker threads kept for the life of a command. A sweep runs one Monte Carlo per value; with
 * a worker started per value, every value paid the thread's start-up, the module loading and a
 * cold JIT (measured: 10,000 runs of the tutorial on 2 fresh workers took ~800 ms, on 1 warm
 * thread ~150–250 ms). Warm workers pay that once. Results do not depend on which worker ran
 * a range: each range is block-aligned and merged in range order by the caller.
 */

/** One range of runs for one worker. */
export interface WorkerTask {
  scenarioPath: string;
  /** The scenario as the command loaded it (built from this, not read from the files again). */
  source?: ScenarioSource;
  overrides: Override[];
  seed: number | string;
  from: number;
  to: number;
  /** Where the worker writes this range's per-run CSV rows, if asked. */
  csvPart?: string;
}

/** Parent → worker. */
export interface WorkerRequest {
  kind: "run";
  task: WorkerTask;
}

/** Worker → parent, for the request it is running. */
export type WorkerMessage =
  | { kind: "progress"; done: number }
  | { kind: "done"; stats: JobStatsJSON[]; lanes: number[] }
  | { kind: "error"; message: string; code?: string; syscall?: string };

export interface RangeResult {
  stats: JobStats[];
  fingerprint: Fingerprint;
}

/** The compiled worker script (when this module runs from TypeScript sources, as in tests, the build's). */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith(".ts")
    ? new URL("../../dist/src/analysis/worker.js", here)
    : new URL("./worker.js", here);
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Started threads with no task. */
  private readonly idle: Worker[] = [];
  /** Tasks waiting for a thread, first come first served. */
  private readonly waiting: ((w: Worker) => void)[] = [];
  private closed = false;

  /** At most `size` threads, started on first use. */
  constructor(readonly size: number) {}

  /**
   * Runs the tasks at once on as many threads and resolves with their results in task order.
   * `progress` sees the runs done so far, summed over the tasks.
   */
  run(tasks: WorkerTask[], progress?: (done: number) => void): Promise<RangeResult[]> {
    if (tasks.length > this.size) return Promise.reject(new Error("more tasks than workers"));
    const done = new Array<number>(tasks.length).fill(0);
    return Promise.all(
      tasks.map((task, i) =>
        this.runTask(task, (d) => {
          done[i] = d;
          progress?.(done.reduce((s, x) => s + x, 0));
        }),
      ),
    );
  }

  /** Runs one task on the next free thread (waiting for one if all are busy). */
  async runTask(task: WorkerTask, progress?: (done: number) => void): Promise<RangeResult> {
    const w = await this.acquire();
    try {
      return await this.runOn(w, task, progress);
    } finally {
      this.release(w);
    }
  }

  /** Stops every thread; the pool cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    const ws = this.workers.splice(0);
    await Promise.all(ws.map((w) => w.terminate()));
  }

  private acquire(): Promise<Worker> {
    if (this.closed) return Promise.reject(new Error("worker pool is closed"));
    const w = this.idle.pop();
    if (w !== undefined) return Promise.resolve(w);
    if (this.workers.length < this.size) {
      const fresh = new Worker(workerUrl());
      this.workers.push(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    if (this.closed || !this.workers.includes(w)) return;
    const next = this.waiting.shift();
    if (next !== undefined) next(w);
    else this.idle.push(w);
  }

  private runOn(w: Worker, task: WorkerTask, progress?: (done: number) => void): Promise<RangeResult> {
    return new Promise<RangeResult>((resolve, reject) => {
      const onError = (e: Error) => {
        detach();
        this.discard(w);
        reject(e);
      };
      const onExit = (code: number) => {
        detach();
        this.discard(w);
        reject(new Error(`worker thread exited (code ${code}) before finishing its runs`));
      };
      const onMessage = (m: WorkerMessage) => {
        if (m.kind === "progress") {
          progress?.(m.done);
          return;
        }
        detach();
        if (m.kind === "error")
          reject(Object.assign(new Error(m.message), { code: m.code, syscall: m.syscall }));
        else {
          const fp = new Fingerprint();
          fp.lanes.set(m.lanes);
          resolve({ stats: m.stats.map((s) => JobStats.fromJSON(s)), fingerprint: fp });
        }
      };
      // An idle worker does not keep the process alive (a pool left unclosed after an
      // error must not hang the command); one with a task does. One being terminated does too
      // (terminate() refs it until its 'exit'): a last message handled after close() began —
      // another worker's error arriving after the first one's — must not unref it, or the
      // process can run out of live handles while close() still waits, and end with status 0
      // and nothing reported.
      const detach = () => {
        if (!this.closed) w.unref();
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
      };
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      w.ref();
      w.postMessage({ kind: "run", task } satisfies WorkerRequest);
    });
  }

  /** A thread that crashed is not handed out again. */
  private discard(w: Worker): void {
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
  }
}
