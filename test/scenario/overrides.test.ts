import { describe, expect, it } from "vitest";
import { parseSet, setInImages } from "../../src/scenario/overrides.js";

/** `--set images.<image>.outcomes[i].probability=p`: the other outcomes share 1 − p. */

const outcomes = (...ps: number[]) => ({
  "app:1": { outcomes: ps.map((probability, exitCode) => ({ probability, exitCode })) },
});

const probabilities = (images: ReturnType<typeof outcomes>) =>
  images["app:1"].outcomes.map((o) => o.probability);

describe("setting one outcome's probability", () => {
  it.each([
    ["two outcomes: the other takes the rest", [0.4, 0.6], 0, 0.7, [0.7, 0.3]],
    ["two outcomes, the second one set", [0.4, 0.6], 1, 0.25, [0.75, 0.25]],
    ["three: the others keep their proportions", [0.4, 0.4, 0.2], 0, 0.7, [0.7, 0.2, 0.1]],
    ["three, the middle one set", [0.5, 0.3, 0.2], 1, 0.6, [0.285714285714, 0.6, 0.114285714286]],
    ["others all 0: left for the scenario check", [1, 0, 0], 0, 0.5, [0.5, 0, 0]],
  ])("%s", (_name, before, index, value, after) => {
    const images = outcomes(...(before as number[]));
    setInImages(images, `images.app:1.outcomes[${index}].probability`, value as number);
    expect(probabilities(images)).toEqual(after);
  });

  it("another field of an outcome leaves the probabilities alone", () => {
    const images = outcomes(0.4, 0.4, 0.2);
    setInImages(images, "images.app:1.outcomes[2].exitCode", 3);
    expect(probabilities(images)).toEqual([0.4, 0.4, 0.2]);
  });
});

describe("--set mistakes, said plainly", () => {
  it.each([
    [
      "an image the scenario does not have",
      "images.nosuch.runSeconds",
      "--set images.nosuch.runSeconds: the path names no image of the scenario (its images: app:1)",
    ],
    [
      "an outcome that does not exist, by its index",
      "images.app:1.outcomes[5].probability",
      "--set images.app:1.outcomes[5].probability: outcomes[5] does not exist in images.app:1",
    ],
    // These set a property no one reads (an array's "probability", an object's "0"): the sweep
    // ran every value on the unchanged scenario, its rows all alike, and exited 0.
    [
      "a list named without an index",
      "images.app:1.outcomes.probability",
      "--set images.app:1.outcomes.probability: outcomes is a list: name one element by its index, as in outcomes[0]",
    ],
    [
      "an index into a mapping",
      "images.app:1.runSeconds.uniform[0]",
      "--set images.app:1.runSeconds.uniform[0]: runSeconds.uniform is not a list: [0] names nothing in it",
    ],
    [
      "a key into a distribution's list",
      "images.app:1.pullSeconds.uniform.low",
      "--set images.app:1.pullSeconds.uniform.low: pullSeconds.uniform is a list: name one element by its index, as in pullSeconds.uniform[0]",
    ],
  ])("%s", (_name, path, message) => {
    const images = outcomes(0.4, 0.6);
    images["app:1"] = Object.assign(images["app:1"], {
      runSeconds: { uniform: { low: 1 } },
      pullSeconds: { uniform: [1, 3] },
    });
    expect(() => setInImages(images, path, 0.1)).toThrow(message);
  });

  it("an index written as a key (outcomes.0) is the index, and the other outcome takes the rest", () => {
    // It set outcomes[0] but rescaled both outcomes (the index was the string "0"): a sum of 0.9.
    const images = outcomes(0.4, 0.6);
    setInImages(images, "images.app:1.outcomes.0.probability", 0.1);
    expect(probabilities(images)).toEqual([0.1, 0.9]);
  });

  it.each([
    [
      "0..1:-1",
      '--set spec.backoffLimit=0..1:-1: "0..1:-1" is not a range: expected a..b or a..b:step with step > 0',
    ],
    [
      "0..1:0",
      '--set spec.backoffLimit=0..1:0: "0..1:0" is not a range: expected a..b or a..b:step with step > 0',
    ],
    [
      "1..",
      '--set spec.backoffLimit=1..: "1.." is not a number, a list (1,2,5) or a range (0..15, 0..1:0.1)',
    ],
  ])("values %s", (values, message) => {
    expect(() => parseSet(`spec.backoffLimit=${values}`)).toThrow(message);
  });
});
