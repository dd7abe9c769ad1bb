import { describe, expect, it } from "vitest";
import { parseGoDuration, parseGoDurationNs } from "../../../src/models/api/go-duration.js";

// Go's time constants in nanoseconds, so the tables read like Go's.
const Nanosecond = 1n;
const Microsecond = 1_000n;
const Millisecond = 1_000_000n;
const Second = 1_000_000_000n;
const Minute = 60n * Second;
const Hour = 60n * Minute;
const MAX_INT64 = (1n << 63n) - 1n;
const MIN_INT64 = -(1n << 63n);

// The cases of golang/go src/time/time_test.go (parseDurationTests), whose values are
// time.ParseDuration's documented behaviour.
const valid: [string, bigint][] = [
  // simple
  ["0", 0n],
  ["5s", 5n * Second],
  ["30s", 30n * Second],
  ["1478s", 1478n * Second],
  // sign
  ["-5s", -5n * Second],
  ["+5s", 5n * Second],
  ["-0", 0n],
  ["+0", 0n],
  // decimal
  ["5.0s", 5n * Second],
  ["5.6s", 5n * Second + 600n * Millisecond],
  ["5.s", 5n * Second],
  [".5s", 500n * Millisecond],
  ["1.0s", Second],
  ["1.00s", Second],
  ["1.004s", Second + 4n * Millisecond],
  ["1.0040s", Second + 4n * Millisecond],
  ["100.00100s", 100n * Second + Millisecond],
  // different units: the micro sign U+00B5 and the Greek mu U+03BC both spell µs
  ["10ns", 10n * Nanosecond],
  ["11us", 11n * Microsecond],
  ["12\u00b5s", 12n * Microsecond],
  ["12\u03bcs", 12n * Microsecond],
  ["13ms", 13n * Millisecond],
  ["14s", 14n * Second],
  ["15m", 15n * Minute],
  ["16h", 16n * Hour],
  // composite durations
  ["3h30m", 3n * Hour + 30n * Minute],
  ["10.5s4m", 4n * Minute + 10n * Second + 500n * Millisecond],
  ["-2m3.4s", -(2n * Minute + 3n * Second + 400n * Millisecond)],
  [
    "1h2m3s4ms5us6ns",
    Hour + 2n * Minute + 3n * Second + 4n * Millisecond + 5n * Microsecond + 6n * Nanosecond,
  ],
  ["39h9m14.425s", 39n * Hour + 9n * Minute + 14n * Second + 425n * Millisecond],
  // large value
  ["52763797000ns", 52763797000n],
  // more than 9 digits after the decimal point (golang.org/issue/6617)
  ["0.3333333333333333333h", 20n * Minute],
  // 2^53 + 1, which a float64 cannot hold
  ["9007199254740993ns", (1n << 53n) + 1n],
  // the int64 limits
  ["9223372036854775807ns", MAX_INT64],
  ["9223372036854775.807us", MAX_INT64],
  ["9223372036s854ms775us807ns", MAX_INT64],
  ["2562047h47m16.854775807s", MAX_INT64],
  ["-9223372036854775808ns", MIN_INT64],
  ["-9223372036854775.808us", MIN_INT64],
  ["-9223372036s854ms775us808ns", MIN_INT64],
  ["-2562047h47m16.854775808s", MIN_INT64], // golang.org/issue/48629
  // a long fraction (golang.org/issue/15011), and leadingFraction's first overflow check
  ["0.100000000000000000000h", 6n * Minute],
  ["0.830103483285477580700h", 49n * Minute + 48n * Second + 372539827n],
];

// parseDurationErrorTests of the same file, with the whole message Go's format.go builds. (Its
// cases of invalid UTF-8 bytes have no JavaScript string.)
const invalid: [string, string][] = [
  ["", 'time: invalid duration ""'],
  ["3", 'time: missing unit in duration "3"'],
  ["-", 'time: invalid duration "-"'],
  ["s", 'time: invalid duration "s"'],
  [".", 'time: invalid duration "."'],
  ["-.", 'time: invalid duration "-."'],
  [".s", 'time: invalid duration ".s"'],
  ["+.s", 'time: invalid duration "+.s"'],
  ["1d", 'time: unknown unit "d" in duration "1d"'],
  ["\ufffd", 'time: invalid duration "\\xef\\xbf\\xbd"'],
  ["\ufffd hello \ufffd world", 'time: invalid duration "\\xef\\xbf\\xbd hello \\xef\\xbf\\xbd world"'],
  // overflow
  ["9223372036854775810ns", 'time: invalid duration "9223372036854775810ns"'],
  ["9223372036854775808ns", 'time: invalid duration "9223372036854775808ns"'],
  ["-9223372036854775809ns", 'time: invalid duration "-9223372036854775809ns"'],
  ["9223372036854776us", 'time: invalid duration "9223372036854776us"'],
  ["3000000h", 'time: invalid duration "3000000h"'],
  ["9223372036854775.808us", 'time: invalid duration "9223372036854775.808us"'],
  ["9223372036854ms775us808ns", 'time: invalid duration "9223372036854ms775us808ns"'],
  // one past the largest duration, and a whole part past 2^63 before any unit (leadingInt)
  ["2562047h47m16.854775808s", 'time: invalid duration "2562047h47m16.854775808s"'],
  ["2562048h", 'time: invalid duration "2562048h"'],
  ["99999999999999999999ns", 'time: invalid duration "99999999999999999999ns"'],
  // no trimming: a space is neither a digit nor a unit Go knows
  [" 30s", 'time: invalid duration " 30s"'],
  ["30s ", 'time: unknown unit "s " in duration "30s "'],
  ["1 s", 'time: unknown unit " s" in duration "1 s"'],
  ["\t5m", 'time: invalid duration "\\x095m"'],
  // a second "." starts a number without a unit before it
  ["1.2.3s", 'time: missing unit in duration "1.2.3s"'],
  ["3x", 'time: unknown unit "x" in duration "3x"'],
  // non-ASCII is written as its UTF-8 bytes, quotes and backslashes escaped (format.go quote)
  ["1\u00b5x", 'time: unknown unit "\\xc2\\xb5x" in duration "1\\xc2\\xb5x"'],
  ['1"x', 'time: unknown unit "\\"x" in duration "1\\"x"'],
];

describe("parseGoDurationNs (Go time.ParseDuration)", () => {
  it.each(valid)("%j is %s ns", (text, ns) => {
    expect(parseGoDurationNs(text)).toBe(ns);
  });

  it.each(invalid)("%j: %s", (text, message) => {
    expect(parseGoDurationNs(text)).toBe(message);
  });
});

describe("parseGoDuration (milliseconds out)", () => {
  it.each([
    ["90s", 90_000],
    ["1h30m", 5_400_000],
    ["1.5\u03bcs", 0],
    ["1499us", 1],
    ["1500us", 2],
    ["-1500us", -1],
    ["-1501us", -2],
    ["2562047h47m16.854775807s", 9_223_372_036_855],
    ["-2562047h47m16.854775808s", -9_223_372_036_855],
  ] as [string, number][])("%j is %d ms (rounded half up, as Math.round)", (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });

  it("passes Go's error on", () => {
    expect(parseGoDuration("2562048h")).toBe('time: invalid duration "2562048h"');
    expect(parseGoDuration(" 30s")).toBe('time: invalid duration " 30s"');
  });
});
