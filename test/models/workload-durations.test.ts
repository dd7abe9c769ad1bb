import { describe, expect, it } from "vitest";
import { ImageBehaviour, MAX_DURATION_MS } from "../../src/models/workload.js";
import { parseScenario, ScenarioError } from "../../src/scenario/load.js";

/** Seconds drawn from a scenario's distributions become whole milliseconds the clock accepts. */
describe("ImageBehaviour.ms", () => {
  it.each([
    [1.5, 1500],
    [0.0004, 0],
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [1e15, MAX_DURATION_MS],
    [Number.POSITIVE_INFINITY, MAX_DURATION_MS],
  ])("%f s → %i ms", (seconds, ms) => {
    expect(ImageBehaviour.ms(seconds)).toBe(ms);
    expect(Number.isSafeInteger(ImageBehaviour.ms(seconds))).toBe(true);
  });

  it("caps at 100 years", () => {
    expect(MAX_DURATION_MS).toBe(3_155_760_000_000);
  });
});

describe("scenario durations beyond the cap", () => {
  it("refuses a horizon longer than 100 years", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: t}
horizon: 4000000000s
steps: []
`;
    let problems: string[] = [];
    try {
      parseScenario(text, "s.yaml", "/nonexistent");
    } catch (e) {
      if (e instanceof ScenarioError) problems = e.problems;
      else throw e;
    }
    expect(problems).toContain(
      's.yaml: horizon: "4000000000s" is longer than 100 years, the longest duration jobsim simulates',
    );
  });
});
