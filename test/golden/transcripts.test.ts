import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * No-regression transcripts: every scenario in scenarios/ at its own seed and at one more,
 * compared byte for byte with test/golden/<scenario>.seed-<seed>.txt. Lines written to stderr
 * carry a `2> ` prefix, so the split between the streams is pinned too.
 *
 * After a deliberate change of behaviour, rewrite them with `npm run golden:update` and review
 * the diff like code.
 */

const UPDATE = process.env.UPDATE_GOLDEN === "1";
const SCENARIOS = "scenarios";
const GOLDEN = "test/golden";
const EXTRA_SEED = 2024;

function transcript(file: string, seed: number | string): string {
  return sessionTranscript(loadScenario(file), { seed, stderrPrefix: "2> " });
}

const files = readdirSync(SCENARIOS)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe("golden transcripts", () => {
  it("covers every scenario", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "backoff-exhausted.yaml",
        "crashloop.yaml",
        "deadline.yaml",
        "drain.yaml",
        "flaky-job.yaml",
        "indexed-shards.yaml",
        "per-index-retries.yaml",
        "scripted-retries.yaml",
        "work-queue.yaml",
      ]),
    );
  });

  for (const file of files) {
    const path = join(SCENARIOS, file);
    const base = file.replace(/\.yaml$/, "");
    const ownSeed = loadScenario(path).seed;
    for (const seed of [ownSeed, EXTRA_SEED]) {
      it(`${file} at seed ${seed}`, () => {
        const text = transcript(path, seed);
        const golden = join(GOLDEN, `${base}.seed-${String(seed).replace(/[^\w.-]/g, "_")}.txt`);
        // A missing golden file fails (a new scenario's transcript is written only on purpose).
        if (!UPDATE && !existsSync(golden)) throw new Error(`${golden} is missing: run npm run golden:update`);
        if (UPDATE) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(golden, text);
        }
        expect(text).toBe(readFileSync(golden, "utf8"));
        // The run is reproducible within one process too.
        expect(transcript(path, seed)).toBe(text);
      });
    }
  }
});
