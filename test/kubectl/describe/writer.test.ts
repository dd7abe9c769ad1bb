import { describe, expect, it } from "vitest";
import {
  escapeTerminal,
  formatRfc1123z,
  goTrimSpace,
  PrefixWriter,
  parseApiTime,
  timestampSince,
} from "../../../src/kubectl/describe/writer.js";
import { K134 } from "./fixtures.js";

describe("describe writer helpers", () => {
  it("parses metav1.Time and MicroTime; null, empty and Go's zero time are zero", () => {
    expect(parseApiTime("2025-11-27T17:00:03Z")).toBe(Date.UTC(2025, 10, 27, 17, 0, 3));
    expect(parseApiTime("2025-11-27T17:00:03.123456Z")).toBeCloseTo(
      Date.UTC(2025, 10, 27, 17, 0, 3) + 123.456,
      6,
    );
    expect(parseApiTime("2025-11-27T20:00:03+03:00")).toBe(Date.UTC(2025, 10, 27, 17, 0, 3));
    expect(parseApiTime(null)).toBeNull();
    expect(parseApiTime(undefined)).toBeNull();
    expect(parseApiTime("")).toBeNull();
    expect(parseApiTime("0001-01-01T00:00:00Z")).toBeNull();
    expect(() => parseApiTime("yesterday")).toThrow(RangeError);
    expect(timestampSince(null, 0)).toBe("<unknown>");
  });

  it("formats times in the client's zone, and the zero time (null) in UTC as Go does", () => {
    const est = { ...K134, utcOffsetMinutes: -300 };
    expect(formatRfc1123z("2026-01-01T00:00:06Z", est)).toBe("Wed, 31 Dec 2025 19:00:06 -0500");
    expect(formatRfc1123z(null, est)).toBe("Mon, 01 Jan 0001 00:00:00 +0000");
    expect(formatRfc1123z("0001-01-01T00:00:00Z", { ...K134, utcOffsetMinutes: 180 })).toBe(
      "Mon, 01 Jan 0001 00:00:00 +0000",
    );
  });

  it("trims like Go's strings.TrimSpace (U+0085 yes, U+FEFF no)", () => {
    expect(goTrimSpace(" \t\n msg \u0085\u00a0")).toBe("msg");
    expect(goTrimSpace("\ufeffmsg")).toBe("\ufeffmsg");
  });

  it("escapes ESC and CR like cli-runtime's terminal escaper", () => {
    expect(escapeTerminal("a\x1b[0mb\r\n")).toBe("a^[[0mb\\r\n");
  });

  it("indents only the start of each write, two spaces per level, and lays out with the describe tabwriter", () => {
    const w = new PrefixWriter();
    w.write(0, "Conditions:\n  Type\tStatus\n");
    w.write(1, "Ready \tTrue \n");
    w.write(0, "Key:\t");
    w.writeLine("<none>");
    // Key: has a tab in the first column too, so it joins the same block.
    expect(w.finish()).toBe("Conditions:\n  Type    Status\n  Ready   True \nKey:      <none>\n");
  });

  it("flush ends the column blocks, like Go's tabwriter Flush", () => {
    const w = new PrefixWriter();
    w.write(0, "A:\t1\n");
    w.flush();
    w.write(0, "Longer:\t2\n");
    expect(w.finish()).toBe("A:  1\nLonger:  2\n");
  });
});
