import { closeSync, openSync, writeSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { loadScenario } from "../scenario/load.js";
import { runHere, type WorkerInput, type WorkerMessage } from "./execute.js";
import { MonteCarlo } from "./monte-carlo.js";

/** A worker thread: loads the scenario itself, runs its block-aligned range, returns the state. */
const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
try {
  const scenario = loadScenario(input.scenarioPath, input.overrides);
  const fd = input.csvPart === undefined ? -1 : openSync(input.csvPart, "w");
  const r = runHere(
    new MonteCarlo(scenario, input.seed),
    input.from,
    input.to,
    (done) => post({ kind: "progress", done }),
    fd < 0 ? undefined : (t) => writeSync(fd, t),
  );
  if (fd >= 0) closeSync(fd);
  post({ kind: "done", stats: r.stats.map((s) => s.toJSON()), lanes: Array.from(r.fingerprint.lanes) });
} catch (e) {
  post({ kind: "error", message: e instanceof Error ? e.message : String(e) });
}
