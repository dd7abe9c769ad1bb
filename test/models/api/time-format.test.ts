import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventNameSuffix, rfc1123z, rfc3339, rfc3339Micro } from "../../../src/models/api/time-format.js";

const S = 1000; // ms per second: the fixtures below are Unix seconds, as in the Go tables they come from

// Expected strings were cross-checked with GNU `date -u -R` (RFC 5322 date = Go's RFC1123Z layout) and
// `date -u +%FT%TZ`.
// The first six rows are ported from golang/go src/time/time_test.go @ f7396aaea0297a2e95b502a4075b0aed6efda89f
// (utctests: Unix seconds → date and weekday in UTC).
const utcInstants: [number, string, string][] = [
  [0, "1970-01-01T00:00:00Z", "Thu, 01 Jan 1970 00:00:00 +0000"],
  [1221681866, "2008-09-17T20:04:26Z", "Wed, 17 Sep 2008 20:04:26 +0000"],
  [-1221681866, "1931-04-16T03:55:34Z", "Thu, 16 Apr 1931 03:55:34 +0000"],
  [-11644473600, "1601-01-01T00:00:00Z", "Mon, 01 Jan 1601 00:00:00 +0000"],
  [599529660, "1988-12-31T00:01:00Z", "Sat, 31 Dec 1988 00:01:00 +0000"],
  [978220860, "2000-12-31T00:01:00Z", "Sun, 31 Dec 2000 00:01:00 +0000"],
  // Leap years: 2024 (÷4), 2000 (÷400); 1900 and 2100 (÷100, not ÷400) have no 29 February.
  [1709251199, "2024-02-29T23:59:59Z", "Thu, 29 Feb 2024 23:59:59 +0000"],
  [1709251200, "2024-03-01T00:00:00Z", "Fri, 01 Mar 2024 00:00:00 +0000"],
  [951782400, "2000-02-29T00:00:00Z", "Tue, 29 Feb 2000 00:00:00 +0000"],
  [-2203891200, "1900-03-01T00:00:00Z", "Thu, 01 Mar 1900 00:00:00 +0000"],
  [4107456000, "2100-02-28T00:00:00Z", "Sun, 28 Feb 2100 00:00:00 +0000"],
  [4107542400, "2100-03-01T00:00:00Z", "Mon, 01 Mar 2100 00:00:00 +0000"],
  [1767225600, "2026-01-01T00:00:00Z", "Thu, 01 Jan 2026 00:00:00 +0000"],
  // Go's zero time (Mon, 01 Jan 0001) and year 0: years keep four digits.
  [-62135596800, "0001-01-01T00:00:00Z", "Mon, 01 Jan 0001 00:00:00 +0000"],
  [-62167219200, "0000-01-01T00:00:00Z", "Sat, 01 Jan 0000 00:00:00 +0000"],
];

// Every month name (and five of the day names) once; 15th of each month of 2026, 08:09:10 UTC.
const monthNames: [number, string][] = [
  [Date.UTC(2026, 0, 15, 8, 9, 10), "Thu, 15 Jan 2026 08:09:10 +0000"],
  [Date.UTC(2026, 1, 15, 8, 9, 10), "Sun, 15 Feb 2026 08:09:10 +0000"],
  [Date.UTC(2026, 2, 15, 8, 9, 10), "Sun, 15 Mar 2026 08:09:10 +0000"],
  [Date.UTC(2026, 3, 15, 8, 9, 10), "Wed, 15 Apr 2026 08:09:10 +0000"],
  [Date.UTC(2026, 4, 15, 8, 9, 10), "Fri, 15 May 2026 08:09:10 +0000"],
  [Date.UTC(2026, 5, 15, 8, 9, 10), "Mon, 15 Jun 2026 08:09:10 +0000"],
  [Date.UTC(2026, 6, 15, 8, 9, 10), "Wed, 15 Jul 2026 08:09:10 +0000"],
  [Date.UTC(2026, 7, 15, 8, 9, 10), "Sat, 15 Aug 2026 08:09:10 +0000"],
  [Date.UTC(2026, 8, 15, 8, 9, 10), "Tue, 15 Sep 2026 08:09:10 +0000"],
  [Date.UTC(2026, 9, 15, 8, 9, 10), "Thu, 15 Oct 2026 08:09:10 +0000"],
  [Date.UTC(2026, 10, 15, 8, 9, 10), "Sun, 15 Nov 2026 08:09:10 +0000"],
  [Date.UTC(2026, 11, 15, 8, 9, 10), "Tue, 15 Dec 2026 08:09:10 +0000"],
];

