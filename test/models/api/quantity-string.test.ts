import { describe, expect, it } from "vitest";
import { quantityString } from "../../../src/models/api/quantity-string.js";

describe("quantityString: resource.Quantity.String() canonical form", () => {
  it.each([
    ["0", "0"],
    ["0m", "0"],
    ["100m", "100m"],
    ["0.1", "100m"],
    ["1000m", "1"],
    ["1500m", "1500m"],
    ["1.5", "1500m"],
    ["1000", "1k"],
    ["1k", "1k"],
    ["1000k", "1M"],
    ["1024", "1024"],
    ["0.001", "1m"],
    ["-100m", "-100m"],
    ["128974848", "128974848"],
    ["129M", "129M"],
    ["129e6", "129e6"],
    ["12e6", "12e6"],
    ["1e3", "1e3"],
    ["1.1e3", "1100"],
    ["1n", "1n"],
    ["1.1n", "2n"],
    ["123Mi", "123Mi"],
    ["64Mi", "64Mi"],
    ["1024Mi", "1Gi"],
    ["1.5Gi", "1536Mi"],
    ["0.5Gi", "512Mi"],
    ["1023", "1023"],
    ["0.5Ki", "512"],
    ["1Ki", "1Ki"],
    ["1000Ki", "1000Ki"],
  ])("%s → %s", (input, expected) => {
    expect(quantityString(input)).toBe(expected);
  });

  it("accepts JSON numbers and leaves unparseable text alone", () => {
    expect(quantityString(2)).toBe("2");
    expect(quantityString(0.25)).toBe("250m");
    expect(quantityString("lots")).toBe("lots");
  });
});
