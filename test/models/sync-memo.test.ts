import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { Fingerprint } from "../../src/analysis/fingerprint.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { syncMemo } from "../../src/models/job-controller/job-controller.js";
import { Materializer } from "../../src/models/materialize.js";
import { TraceRecorder } from "../../src/models/trace.js";
import { loadScenario, type Scenario } from "../../src/scenario/load.js";
import { scenario } from "../analysis/helpers.js";

/**
 * The Job controller answers some syncs from a memo (inputs unchanged since a sync that wrote
 * nothing, or whose own writes left nothing to do). A memo may only save work: with it
 * switched off, every run writes the same objects at the same times.
 */

const CASES: { name: string; sc: Scenario }[] = [
  ...readdirSync("scenarios")
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => ({ name: f, sc: loadScenario(`scenarios/${f}`) })),
  { name: "bench", sc: loadScenario("bench/scenarios/tutorial-fixed.yaml") },
  {
    name: "deadline and parallelism",
    sc: scenario({
      p: 0.3,
      backoffLimit: 8,
      runSeconds: "{exponential: {mean: 20}}",
      extraSpec: "\n      parallelism: 3\n      completions: 4\n      activeDeadlineSeconds: 200",
      steps: ["kubectl apply -f job.yaml", "sleep 1h"],
    }),
  },
  {
    // Created between two seconds: startTime (whole seconds) and the deadline timer (from the
    // creation instant) disagree, which the memo must not paper over.
    name: "deadline, created at 1.5 s",
    sc: scenario({
      p: 0.2,
      backoffLimit: 20,
      runSeconds: "{uniform: [1, 4]}",
      extraSpec: "\n      activeDeadlineSeconds: 30",
      steps: ["sleep 1500ms", "kubectl apply -f job.yaml", "sleep 1h"],
    }),
  },
];

/** Every write of run `run` (trace lines) and the fingerprint of runs [0, n). */
function history(sc: Scenario, runs: number[], n: number): { lines: string[]; fp: string } {
  const mc = new MonteCarlo(sc, 3);
  const lines: string[] = [];
  const materializer = new Materializer(sc.epochMs, mc.cluster.identities, sc.profile);
  const recorder = new TraceRecorder(mc.cluster.store, materializer, (l) => lines.push(JSON.stringify(l)));
  for (const r of runs) mc.runOne(r);
  mc.cluster.store.unwatch(recorder);
  const fp = new Fingerprint();
  mc.runRange(0, n, mc.newStats(), fp);
  fp.flush();
  return { lines, fp: fp.hex() };
}

describe("the sync memo changes no history", () => {
  afterEach(() => {
    syncMemo.enabled = true;
  });
  for (const c of CASES) {
    it(c.name, () => {
      const runs = [0, 1, 2, 3, 5, 8, 13, 21];
      const memo = history(c.sc, runs, 3000);
      syncMemo.enabled = false;
      const full = history(c.sc, runs, 3000);
      expect(memo.lines.length).toBeGreaterThan(0);
      expect(memo.lines).toEqual(full.lines);
      expect(memo.fp).toBe(full.fp);
    });
  }
});
