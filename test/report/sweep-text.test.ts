import { describe, expect, it } from "vitest";
import { sweepText } from "../../src/report/sweep-table.js";
import { sweepFixture } from "./fixtures.js";

describe("sweep text: the target as the user gave it", () => {
  // The verdicts compare the raw lower bound with the raw target; the text must name that
  // target, not a rounding of it that a shown lower bound seems to contradict.
  it.each([
    [0.9, "90%"],
    [0.999, "99.9%"],
    [0.9995, "99.95%"],
    [0.999021, "99.9021%"],
  ])("target %s is printed as %s in the header and the recommendation", (target, shown) => {
    const text = sweepText(sweepFixture({ target }));
    const header = text.split("\n").find((l) => l.startsWith("backoffLimit "));
    expect(header).toContain(`lower ≥ ${shown} `);
    expect(text).toMatch(new RegExp(`reaches ${shown.replace(".", "\\.")} success`));
  });
});