// Ported from the same time_test.go (localtests, US Pacific) with each row's zone offset passed explicitly,
// plus formatTests' RFC1123Z row from golang/go src/time/format_test.go @ 4e9183cb14bf58011389c8a8c8ccaecd3ef50451
// (Unix(0, 1233810057012345600) in PST → "Wed, 04 Feb 2009 21:00:57 -0800").
const offsetInstants: [number, number, string][] = [
  [0, -480, "Wed, 31 Dec 1969 16:00:00 -0800"],
  [1221681866, -420, "Wed, 17 Sep 2008 13:04:26 -0700"],
  [2159200800, -420, "Thu, 03 Jun 2038 11:00:00 -0700"],
  [2152173599, -480, "Sun, 14 Mar 2038 01:59:59 -0800"],
  [2152173600, -420, "Sun, 14 Mar 2038 03:00:00 -0700"],
  [2172733199, -420, "Sun, 07 Nov 2038 01:59:59 -0700"],
  [2172733200, -480, "Sun, 07 Nov 2038 01:00:00 -0800"],
  [1233810057.0123456, -480, "Wed, 04 Feb 2009 21:00:57 -0800"],
  // Half-hour zones (GNU date with TZ=Asia/Kolkata and TZ=America/St_Johns).
  [1767225600, 330, "Thu, 01 Jan 2026 05:30:00 +0530"],
  [1767225600, -210, "Wed, 31 Dec 2025 20:30:00 -0330"],
];

describe("rfc3339 (metav1.Time JSON/YAML)", () => {
  it.each(utcInstants)("%d s → %s", (sec, want) => {
    expect(rfc3339(sec * S)).toBe(want);
  });
  it("drops the sub-second part instead of rounding it", () => {
    expect(rfc3339(Date.UTC(2026, 0, 1) + 999)).toBe("2026-01-01T00:00:00Z");
    expect(rfc3339(Date.UTC(2026, 0, 1) + 999.9)).toBe("2026-01-01T00:00:00Z");
  });
  it("floors instants before 1970 into the earlier second, as Go does", () => {
    expect(rfc3339(-1)).toBe("1969-12-31T23:59:59Z");
    expect(rfc3339(-0.5)).toBe("1969-12-31T23:59:59Z");
  });
  it("prints negative years with Go's sign and four digits", () => {
    expect(rfc3339(-62198755200 * S)).toBe("-0001-01-01T00:00:00Z");
  });
  it("agrees with Date#toISOString without milliseconds for years 0–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62167219200000, max: 253402300799999 }), (ms) => {
        expect(rfc3339(ms)).toBe(new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"));
      }),
    );
  });
  it("rejects instants a Date cannot hold", () => {
    expect(() => rfc3339(Number.NaN)).toThrow(RangeError);
    expect(() => rfc3339(9e15)).toThrow(RangeError);
  });
});

describe("rfc3339Micro (metav1.MicroTime)", () => {
  it("always prints six fractional digits", () => {
    expect(rfc3339Micro(Date.UTC(2026, 0, 1))).toBe("2026-01-01T00:00:00.000000Z");
    expect(rfc3339Micro(Date.UTC(2026, 0, 1) + 123)).toBe("2026-01-01T00:00:00.123000Z");
    expect(rfc3339Micro(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe("2024-02-29T23:59:59.999000Z");
  });
  it("truncates to the microsecond (format_test.go's instant: .0123456 → .012345)", () => {
    // Go: Unix(0, 1233810057012345600); the nearest double is a little above .3456 ms.
    expect(rfc3339Micro(1233810057012 + 0.3456)).toBe("2009-02-05T05:00:57.012345Z");
  });
  it("floors before 1970", () => {
    expect(rfc3339Micro(-1)).toBe("1969-12-31T23:59:59.999000Z");
  });
});

describe("rfc1123z (describe timestamps)", () => {
  it.each(utcInstants)("%d s (UTC) → %s", (sec, _iso, want) => {
    expect(rfc1123z(sec * S)).toBe(want);
  });
  it.each(monthNames)("month names: %d → %s", (ms, want) => {
    expect(rfc1123z(ms)).toBe(want);
  });
  it.each(offsetInstants)("%d s at offset %d min → %s", (sec, offset, want) => {
    expect(rfc1123z(sec * S, offset)).toBe(want);
  });
  it("prints UTC as +0000 (Go's -0700 layout never prints Z)", () => {
    expect(rfc1123z(Date.UTC(2026, 0, 1), 0)).toBe("Thu, 01 Jan 2026 00:00:00 +0000");
  });
  it("covers all seven day names over one week", () => {
    const days = Array.from({ length: 7 }, (_, i) => rfc1123z(Date.UTC(2026, 0, 4 + i)).slice(0, 3));
    expect(days).toEqual(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);
  });
  it("rejects fractional offsets", () => {
    expect(() => rfc1123z(0, 1.5)).toThrow(RangeError);
  });
});

describe("eventNameSuffix (hex UnixNano in event names)", () => {
  it("matches the reference §8.8 example pi-xf9p4.17979cfe362a0000", () => {
    expect(eventNameSuffix(1_700_000_000_000)).toBe("17979cfe362a0000");
  });
  it("is exact beyond 2^53 nanoseconds", () => {
    expect(eventNameSuffix(Date.UTC(2026, 0, 1))).toBe("18867251edfa0000");
    expect(eventNameSuffix(1709251199999)).toBe("17b87ae90fd9bdc0");
  });
  it("prints 0 and negative values like Go's %x", () => {
    expect(eventNameSuffix(0)).toBe("0");
    expect(eventNameSuffix(-1)).toBe("-f4240");
  });
});
