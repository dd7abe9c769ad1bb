import { describe, expect, it } from "vitest";
import { ExactQuantity, quantityString, sumQuantities } from "../../../src/models/api/quantity-string.js";

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

/**
 * Quantity arithmetic as resource.Quantity's Add and Cmp do it (quantity.go): exact sums, in the
 * format of the first non-zero term (Add takes the addend's format while the receiver is zero);
 * a BinarySI sum below 1024 or not whole prints as DecimalSI, a whole one in base 1024
 * (CanonicalizeBytes), so 3000 bytes added in Ki stay "3000" where a DecimalSI 3000 is "3k".
 */
describe("ExactQuantity / sumQuantities: Quantity.Add and Cmp", () => {
  it.each([
    [["100m", "200m"], "300m"],
    [["500m", "500m"], "1"],
    [["128Mi", "64Mi"], "192Mi"],
    [["1Gi", "1Gi"], "2Gi"],
    [["1Ki", "1976"], "3000"],
    [["3000"], "3k"],
    [["0", "64Mi"], "64Mi"],
    [["128M", "1Gi"], "1201741824"],
    [["0.5", "250m"], "750m"],
    [["1e3", "1"], "1001"],
    [[], "0"],
    [["0", "0m"], "0"],
  ] as [string[], string][])("%j → %s", (terms, expected) => {
    expect(sumQuantities(terms)).toBe(expected);
  });

  it("keeps a BinarySI format it prints as DecimalSI for what is added to it", () => {
    const q = ExactQuantity.of("512Mi");
    q.add(ExactQuantity.of("-511Mi")); // 1Mi left: still BinarySI
    q.add(ExactQuantity.of("-1048064")); // 512 bytes: prints "512", stays BinarySI
    expect(q.toString()).toBe("512");
    q.add(ExactQuantity.of("1536")); // 2048 bytes, BinarySI again whole: 2Ki
    expect(q.toString()).toBe("2Ki");
    const d = ExactQuantity.of("512");
    d.add(ExactQuantity.of("1536"));
    expect(d.toString()).toBe("2048");
  });

  it("compares and rounds as Cmp, Value and MilliValue do", () => {
    expect(ExactQuantity.of("1").cmp(ExactQuantity.of("999m"))).toBe(1);
    expect(ExactQuantity.of("1Gi").cmp(ExactQuantity.of("1073741824"))).toBe(0);
    expect(ExactQuantity.of("1m").cmp(ExactQuantity.of("0.001"))).toBe(0);
    expect(ExactQuantity.of("1.5n").milliValue()).toBe(1); // rounded up
    expect(ExactQuantity.of("2500m").value()).toBe(3);
    expect(ExactQuantity.of("100m").milliValue()).toBe(100);
    expect(ExactQuantity.of("4").milliValue()).toBe(4000);
    expect(ExactQuantity.zero().toString()).toBe("0");
  });
});
