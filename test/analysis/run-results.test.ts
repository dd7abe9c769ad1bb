import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { scenario } from "./helpers.js";

/**
 * What one Monte Carlo run reports per Job does not depend on what happens to the Job after it
 * finished: a Job removed by the TTL controller (ttlSecondsAfterFinished) counts the same pods,
 * failures and pod time as one left in place.
 */

function results(ttl: string, runs: number): string[] {
  const mc = new MonteCarlo(
    scenario({
      p: 0.4,
      backoffLimit: 6,
      runSeconds: "{exponential: {mean: 5}}",
      extraSpec: ttl,
      steps: ["kubectl apply -f job.yaml", "sleep 1h"],
    }),
    3,
  );
  const out: string[] = [];
  for (let run = 0; run < runs; run++) out.push(JSON.stringify(mc.runOne(run)[0]));
  return out;
}

describe("a Job deleted after it finished", () => {
  it("ttlSecondsAfterFinished 0 and 30 report every run as if the Job stayed", () => {
    const kept = results("", 200);
    expect(new Set(kept.map((r) => JSON.parse(r).pods)).size).toBeGreaterThan(3);
    expect(results("\n      ttlSecondsAfterFinished: 0", 200)).toEqual(kept);
    expect(results("\n      ttlSecondsAfterFinished: 30", 200)).toEqual(kept);
  });
});
