import { closeSync, openSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { loadScenario, scenarioFromSource } from "../scenario/load.js";
import { runHere, writeWhole } from "./execute.js";
import { MonteCarlo } from "./monte-carlo.js";
import type { WorkerMessage, WorkerRequest } from "./worker-pool.js";

/**
 * A worker thread of a WorkerPool: runs one block-aligned range per request and returns its
 * state. It loads each scenario itself (a parsed scenario cannot be posted) and keeps the last
 * few Monte Carlo models, so a sweep that refines a value finds it built.
 */

const MODELS_KEPT = 4;
const models = new Map<string, MonteCarlo>();

function modelFor(task: WorkerRequest["task"]): MonteCarlo {
  const key = JSON.stringify([task.scenarioPath, task.source ?? null, task.overrides, task.seed]);
  let mc = models.get(key);
  if (mc === undefined) {
    const scenario =
      task.source === undefined
        ? loadScenario(task.scenarioPath, task.overrides)
        : scenarioFromSource(task.source, task.overrides);
    mc = new MonteCarlo(scenario, task.seed);
    if (models.size >= MODELS_KEPT) models.delete(models.keys().next().value!);
  } else models.delete(key);
  models.set(key, mc); // most recently used last
  return mc;
}

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

port.on("message", (req: WorkerRequest) => {
  const task = req.task;
  let fd = -1;
  try {
    const mc = modelFor(task);
    // "r+": the part exists (execute.ts made it); if an interrupt removed it, this fails
    // instead of leaving a new file behind.
    fd = task.csvPart === undefined ? -1 : openSync(task.csvPart, "r+");
    const out = fd;
    const r = runHere(
      mc,
      task.from,
      task.to,
      (done) => post({ kind: "progress", done }),
      out < 0 ? undefined : (t) => writeWhole(out, t),
    );
    post({ kind: "done", stats: r.stats.map((s) => s.toJSON()), lanes: Array.from(r.fingerprint.lanes) });
  } catch (e) {
    // A failed write keeps its code, so the command reports it as it reports its own writes.
    const { code, syscall } = e as NodeJS.ErrnoException;
    post({ kind: "error", message: e instanceof Error ? e.message : String(e), code, syscall });
  } finally {
    if (fd >= 0) closeSync(fd);
  }
});
